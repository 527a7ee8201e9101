using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Apps.Miners.Fleet;

/// <summary>
/// The miners as other apps (the heating, the API) and the fleet's own entities see them. Every change goes through
/// the miner's dwell guard, so nothing above the fleet can flap a miner: a request is sent now, deferred until its
/// dwell time passes (the latest request wins), or dropped when already in effect. Every command sent is audited.
/// </summary>
public interface IMinerFleet
{
    /// <summary>The configured miners' ids.</summary>
    IReadOnlyList<string> MinerIds { get; }

    /// <summary>Overheat alerts (throttled, slept, recovered), for the notification layer.</summary>
    IObservable<MinerAlert> Alerts { get; }

    /// <summary>Every miner's snapshot after each poll or command.</summary>
    IObservable<MinerSnapshot> Updates { get; }

    /// <summary>Asks for <paramref name="command"/> on miner <paramref name="minerId"/>.</summary>
    /// <param name="minerId">The miner.</param>
    /// <param name="command">What is wanted.</param>
    /// <param name="requestedBy">Who asks (an app id, <c>home-assistant</c>, <c>api</c>), for the audit log.</param>
    /// <param name="reason">Why, for the audit log.</param>
    /// <param name="cancellationToken">Cancels waiting and sending.</param>
    /// <returns>The dwell guard's decision and, when sent now, the driver's result.</returns>
    /// <exception cref="KeyNotFoundException">No miner has that id.</exception>
    Task<MinerRequestOutcome> RequestAsync(string minerId, MinerCommand command, string requestedBy, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// Caps the miner's power (the night noise limit), or lifts the cap with null. A running miner above the cap is
    /// asked down at once (through the dwell guard); a lifted cap gives back the latest request.
    /// </summary>
    /// <returns>The outcome of the resulting request, or null when nothing had to change.</returns>
    /// <exception cref="KeyNotFoundException">No miner has that id.</exception>
    Task<MinerRequestOutcome?> SetPowerCapAsync(string minerId, int? watts, string requestedBy, CancellationToken cancellationToken);

    /// <summary>What the fleet knows of the miner now.</summary>
    /// <exception cref="KeyNotFoundException">No miner has that id.</exception>
    MinerSnapshot GetSnapshot(string minerId);
}
