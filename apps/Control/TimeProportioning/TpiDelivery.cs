namespace ProofOfHeat.Control;

/// <summary>What a source should run at now, and until when.</summary>
/// <param name="Watts">The level now, W: one of the two levels that bracket the wanted power (or the wanted power itself on a modulating source).</param>
/// <param name="NextChange">When the level may next change (the end of the current phase or cycle); the caller should look again then.</param>
/// <param name="Low">The lower level of the current cycle, W.</param>
/// <param name="High">The upper level of the current cycle, W.</param>
/// <param name="HighShare">The share of the cycle spent at <paramref name="High"/>, 0..1.</param>
/// <param name="Cycle">The length of the current cycle (the control period, stretched so that no phase is shorter than the source's minimum times).</param>
public sealed record TpiDelivery(double Watts, DateTimeOffset NextChange, double Low, double High, double HighShare, TimeSpan Cycle);
