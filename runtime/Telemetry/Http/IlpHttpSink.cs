using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Telemetry;
using ProofOfHeat.Telemetry.Ilp;
using ProofOfHeat.Telemetry.Sinks;

namespace ProofOfHeat.Telemetry.Http;

/// <summary>
/// Writes batches to QuestDB or InfluxDB 1.x with the line protocol over HTTP (<c>POST /write</c>), one table per
/// request (QuestDB commits a single-table request as one transaction: "HTTP transaction semantics", QuestDB docs connect/compatibility/ilp/overview.md).
/// A connection failure, a timeout or a 5xx (and QuestDB's retriable 404/421) is retriable: the outbox offers the batch
/// again with backoff, and QuestDB's <c>DEDUP UPSERT KEYS</c> stores a batch it committed but never acknowledged once.
/// A 400 is not retried: the bad line is logged once with the server's reason; QuestDB committed nothing, so the
/// other lines are sent again without it; InfluxDB already stored the valid points ("partial write", docs.influxdata.com/influxdb/v1/api/write/).
/// </summary>
public sealed partial class IlpHttpSink : ITelemetrySink, IDisposable
{
    private readonly IlpHttpOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly HttpClient _http;
    private readonly IlpWriter _writer = new();
    private readonly List<int> _lineEnds = [];
    private readonly QuestDbTables _tables;
    private bool _databaseReady;
    private long _rejectedLines;

    /// <summary>Creates the sink (no connection is made until the first batch).</summary>
    public IlpHttpSink(IlpHttpOptions options, TimeProvider time, ILogger logger, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time;
        _logger = logger;
        _http = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = options.Address,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        if (options.Username is not null)
        {
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}"));
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        }

        _tables = new QuestDbTables(_http, this);
    }

    /// <inheritdoc />
    public string Name => _options.SinkName;

    /// <summary>Lines the server refused with a 400 (logged once each, never retried).</summary>
    public long RejectedLines => Interlocked.Read(ref _rejectedLines);

    internal ILogger Logger => _logger;

    /// <inheritdoc />
    public async ValueTask WriteAsync(IReadOnlyList<TelemetryPoint> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        try
        {
            await EnsureDatabaseAsync(cancellationToken).ConfigureAwait(false);
            foreach (var table in TablesInOrder(batch))
            {
                if (_options.Kind == IlpServerKind.QuestDb)
                {
                    await _tables.EnsureAsync(table, batch, cancellationToken).ConfigureAwait(false);
                }

                Encode(batch, table);
                await SendAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (HttpRequestException error)
        {
            throw new TelemetrySinkException($"{Name}: {error.Message}", isRetriable: true, error);
        }
        catch (IOException error)
        {
            throw new TelemetrySinkException($"{Name}: {error.Message}", isRetriable: true, error);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    /// <summary>A request's token: the caller's, cut off after <see cref="IlpHttpOptions.RequestTimeout"/>.</summary>
    internal RequestDeadline Deadline(CancellationToken cancellationToken) =>
        new(_options.RequestTimeout, _time, cancellationToken);

    private static List<string> TablesInOrder(IReadOnlyList<TelemetryPoint> batch)
    {
        var tables = new List<string>();
        for (var i = 0; i < batch.Count; i++)
        {
            if (!tables.Contains(batch[i].Table, StringComparer.Ordinal))
            {
                tables.Add(batch[i].Table);
            }
        }

        return tables;
    }

    private void Encode(IReadOnlyList<TelemetryPoint> batch, string table)
    {
        _writer.Clear();
        _lineEnds.Clear();
        for (var i = 0; i < batch.Count; i++)
        {
            if (string.Equals(batch[i].Table, table, StringComparison.Ordinal) && _writer.Write(batch[i]))
            {
                _lineEnds.Add(_writer.Length);
            }
        }
    }

    private async Task EnsureDatabaseAsync(CancellationToken cancellationToken)
    {
        if (_options.Kind != IlpServerKind.InfluxDb || _databaseReady)
        {
            return;
        }

        // InfluxDB 1.x needs the database to exist (404 "database not found" otherwise); CREATE DATABASE is a no-op
        // when it does (docs.influxdata.com/influxdb/v1.6/query_language/database_management/).
        using var deadline = Deadline(cancellationToken);
        var query = "query?q=" + Uri.EscapeDataString($"CREATE DATABASE \"{_options.Database}\"");
        using var response = await PostWithTimeoutAsync(query, null, deadline, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new TelemetrySinkException($"{Name}: CREATE DATABASE answered {(int)response.StatusCode}", IsRetriableStatus(response.StatusCode));
        }

        _databaseReady = true;
    }

    internal async Task<HttpResponseMessage> PostWithTimeoutAsync(string path, HttpContent? content, RequestDeadline deadline, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.PostAsync(path, content, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TelemetrySinkException($"{Name}: no answer within {_options.RequestTimeout}", isRetriable: true, error);
        }
    }

    /// <summary>
    /// Retriable statuses: every 5xx, and QuestDB's 404 and 421, as the official client retries them (NC
    /// <c>IsRetriableError</c>, questdb/net-questdb-client Senders/HttpSender.cs). InfluxDB's 404 is "database not found", which a retry after the
    /// database is made can cure, so it is retried too.
    /// </summary>
    internal static bool IsRetriableStatus(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.NotFound or HttpStatusCode.MisdirectedRequest;
}
