namespace ProofOfHeat.Bench.Heating.Strategies;

/// <summary>A strategy that is given the whole truth of the test period (the ORACLE only).</summary>
public interface IPerfectForesight
{
    /// <summary>Called once after <see cref="IHeatingStrategy.Prepare"/> and before the first decision.</summary>
    void SetTruth(ScenarioTruth truth);
}
