namespace ProofOfHeat.Drivers.HeatSources;

/// <summary>One discrete operating level of a source.</summary>
/// <param name="Name">Its name as commands use it (e.g. <c>normal</c>, <c>recommended</c>).</param>
/// <param name="Meaning">What the source does in it, in words (e.g. "SG-Ready state 3: run more, raise storage setpoints").</param>
/// <param name="ApproximateWatts">The power it draws there, W, when known.</param>
public sealed record HeatSourceLevel(string Name, string Meaning, double? ApproximateWatts = null);
