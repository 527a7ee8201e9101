namespace ProofOfHeat.Drivers.Miners.Avalon;

/// <summary>One power mode of an Avalon home miner.</summary>
/// <param name="Name">The tier name users see (e.g. "high", "night").</param>
/// <param name="Code">The number the firmware uses for it (<c>WORKMODE[n]</c> / <c>workmode,set,n</c>, or a work level on the original Nano 3).</param>
/// <param name="Watts">Its approximate power, W; a reading's <c>MPO</c> gives the miner's own figure.</param>
public sealed record AvalonPowerMode(string Name, int Code, int Watts);
