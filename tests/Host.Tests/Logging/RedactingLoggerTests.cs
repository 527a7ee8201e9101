using Microsoft.Extensions.Logging;
using ProofOfHeat.Host.Logging;

namespace ProofOfHeat.Host.Tests.Logging;

public sealed class RedactingLoggerTests
{
    private readonly CapturingLogger _inner = new();

    [Fact]
    public void Log_SecretInMessageValueAndException_IsMasked()
    {
        var logger = new RedactingLogger(_inner, new SecretRedactor(["tok-123456"]));

        logger.LogWarning(new InvalidOperationException("auth failed for tok-123456"), "Connecting with {Url} as {User}", "ws://x?t=tok-123456", "poh");

        var (message, state, exception) = Assert.Single(_inner.Entries);
        Assert.DoesNotContain("tok-123456", message, StringComparison.Ordinal);
        Assert.Contains("ws://x?t=***", message, StringComparison.Ordinal);
        Assert.Equal("ws://x?t=***", state.Single(p => p.Key == "Url").Value);
        Assert.Equal("poh", state.Single(p => p.Key == "User").Value);
        Assert.DoesNotContain("tok-123456", exception!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Log_ValueNamedLikeASecret_IsMaskedWhole()
    {
        var logger = new RedactingLogger(_inner, SecretRedactor.None);

        logger.LogInformation("Got {Token} and {MqttPassword}", "abc", "pw");

        var (message, state, _) = Assert.Single(_inner.Entries);
        Assert.Equal("Got *** and ***", message);
        Assert.Equal("***", state.Single(p => p.Key == "Token").Value);
        Assert.Equal("***", state.Single(p => p.Key == "MqttPassword").Value);
    }

    private sealed class CapturingLogger : ILogger
    {
        public List<(string Message, IReadOnlyList<KeyValuePair<string, object?>> State, Exception? Exception)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((formatter(state, exception), (IReadOnlyList<KeyValuePair<string, object?>>)state!, exception));
    }
}
