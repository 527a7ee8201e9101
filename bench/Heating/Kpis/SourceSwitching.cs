namespace ProofOfHeat.Bench.Heating.Kpis;

/// <summary>Switching KPIs of one source over the test period.</summary>
public sealed record SourceSwitching(string Id, int Starts, int Stops, int LevelChanges, double Travel, int DwellViolationAttempts, double OnHours)
{
    /// <summary>On↔off transitions.</summary>
    public int Transitions => Starts + Stops;
}
