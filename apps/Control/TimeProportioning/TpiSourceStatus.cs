namespace ProofOfHeat.Control;

/// <summary>A source as it is now, for the minimum on/off times.</summary>
/// <param name="Running">Whether it is on (any positive level).</param>
/// <param name="SinceSwitch">Time since it last switched on or off (long when unknown).</param>
public readonly record struct TpiSourceStatus(bool Running, TimeSpan SinceSwitch);
