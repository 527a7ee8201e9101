using ProofOfHeat.Apps.Miners.Fleet;
using ProofOfHeat.Drivers.Miners;

namespace ProofOfHeat.Apps.Miners.Thermal;

/// <summary>What overheat protection does after a reading.</summary>
/// <param name="State">Its memory from now on.</param>
/// <param name="Command">The command to request (a lower power or sleep), or null.</param>
/// <param name="Alert">What to tell people, or null when nothing changed.</param>
/// <param name="Message">The alert in words, or null.</param>
public sealed record MinerOverheatDecision(MinerThermalState State, MinerCommand? Command, MinerAlertKind? Alert, string? Message)
{
    /// <summary>Whether protection just let go of the miner (the fleet restores what was asked of it).</summary>
    public bool Recovered => Alert == MinerAlertKind.Recovered;
}
