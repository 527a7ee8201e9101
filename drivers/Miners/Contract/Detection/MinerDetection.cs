namespace ProofOfHeat.Drivers.Miners.Detection;

/// <summary>What a probe found.</summary>
/// <param name="Family">The winning family, or null when none recognised the host.</param>
/// <param name="Scores">Every family that recognised something, best first.</param>
/// <param name="Evidence">What the probes saw.</param>
/// <param name="Elapsed">How long the probe took.</param>
public sealed record MinerDetection(string? Family, IReadOnlyList<MinerFamilyScore> Scores, MinerProbeEvidence Evidence, TimeSpan Elapsed);
