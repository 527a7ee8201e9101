using Microsoft.Extensions.Logging.Console;
using ProofOfHeat.Host.Configuration;
using ProofOfHeat.Host.Hosting;

namespace ProofOfHeat.Host.Logging;

/// <summary>
/// Sets up logging for a mode: <c>run</c> writes JSON lines (or plain lines with
/// <c>logging.format: console</c>) to stdout with UTC timestamps and scopes; <c>demo</c> writes
/// warnings and errors only, to stderr, so that the demo's table on stdout stays readable.
/// Every entry passes the <see cref="SecretRedactor"/>.
/// </summary>
internal static class BrainLogging
{
    /// <summary>Replaces the builder's providers with the brain's console logging.</summary>
    public static void Configure(ILoggingBuilder logging, LoggingOptions options, RunMode mode, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(logging);
        ArgumentNullException.ThrowIfNull(options);
        logging.ClearProviders();
        var demo = mode == RunMode.Demo;
        logging.SetMinimumLevel(demo ? (LogLevel)Math.Max((int)options.Level, (int)LogLevel.Warning) : options.Level);
        logging.AddConsole(console => console.LogToStandardErrorThreshold = demo ? LogLevel.Trace : LogLevel.None);
        if (demo || options.Format == LogFormat.Console)
        {
            logging.AddSimpleConsole(simple =>
            {
                simple.SingleLine = true;
                simple.UseUtcTimestamp = true;
                simple.IncludeScopes = true;
                simple.TimestampFormat = "HH:mm:ss ";
            });
        }
        else
        {
            logging.AddJsonConsole(json =>
            {
                json.UseUtcTimestamp = true;
                json.IncludeScopes = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        var console = logging.Services.Single(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider));
        logging.Services.Remove(console);
        logging.Services.AddSingleton<ILoggerProvider>(services =>
            new RedactingLoggerProvider(ActivatorUtilities.CreateInstance<ConsoleLoggerProvider>(services), redactor));
    }
}
