using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Apps.Miners.Dwell;

/// <summary>The dwell guard's answer to a request.</summary>
/// <param name="Verdict">Send now, later, or not at all.</param>
/// <param name="Command">The command concerned.</param>
/// <param name="NotBefore">When a deferred command becomes allowed; null otherwise.</param>
/// <param name="Reason">Why, in a few words (for the audit log and the caller).</param>
public sealed record MinerDwellDecision(MinerDwellVerdict Verdict, MinerCommand Command, DateTimeOffset? NotBefore, string Reason)
{
    /// <summary>An allowed command.</summary>
    public static MinerDwellDecision Allow(MinerCommand command, string reason) => new(MinerDwellVerdict.Allowed, command, null, reason);

    /// <summary>A command deferred until <paramref name="notBefore"/>.</summary>
    public static MinerDwellDecision Defer(MinerCommand command, DateTimeOffset notBefore, string reason) =>
        new(MinerDwellVerdict.Deferred, command, notBefore, reason);

    /// <summary>A command with nothing to do.</summary>
    public static MinerDwellDecision Skip(MinerCommand command, string reason) => new(MinerDwellVerdict.NoOp, command, null, reason);
}
