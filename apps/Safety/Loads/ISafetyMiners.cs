namespace ProofOfHeat.Apps.Safety.Loads;

/// <summary>
/// The miners as the safety rules need them: sleep and wake, and whether one draws power. The host's is the fleet
/// (<see cref="FleetSafetyMiners"/>: its dwell guard, its audit); tests use their own.
/// </summary>
public interface ISafetyMiners
{
    /// <summary>The miners there are.</summary>
    IReadOnlyList<string> MinerIds { get; }

    /// <summary>Whether the miner draws power now (mining or starting); null when unknown.</summary>
    bool? IsDrawing(string minerId);

    /// <summary>Asks the miner to sleep; the result says whether it did (the driver reads the change back).</summary>
    Task<MinerSwitchResult> SleepAsync(string minerId, string reason, CancellationToken cancellationToken);

    /// <summary>Asks the miner to wake (the fleet's dwell guard may defer it).</summary>
    Task<MinerSwitchResult> WakeAsync(string minerId, string reason, CancellationToken cancellationToken);
}
