using ProofOfHeat.Drivers.Miners;

namespace Acme.SampleOs;

/// <summary>A third-party driver family, built by the plugin test and loaded from the plugins folder.</summary>
public sealed class SampleOsFactory : IMinerDriverFactory
{
    public string Family => "sample-os";

    public string DisplayName => "SampleOS (plugin)";

    public int Recognise(MinerProbeEvidence evidence) =>
        evidence.HttpBody.Contains("SampleOS", StringComparison.Ordinal) ? 100 : 0;

    public IMinerDriver Create(MinerEndpoint endpoint, MinerDriverContext context) => new SampleOsDriver(endpoint, context);
}
