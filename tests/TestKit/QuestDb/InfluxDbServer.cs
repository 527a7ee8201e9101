using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using ProofOfHeat.TestKit.Net;

namespace ProofOfHeat.TestKit.QuestDb;

/// <summary>
/// A real InfluxDB 1.x (<c>influxd</c> from Debian's influxdb package, scripts/install-influxdb-test-deps.sh) on
/// 127.0.0.1 with free ports and a temp directory; stopped and deleted on dispose. Its <c>/write</c> speaks the line
/// protocol QuestDB ingests (docs.influxdata.com/influxdb/v1/api/write/).
/// </summary>
public sealed class InfluxDbServer : IAsyncDisposable
{
    private static readonly string[] Candidates = ["/usr/bin/influxd", "/usr/local/bin/influxd"];
    private readonly string _directory;
    private readonly Process _process;
    private readonly HttpClient _http;

    private InfluxDbServer(string directory, int port, Process process)
    {
        _directory = directory;
        Port = port;
        _process = process;
        _http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The HTTP port.</summary>
    public int Port { get; }

    /// <summary>http://127.0.0.1:port/.</summary>
    public Uri Address => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>Whether influxd is installed here.</summary>
    public static bool IsInstalled => Candidates.Any(File.Exists);

    /// <summary>Starts influxd and waits (up to 30 s) until <c>/ping</c> answers 204.</summary>
    public static async Task<InfluxDbServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var binary = Candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("influxd is not installed: run scripts/install-test-deps.sh");
        var directory = Directory.CreateTempSubdirectory("poh-influxdb-").FullName;
        var port = LoopbackPort.Unused();
        var rpcPort = LoopbackPort.Unused();
        var config = Path.Combine(directory, "influxdb.conf");
        await File.WriteAllTextAsync(config, $"""
            reporting-disabled = true
            bind-address = "127.0.0.1:{rpcPort}"
            [meta]
              dir = "{directory}/meta"
            [data]
              dir = "{directory}/data"
              wal-dir = "{directory}/wal"
              query-log-enabled = false
            [monitor]
              store-enabled = false
            [continuous_queries]
              enabled = false
            [http]
              bind-address = "127.0.0.1:{port}"
              log-enabled = false
            """, cancellationToken).ConfigureAwait(false);
        var start = new ProcessStartInfo(binary, ["run", "-config", config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("influxd did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new InfluxDbServer(directory, port, process);
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (process.HasExited)
            {
                break;
            }

            try
            {
                using var ping = await server._http.GetAsync("ping", cancellationToken).ConfigureAwait(false);
                if (ping.StatusCode == HttpStatusCode.NoContent)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }

        await server.DisposeAsync().ConfigureAwait(false);
        throw new InvalidOperationException("influxd did not answer /ping within 30 s");
    }

    /// <summary>Runs an InfluxQL query on <paramref name="database"/> and returns the rows of the first series (column → value).</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, JsonElement>>> QueryAsync(string database, string query, CancellationToken cancellationToken = default)
    {
        var path = $"query?db={Uri.EscapeDataString(database)}&epoch=ns&q={Uri.EscapeDataString(query)}";
        var json = await _http.GetStringAsync(path, cancellationToken).ConfigureAwait(false);
        using var document = JsonDocument.Parse(json);
        var rows = new List<IReadOnlyDictionary<string, JsonElement>>();
        foreach (var result in document.RootElement.GetProperty("results").EnumerateArray())
        {
            if (!result.TryGetProperty("series", out var series))
            {
                continue;
            }

            foreach (var serie in series.EnumerateArray())
            {
                var columns = serie.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
                foreach (var values in serie.GetProperty("values").EnumerateArray())
                {
                    var row = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                    var i = 0;
                    foreach (var value in values.EnumerateArray())
                    {
                        row[columns[i++]] = value.Clone();
                    }

                    rows.Add(row);
                }
            }
        }

        return rows;
    }

    /// <summary>The raw JSON answer of a query (for field types: <c>SHOW FIELD KEYS</c>).</summary>
    public Task<string> QueryRawAsync(string database, string query, CancellationToken cancellationToken = default) =>
        _http.GetStringAsync($"query?db={Uri.EscapeDataString(database)}&q={Uri.EscapeDataString(query)}", cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
