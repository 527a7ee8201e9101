using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.Apps.Miners.Dwell;
using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Apps.Miners.Fleet;

/// <summary>
/// The fleet's audit log: every decision and every command sent, with who asked, why and a correlation id — in the log
/// and in the audit trail (<see cref="IAuditTrail"/>, action <c>miner_command</c>; an allowed decision is recorded by
/// its send, which carries the result).
/// </summary>
public sealed partial class MinerFleet
{
    private void Decided(string miner, string command, string requestedBy, string reason, string correlationId, MinerDwellVerdict verdict, string decisionReason)
    {
        LogDecision(_logger, miner, command, requestedBy, reason, correlationId, verdict, decisionReason);
        if (verdict != MinerDwellVerdict.Allowed)
        {
            Audit(miner, command, requestedBy, reason, correlationId, $"{verdict.ToString().ToLowerInvariant()}: {decisionReason}");
        }
    }

    private void Sent(string miner, string command, string requestedBy, string reason, string correlationId, MinerCommandOutcome outcome, string detail)
    {
        LogSent(_logger, miner, command, requestedBy, reason, correlationId, outcome, detail);
        Audit(miner, command, requestedBy, reason, correlationId, $"sent: {outcome.ToString().ToLowerInvariant()} ({detail})");
    }

    private void SendFailed(string miner, string command, string requestedBy, string reason, string correlationId, string error)
    {
        LogSendFailed(_logger, miner, command, requestedBy, reason, correlationId, error);
        Audit(miner, command, requestedBy, reason, correlationId, $"failed: {error}");
    }

    private void Audit(string miner, string command, string requestedBy, string reason, string correlationId, string result) =>
        _audit?.Record(new AuditEntry(_time.GetUtcNow(), requestedBy, "miner_command", miner, reason, correlationId, result, command));

    [LoggerMessage(EventId = 5401, Level = LogLevel.Information,
        Message = "Miner {Miner}: {Command} requested by {RequestedBy} ({Reason}) [{CorrelationId}]: {Verdict}, {DecisionReason}")]
    private static partial void LogDecision(
        ILogger logger, string miner, string command, string requestedBy, string reason, string correlationId, MinerDwellVerdict verdict, string decisionReason);

    [LoggerMessage(EventId = 5402, Level = LogLevel.Information,
        Message = "Miner {Miner}: sent {Command} for {RequestedBy} ({Reason}) [{CorrelationId}]: {Outcome} ({Detail})")]
    private static partial void LogSent(
        ILogger logger, string miner, string command, string requestedBy, string reason, string correlationId, MinerCommandOutcome outcome, string detail);

    [LoggerMessage(EventId = 5403, Level = LogLevel.Warning,
        Message = "Miner {Miner}: {Command} for {RequestedBy} ({Reason}) [{CorrelationId}] failed: {Error}")]
    private static partial void LogSendFailed(
        ILogger logger, string miner, string command, string requestedBy, string reason, string correlationId, string error);

    [LoggerMessage(EventId = 5404, Level = LogLevel.Information, Message = "Miner {Miner}: deferred {Command} is now due")]
    private static partial void LogDue(ILogger logger, string miner, string command);

    [LoggerMessage(EventId = 5405, Level = LogLevel.Warning, Message = "Miner {Miner}: overheat protection {Kind}: {Message}")]
    private static partial void LogAlert(ILogger logger, string miner, MinerAlertKind kind, string message);

    [LoggerMessage(EventId = 5406, Level = LogLevel.Debug, Message = "Miner {Miner}: capabilities not read yet: {Reason}")]
    private static partial void LogCapabilitiesFailed(ILogger logger, string miner, string reason);

    [LoggerMessage(EventId = 5407, Level = LogLevel.Warning, Message = "Miner {Miner}: cannot be read ({Reason}); it reads as unavailable until it answers")]
    private static partial void LogReadFailed(ILogger logger, string miner, string reason);

    [LoggerMessage(EventId = 5408, Level = LogLevel.Debug, Message = "Miner {Miner}: still cannot be read ({Reason})")]
    private static partial void LogStillUnreadable(ILogger logger, string miner, string reason);

    [LoggerMessage(EventId = 5409, Level = LogLevel.Information, Message = "Miner {Miner}: answers again")]
    private static partial void LogReadable(ILogger logger, string miner);

    [LoggerMessage(EventId = 5412, Level = LogLevel.Error,
        Message = "Miner {Miner}: not run, its entry cannot work ({Reason}); the other miners run and are protected")]
    private static partial void LogMinerDisabled(ILogger logger, string miner, string reason);
}
