using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace ProofOfHeat.Host.Logging;

/// <summary>
/// One line per entry for people — the HA add-on's log tab, a terminal, <c>journalctl</c>:
/// <c>2026-12-07 12:03:04 WRN ha: Disconnected from Home Assistant (closed); reconnecting in 2 s (…)</c>.
/// Local time (the add-on's container has the home's time zone), a three-letter level, the short
/// source (<see cref="LogSource"/>), the message. An expected network fault adds its message on the
/// same line; any other exception follows with its stack trace, which is what a bug report needs.
/// No colour codes at all: the add-on log tab and files show them as garbage.
/// </summary>
internal sealed class ReadableConsoleFormatter : ConsoleFormatter
{
    /// <summary>The formatter's name in <see cref="ConsoleLoggerOptions.FormatterName"/>.</summary>
    public const string FormatterName = "poh";

    private readonly TimeProvider _wallClock;

    /// <summary>Creates the formatter; <paramref name="wallClock"/> stamps the lines (the real clock, even in the demo).</summary>
    public ReadableConsoleFormatter(TimeProvider wallClock)
        : base(FormatterName) => _wallClock = wallClock;

    /// <summary>The three letters for a level.</summary>
    public static string LevelText(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRC",
        LogLevel.Debug => "DBG",
        LogLevel.Information => "INF",
        LogLevel.Warning => "WRN",
        LogLevel.Error => "ERR",
        LogLevel.Critical => "CRT",
        _ => "???",
    };

    /// <inheritdoc />
    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        ArgumentNullException.ThrowIfNull(textWriter);
        var message = logEntry.State is RedactedState redacted
            ? redacted.ReadableMessage
            : logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        textWriter.Write(_wallClock.GetLocalNow().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        textWriter.Write(' ');
        textWriter.Write(LevelText(logEntry.LogLevel));
        textWriter.Write(' ');
        textWriter.Write(LogSource.Of(logEntry.Category));
        textWriter.Write(": ");
        textWriter.Write(OneLine(message ?? string.Empty));
        if (logEntry.Exception is { } exception)
        {
            // The redacting logger has already classified (and replaced) the original exception.
            var expected = exception is RedactedException redactedException ? redactedException.IsExpectedFault : ExpectedFaults.IsExpected(exception);
            if (expected)
            {
                textWriter.Write(" (");
                textWriter.Write(OneLine(exception.Message));
                textWriter.Write(')');
            }
            else
            {
                textWriter.Write(Environment.NewLine);
                textWriter.Write(exception.ToString());
            }
        }

        textWriter.Write(Environment.NewLine);
    }

    // A message with line breaks (a server's error text, say) would read as several entries.
    private static string OneLine(string text) =>
        text.Contains('\n', StringComparison.Ordinal) ? text.ReplaceLineEndings(" ") : text;
}
