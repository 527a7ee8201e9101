using Microsoft.Extensions.Logging.Console;
using ProofOfHeat.Host.Configuration;
using ProofOfHeat.Host.Hosting;

namespace ProofOfHeat.Host.Logging;

/// <summary>
/// Sets up logging for a mode. By default one readable line per entry (<see cref="ReadableConsoleFormatter"/>);
/// <c>logging.format: json</c> or <c>--log-format json</c> writes one JSON object per line for log
/// shippers. <c>run</c> writes to stdout; <c>demo</c> writes warnings and errors only, to stderr, so
/// that the demo's table on stdout stays readable. Every entry passes the <see cref="SecretRedactor"/>,
/// and ASP.NET Core's per-request lines are written at Debug (<see cref="HttpFrameworkLogger"/>).
/// </summary>
internal static class BrainLogging
{
    /// <summary>Replaces the builder's providers with the brain's console logging; <paramref name="wallClock"/> stamps readable lines.</summary>
    public static void Configure(ILoggingBuilder logging, LoggingOptions options, RunMode mode, SecretRedactor redactor, TimeProvider wallClock)
    {
        ArgumentNullException.ThrowIfNull(logging);
        ArgumentNullException.ThrowIfNull(options);
        logging.ClearProviders();
        var demo = mode == RunMode.Demo;
        var minimum = demo ? (LogLevel)Math.Max((int)options.Level, (int)LogLevel.Warning) : options.Level;
        logging.SetMinimumLevel(minimum);
        var json = options.Format == LogFormat.Json;
        logging.AddConsole(console =>
        {
            console.LogToStandardErrorThreshold = demo ? LogLevel.Trace : LogLevel.None;
            console.FormatterName = json ? ConsoleFormatterNames.Json : ReadableConsoleFormatter.FormatterName;
        });
        logging.Services.AddSingleton<ConsoleFormatter>(new ReadableConsoleFormatter(wallClock));
        if (json)
        {
            logging.AddJsonConsole(formatter =>
            {
                formatter.UseUtcTimestamp = true;
                formatter.IncludeScopes = true;
                formatter.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        var console = logging.Services.Single(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider));
        logging.Services.Remove(console);
        logging.Services.AddSingleton<ILoggerProvider>(services =>
            new RedactingLoggerProvider(ActivatorUtilities.CreateInstance<ConsoleLoggerProvider>(services), redactor, minimum));
    }
}
