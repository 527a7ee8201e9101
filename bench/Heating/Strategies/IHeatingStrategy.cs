namespace ProofOfHeat.Bench.Heating.Strategies;

/// <summary>
/// A heating control strategy under test. Called every <see cref="DecisionInterval"/> of simulated
/// time (and the runner passes every observation; the strategy may keep state between calls).
/// </summary>
public interface IHeatingStrategy
{
    /// <summary>The short name shown in the result table (e.g. "HYST", "MPC").</summary>
    string Name { get; }

    /// <summary>How often <see cref="Decide"/> is called: 60 s for HYST/TPI (they keep their own cycles), 15 min for MPC.</summary>
    TimeSpan DecisionInterval { get; }

    /// <summary>Once, before the warm-up ends: gives the warm-up history for model identification.</summary>
    void Prepare(StrategySetup setup);

    /// <summary>Decides the commands for the next interval.</summary>
    StrategyDecision Decide(StrategyObservation observation);
}
