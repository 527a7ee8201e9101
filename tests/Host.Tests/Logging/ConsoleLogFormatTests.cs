using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using ProofOfHeat.HomeAssistant;
using ProofOfHeat.Host.Configuration;
using ProofOfHeat.Host.Hosting;
using ProofOfHeat.Host.Logging;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Host.Tests.Logging;

/// <summary>
/// The console formats as <see cref="BrainLogging"/> configures them, fed through the redacting provider: readable
/// lines for people, JSON lines for shippers, expected network faults without a stack trace.
/// </summary>
public sealed partial class ConsoleLogFormatTests
{
    private const string Secret = "tok-9f8e7d6c5b";
    private const string DisconnectTemplate = "Disconnected from Home Assistant ({Reason}); reconnecting in {Delay}";
    private readonly FakeTimeProvider _wallClock = new(new DateTimeOffset(2026, 12, 7, 12, 3, 4, TimeSpan.Zero));

    [Fact]
    public void ExpectedDisconnect_IsOneWarningLine_WithoutStackFrames()
    {
        var (logger, output) = Build(LogFormat.Console, "ProofOfHeat.HomeAssistant.HomeAssistantRunner");

        logger.LogWarning(Thrown(new HomeAssistantConnectionException("The connection was closed by the server.", new WebSocketException())),
            DisconnectTemplate, HaDisconnectReason.PingTimeout, TimeSpan.FromSeconds(2));

        var line = Assert.Single(Lines(output()));
        Assert.Equal("2026-12-07 12:03:04 WRN ha: Disconnected from Home Assistant (ping timeout); reconnecting in 2 s (The connection was closed by the server.)",
            line.Replace(LocalStamp(), "2026-12-07 12:03:04", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", output(), StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", output(), StringComparison.Ordinal);
    }

    [Fact]
    public void UnexpectedException_KeepsItsStackTrace()
    {
        var (logger, output) = Build(LogFormat.Console, "ProofOfHeat.Apps.Heating.MultiZoneHeating");

        logger.LogError(Thrown(new InvalidOperationException("a bug")), "Heating: the command stream from Home Assistant failed");

        var lines = Lines(output());
        Assert.Matches(ReadableLine(), lines[0]);
        Assert.EndsWith("ERR heating: Heating: the command stream from Home Assistant failed", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("   at ", StringComparison.Ordinal));
        Assert.Contains("System.InvalidOperationException: a bug", output(), StringComparison.Ordinal);
    }

    [Fact]
    public void HttpRequestLines_AreDebug_NotInformation()
    {
        var (atInformation, quiet) = Build(LogFormat.Console, "Microsoft.AspNetCore.Hosting.Diagnostics");
        var (atDebug, verbose) = Build(LogFormat.Console, "Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Debug);

        foreach (var logger in new[] { atInformation, atDebug })
        {
            logger.LogInformation("Request starting HTTP/1.1 GET http://127.0.0.1/api/status");
            logger.LogWarning("Request body too large");
        }

        Assert.Equal(["WRN http: Request body too large"], Lines(quiet()).Select(WithoutStamp));
        Assert.Equal(["DBG http: Request starting HTTP/1.1 GET http://127.0.0.1/api/status", "WRN http: Request body too large"],
            Lines(verbose()).Select(WithoutStamp));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Secrets_AreMasked_InBothFormats(bool json)
    {
        var (logger, output) = Build(json ? LogFormat.Json : LogFormat.Console, "ProofOfHeat.Host.Composition.SupervisorBroker");

        logger.LogWarning(Thrown(new SocketException(111)), "Connecting with {Url} and {Password}", $"ws://ha/?t={Secret}", "hunter22");
        logger.LogError(Thrown(new InvalidOperationException($"rejected {Secret}")), "Auth failed");

        Assert.DoesNotContain(Secret, output(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter22", output(), StringComparison.Ordinal);
        Assert.Contains("***", output(), StringComparison.Ordinal);
    }

    [Fact]
    public void JsonFormat_EveryLineIsAJsonObject_ExpectedFaultWithoutTrace()
    {
        var (logger, output) = Build(LogFormat.Json, "ProofOfHeat.Mqtt.MqttClient");

        logger.LogWarning(Thrown(new IOException("Unable to read data from the transport connection", new SocketException(104))),
            "MQTT connection to {Endpoint} failed or was lost", "127.0.0.1:1883");
        logger.LogError(Thrown(new InvalidOperationException("a bug")), "Unexpected error in the MQTT connection loop");

        var entries = Lines(output()).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal("Warning", entries[0].GetProperty("LogLevel").GetString());
        Assert.Equal("MQTT connection to 127.0.0.1:1883 failed or was lost", entries[0].GetProperty("Message").GetString());
        Assert.Equal("IOException: Unable to read data from the transport connection", entries[0].GetProperty("Exception").GetString());
        Assert.Contains("   at ", entries[1].GetProperty("Exception").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void PlainLines_SkipTheTemplate_AndPrintWhatTheTemplatePathPrints()
    {
        var redactor = new SecretRedactor([Secret]);
        var lines = new (string Template, object?[] Values)[]
        {
            ("Zigbee2MQTT command {EntityId} {Domain}.{Service}: {Topic} {Payload} (correlation {CorrelationId})",
                ["valve.main_water", "valve", "close_valve", "zigbee2mqtt/valve_main/set", """{"state":"OFF"}""", "abc123"]),
            ("Meter {Watts:0.0} W at {At:O}, {Count} loads, {Missing}", [5750.25, new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero), 3, null]),
            ("Connecting with {Url}", [$"ws://ha/?t={Secret}"]),
            ("Retry in {Delay} after {Reason} on {Topics}", [TimeSpan.FromSeconds(2), HaDisconnectReason.PingTimeout, new[] { "a", "b" }]),
            ("No values at all", []),
        };

        foreach (var (template, values) in lines)
        {
            var captured = new StateCapture();
#pragma warning disable CA2254 // The templates are the test's data.
            captured.Log(LogLevel.Information, template, values);
#pragma warning restore CA2254
            var redacted = new RedactedState(captured.State, captured.Message!, redactor);
            Assert.Equal(redacted.RenderReadable(template), redacted.ReadableMessage);
        }
    }

    private (ILogger Logger, Func<string> Output) Build(LogFormat format, string category, LogLevel level = LogLevel.Information)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => BrainLogging.Configure(
            logging, new LoggingOptions { Format = format, Level = level }, RunMode.Run, new SecretRedactor([Secret]), _wallClock));
        var provider = services.BuildServiceProvider();
        var formatterName = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ConsoleLoggerOptions>>().Value.FormatterName;
        var formatter = provider.GetServices<ConsoleFormatter>().Single(f => f.Name == formatterName);
        var sink = new FormattingLoggerProvider(formatter);
        var factory = LoggerFactory.Create(b => b.SetMinimumLevel(level).AddProvider(new RedactingLoggerProvider(sink, new SecretRedactor([Secret]), level)));
        return (factory.CreateLogger(category), () => sink.Output);
    }

    /// <summary>Keeps the state and message the logging extensions hand a logger.</summary>
    private sealed class StateCapture : ILogger
    {
        public object? State { get; private set; }

        public string? Message { get; private set; }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            State = state;
            Message = formatter(state, exception);
        }
    }

    private static T Thrown<T>(T exception)
        where T : Exception
    {
        try
        {
            throw exception;
        }
        catch (T caught)
        {
            return caught;
        }
    }

    private static List<string> Lines(string text) => [.. text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)];

    private string LocalStamp() => _wallClock.GetLocalNow().ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    private static string WithoutStamp(string line) => line[20..];

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} (TRC|DBG|INF|WRN|ERR|CRT) [a-z0-9]+: ")]
    private static partial Regex ReadableLine();
}
