using Microsoft.Extensions.Logging;

namespace ProofOfHeat.AppModel.Audit;

/// <summary>
/// The trail when nothing durable is registered (tests, a host without storage): one log line per entry under the
/// category <c>ProofOfHeat.Audit</c>, so nothing done goes unrecorded.
/// </summary>
public sealed partial class LoggingAuditTrail(ILoggerFactory loggerFactory) : IAuditTrail
{
    /// <summary>The log category.</summary>
    public const string Category = "ProofOfHeat.Audit";

    private readonly ILogger _logger = (loggerFactory ?? throw new ArgumentNullException(nameof(loggerFactory))).CreateLogger(Category);

    /// <inheritdoc />
    public void Record(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        LogEntry(_logger, entry.Actor, entry.Action, entry.Target, entry.Result, entry.Reason ?? "-", entry.CorrelationId);
    }

    [LoggerMessage(EventId = 9000, Level = LogLevel.Information,
        Message = "{Actor} {Action} {Target}: {Result} (why: {Reason}; correlation {CorrelationId})")]
    private static partial void LogEntry(ILogger logger, string actor, string action, string target, string result, string reason, string correlationId);
}
