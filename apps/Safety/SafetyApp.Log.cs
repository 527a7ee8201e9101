using Microsoft.Extensions.Logging;
using ProofOfHeat.Apps.Safety.Actions;
using ProofOfHeat.Apps.Safety.Policies;

namespace ProofOfHeat.Apps.Safety;

/// <summary>The app's log messages.</summary>
public sealed partial class SafetyApp
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Error, Message = "Safety rule {Rule} failed on a change; the other rules go on")]
    private static partial void LogRuleFailed(ILogger logger, Exception e, SafetyRule rule);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Safety: {What} at {Where}: {Count} command(s) sent (correlation {CorrelationId})")]
    private static partial void LogHazard(ILogger logger, string what, string where, int count, string correlationId);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Safety: {Rule} cleared; what was closed stays closed until a person opens it")]
    private static partial void LogHazardCleared(ILogger logger, SafetyRule rule);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Information, Message = "Safety: {Rule} {What} {Skipped} more time(s) since its last logged line; each acted on and audited, not logged one by one")]
    private static partial void LogNotLogged(ILogger logger, SafetyRule rule, string what, int skipped);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Safety: {Command} for {Rule} held: gas is detected and electrical switching is off")]
    private static partial void LogHeldByGas(ILogger logger, string command, SafetyRule rule);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Error, Message = "Safety: miner {Miner} did not sleep: {Reason} (correlation {CorrelationId})")]
    private static partial void LogMinerNotSlept(ILogger logger, string miner, string reason, string correlationId);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Warning, Message = "Safety: zone {Zone} at {Temperature} °C: {Force} held")]
    private static partial void LogZoneForced(ILogger logger, string zone, ThermalForce force, string temperature);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Information, Message = "Safety: zone {Zone} back to {Temperature} °C; released to the heating")]
    private static partial void LogZoneReleased(ILogger logger, string zone, string temperature);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Warning, Message = "Safety: overload, {Reading}: shed {Loads} ({Uncovered} W left uncovered) (correlation {CorrelationId})")]
    private static partial void LogShed(ILogger logger, string reading, string loads, double uncovered, string correlationId);

    [LoggerMessage(EventId = 6008, Level = LogLevel.Information, Message = "Safety: restored {Loads}, {Reading} (correlation {CorrelationId})")]
    private static partial void LogRestored(ILogger logger, string loads, string reading, string correlationId);

    [LoggerMessage(EventId = 6009, Level = LogLevel.Error, Message = "Safety: {Load} did not shed: {Reason}; the next load goes instead (correlation {CorrelationId})")]
    private static partial void LogShedFailed(ILogger logger, string load, string reason, string correlationId);
}
