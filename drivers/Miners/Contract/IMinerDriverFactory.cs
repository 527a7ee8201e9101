namespace ProofOfHeat.Drivers.Miners;

/// <summary>
/// Makes drivers for one firmware family and recognises that family from probe evidence. Built-in
/// families and plugins (assemblies in the plugins folder) register the same way.
/// </summary>
public interface IMinerDriverFactory
{
    /// <summary>The family's id, unique among the loaded factories (e.g. <c>whatsminer-v2</c>).</summary>
    string Family { get; }

    /// <summary>A human name, e.g. "Braiins OS (REST)".</summary>
    string DisplayName { get; }

    /// <summary>
    /// How sure this factory is that the evidence shows its family: 0 = not this family; higher
    /// wins (100 = an unmistakable marker such as a firmware name in the version reply).
    /// </summary>
    int Recognise(MinerProbeEvidence evidence);

    /// <summary>Creates a driver for the miner at <paramref name="endpoint"/>. Does no I/O.</summary>
    IMinerDriver Create(MinerEndpoint endpoint, MinerDriverContext context);
}
