namespace ProofOfHeat.Host.Api;

/// <summary>One source's planned power.</summary>
/// <param name="Id">The source.</param>
/// <param name="Watts">Its power, W.</param>
internal sealed record SourcePowerView(string Id, double Watts);
