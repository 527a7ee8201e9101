namespace ProofOfHeat.Bench.Heating.Strategies;

/// <summary>The current state of a source.</summary>
/// <param name="Id">Source id.</param>
/// <param name="Running">Whether it is on.</param>
/// <param name="PowerWatts">Current level, in the unit of its <see cref="SourceSpec.PowerLevelsWatts"/>.</param>
/// <param name="SinceLastSwitch">Time since it last turned on or off.</param>
public sealed record SourceState(string Id, bool Running, double PowerWatts, TimeSpan SinceLastSwitch);
