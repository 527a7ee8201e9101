using ProofOfHeat.Apps.Miners.Dwell;
using ProofOfHeat.Apps.Miners.Fleet;
using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Apps.Safety.Loads;

/// <summary>
/// The fleet as <see cref="ISafetyMiners"/>: every request goes through <see cref="IMinerFleet.RequestAsync"/>, so the
/// dwell guard and the fleet's audit see it. A sleep from the safety app is urgent to the fleet (it passes a miner's
/// minimum on-time, as overheat protection's does); a wake waits out the dwell, which the caller sees as
/// <see cref="MinerSwitchResult.Deferred"/>.
/// </summary>
public sealed class FleetSafetyMiners(IMinerFleet fleet) : ISafetyMiners
{
    /// <summary>Who the fleet's audit names.</summary>
    public const string Requester = MinerFleet.SafetyRequester;

    /// <inheritdoc />
    public IReadOnlyList<string> MinerIds => fleet.MinerIds;

    /// <inheritdoc />
    public bool? IsDrawing(string minerId) => fleet.GetSnapshot(minerId) switch
    {
        { Reading.Status: MinerStatus.Mining or MinerStatus.Starting } => true,
        { Reading.Status: MinerStatus.Sleeping } => false,
        { IsOn: { } on } => on,
        _ => null,
    };

    /// <inheritdoc />
    public Task<MinerSwitchResult> SleepAsync(string minerId, string reason, CancellationToken cancellationToken) =>
        RequestAsync(minerId, MinerCommand.Sleep, reason, cancellationToken);

    /// <inheritdoc />
    public Task<MinerSwitchResult> WakeAsync(string minerId, string reason, CancellationToken cancellationToken) =>
        RequestAsync(minerId, MinerCommand.Wake, reason, cancellationToken);

    private async Task<MinerSwitchResult> RequestAsync(string minerId, MinerCommand command, string reason, CancellationToken cancellationToken)
    {
        var outcome = await fleet.RequestAsync(minerId, command, Requester, reason, cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            { Decision.Verdict: MinerDwellVerdict.NoOp } => new MinerSwitchResult(true, false, outcome.Decision.Reason),
            { Decision.Verdict: MinerDwellVerdict.Deferred } => new MinerSwitchResult(false, true, outcome.Decision.Reason),
            { Result: { Succeeded: true } result } => new MinerSwitchResult(true, false, result.Explain()),
            { Result: { } result } => new MinerSwitchResult(false, false, result.Explain()),
            _ => new MinerSwitchResult(false, false, outcome.Error ?? "not sent"),
        };
    }
}
