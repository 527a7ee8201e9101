using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ProofOfHeat.Telemetry.Sinks;

namespace ProofOfHeat.Telemetry.Http;

/// <summary>Sending one table's lines and reading the answer.</summary>
public sealed partial class IlpHttpSink
{
    private static readonly MediaTypeHeaderValue PlainText = new("text/plain") { CharSet = "utf-8" };

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        // Each 400 removes one line, so this ends after at most one attempt per line.
        while (_lineEnds.Count > 0)
        {
            using var deadline = Deadline(cancellationToken);
            using var content = new ReadOnlyMemoryContent(_writer.WrittenMemory);
            content.Headers.ContentType = PlainText;
            using var response = await PostWithTimeoutAsync(WritePath(), content, deadline, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            var body = await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                throw new TelemetrySinkException($"{Name}: HTTP {(int)response.StatusCode} {Shorten(body)}", IsRetriableStatus(response.StatusCode));
            }

            var (reason, line) = ReadError(body);
            if (_options.Kind == IlpServerKind.InfluxDb || line is null || line < 1 || line > _lineEnds.Count)
            {
                // InfluxDB stored the valid points already; QuestDB without a line number names no line to cut.
                Interlocked.Increment(ref _rejectedLines);
                LogRefused(Name, reason);
                if (_options.Kind == IlpServerKind.InfluxDb)
                {
                    return;
                }

                throw new TelemetrySinkException($"{Name}: HTTP 400 {reason}", isRetriable: false);
            }

            Interlocked.Increment(ref _rejectedLines);
            LogBadLine(Name, line.Value, LineText(line.Value - 1), reason);
            CutLine(line.Value - 1);
        }
    }

    private string WritePath() => _options.Kind == IlpServerKind.InfluxDb
        ? "write?precision=n&db=" + Uri.EscapeDataString(_options.Database ?? string.Empty)
        : "write?precision=n";

    /// <summary>
    /// QuestDB: <c>{"code":"invalid","message":"…","line":3,"errorId":"…"}</c>; InfluxDB: <c>{"error":"…"}</c>
    /// (QuestDB docs connect/compatibility/ilp/overview.md; docs.influxdata.com/influxdb/v1/api/write/).
    /// </summary>
    private static (string Reason, int? Line) ReadError(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var reason = root.TryGetProperty("message", out var message) ? message.GetString()
                : root.TryGetProperty("error", out var error) ? error.GetString() : null;
            int? line = root.TryGetProperty("line", out var number) && number.ValueKind == JsonValueKind.Number ? number.GetInt32() : null;
            return (reason ?? Shorten(body), line);
        }
        catch (JsonException)
        {
            return (Shorten(body), null);
        }
    }

    private string LineText(int index)
    {
        var start = index == 0 ? 0 : _lineEnds[index - 1];
        return Encoding.UTF8.GetString(_writer.WrittenSpan[start..(_lineEnds[index] - 1)]);
    }

    private void CutLine(int index)
    {
        var start = index == 0 ? 0 : _lineEnds[index - 1];
        var end = _lineEnds[index];
        var rest = _writer.WrittenSpan[end..].ToArray();
        var kept = _writer.WrittenSpan[..start].ToArray();
        _writer.Clear();
        _writer.WriteRaw(kept);
        _writer.WriteRaw(rest);
        var removed = end - start;
        _lineEnds.RemoveAt(index);
        for (var i = index; i < _lineEnds.Count; i++)
        {
            _lineEnds[i] -= removed;
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    [LoggerMessage(Level = LogLevel.Error, Message = "{Sink} refused line {Line} ({LineText}) and it is not sent again: {Reason}")]
    private partial void LogBadLine(string sink, int line, string lineText, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Sink} refused lines (not sent again): {Reason}")]
    private partial void LogRefused(string sink, string reason);
}
