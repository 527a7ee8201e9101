using System.Text;
using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Telemetry;
using ProofOfHeat.Telemetry.Sinks;

namespace ProofOfHeat.Telemetry.Http;

/// <summary>
/// Creates each QuestDB table before its first line, through <c>/exec</c>, with a designated timestamp and
/// <c>DEDUP UPSERT KEYS(timestamp, symbols…)</c>: a WAL table whose keys include the designated timestamp skips an
/// identical row, so a batch the outbox sends again after an unacknowledged commit is stored once (QuestDB
/// concepts/deduplication.md; QuestDB docs concepts/deduplication.md). The timestamp column is named <c>timestamp</c>, as ILP auto-creation
/// names it (QuestDB docs connect/compatibility/ilp/overview.md).
/// </summary>
internal sealed partial class QuestDbTables(HttpClient http, IlpHttpSink sink)
{
    private readonly HashSet<string> _created = new(StringComparer.Ordinal);

    public async Task EnsureAsync(string table, IReadOnlyList<TelemetryPoint> batch, CancellationToken cancellationToken)
    {
        if (_created.Contains(table))
        {
            return;
        }

        var first = batch.First(p => string.Equals(p.Table, table, StringComparison.Ordinal));
        var ddl = CreateStatement(first);
        using var deadline = sink.Deadline(cancellationToken);
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync("exec?query=" + Uri.EscapeDataString(ddl), deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException error) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TelemetrySinkException($"{sink.Name}: no answer to CREATE TABLE {table}", isRetriable: true, error);
        }

        using (response)
        {
            if (IlpHttpSink.IsRetriableStatus(response.StatusCode))
            {
                throw new TelemetrySinkException($"{sink.Name}: CREATE TABLE {table} answered {(int)response.StatusCode}", isRetriable: true);
            }

            if (!response.IsSuccessStatusCode)
            {
                // The lines still go in (ILP creates the table itself), only without dedup: say so once.
                var body = await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false);
                LogDdlRefused(sink.Logger, table, (int)response.StatusCode, body);
            }
        }

        _created.Add(table);
    }

    /// <summary>The DDL for a table shaped like <paramref name="point"/>.</summary>
    public static string CreateStatement(TelemetryPoint point)
    {
        var sql = new StringBuilder();
        sql.Append("CREATE TABLE IF NOT EXISTS ").Append(Quote(point.Table)).Append(" (");
        foreach (var symbol in point.Symbols)
        {
            sql.Append(Quote(symbol.Key)).Append(" SYMBOL, ");
        }

        foreach (var field in point.Fields)
        {
            sql.Append(Quote(field.Name)).Append(' ').Append(ColumnType(field.Kind)).Append(", ");
        }

        sql.Append("timestamp TIMESTAMP) TIMESTAMP(timestamp) PARTITION BY DAY WAL DEDUP UPSERT KEYS(timestamp");
        foreach (var symbol in point.Symbols)
        {
            sql.Append(", ").Append(Quote(symbol.Key));
        }

        return sql.Append(");").ToString();
    }

    private static string ColumnType(TelemetryFieldKind kind) => kind switch
    {
        TelemetryFieldKind.Real => "DOUBLE",
        TelemetryFieldKind.Whole => "LONG",
        TelemetryFieldKind.Boolean => "BOOLEAN",
        _ => "VARCHAR",
    };

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    [LoggerMessage(Level = LogLevel.Warning, Message = "QuestDB refused CREATE TABLE {Table} ({Status}: {Body}); its rows go in without dedup")]
    private static partial void LogDdlRefused(ILogger logger, string table, int status, string body);
}
