using ProofOfHeat.Apps.Safety.Options;

namespace ProofOfHeat.Apps.Safety.Policies;

/// <summary>What overload shedding decides on one meter reading.</summary>
/// <param name="Shed">Loads to switch off now, in order.</param>
/// <param name="Restore">Loads to switch back on now (at most one per restore interval).</param>
/// <param name="Overloaded">Whether the reading (less what was just shed) is above the limit.</param>
/// <param name="Uncovered">How many watts above the limit remain that nothing left could shed (0 when covered).</param>
public sealed record OverloadDecision(IReadOnlyList<SheddableLoadOptions> Shed, IReadOnlyList<SheddableLoadOptions> Restore, bool Overloaded, double Uncovered)
{
    /// <summary>Whether anything is to be done.</summary>
    public bool IsEmpty => Shed.Count == 0 && Restore.Count == 0;
}
