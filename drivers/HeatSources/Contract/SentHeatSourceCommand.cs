namespace ProofOfHeat.Drivers.HeatSources;

/// <summary>What a driver sent for a command.</summary>
/// <param name="Detail">The request in words, for the audit log (no secrets), e.g. "write holding 40003 = 450".</param>
public sealed record SentHeatSourceCommand(string Detail);
