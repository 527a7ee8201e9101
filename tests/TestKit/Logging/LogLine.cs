using Microsoft.Extensions.Logging;

namespace ProofOfHeat.TestKit.Logging;

/// <summary>One captured log line.</summary>
public sealed record LogLine(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception);
