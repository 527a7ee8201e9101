namespace ProofOfHeat.Apps.Safety.Policies;

/// <summary>What a hazard rule decides on one sensor reading.</summary>
/// <param name="Act">A sensor newly detects the hazard: carry out the rule's actions and raise its alert.</param>
/// <param name="Resolved">The last detecting sensor cleared: resolve the alert (what was closed stays closed).</param>
/// <param name="Triggered">The sensors detecting the hazard now.</param>
public sealed record HazardDecision(bool Act, bool Resolved, IReadOnlyList<string> Triggered)
{
    /// <summary>Nothing to do.</summary>
    public static HazardDecision None(IReadOnlyList<string> triggered) => new(false, false, triggered);
}
