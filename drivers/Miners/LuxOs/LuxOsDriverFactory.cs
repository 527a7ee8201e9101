namespace ProofOfHeat.Drivers.Miners.LuxOs;

/// <summary>
/// Makes <see cref="LuxOsDriver"/>s and recognises LuxOS: LUXminer in the RPC version reply, or
/// "Luxor Firmware" in the web root's body (pyasic's firmware detection).
/// </summary>
public sealed class LuxOsDriverFactory : IMinerDriverFactory
{
    /// <inheritdoc />
    public string Family => MinerFamilies.LuxOs;

    /// <inheritdoc />
    public string DisplayName => "LuxOS (RPC)";

    /// <inheritdoc />
    public int Recognise(MinerProbeEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if ((evidence.RpcVersionReply ?? "").Contains("LUXMINER", StringComparison.OrdinalIgnoreCase))
        {
            return 100;
        }

        return evidence.HttpBody.Contains("Luxor Firmware", StringComparison.OrdinalIgnoreCase) ? 90 : 0;
    }

    /// <inheritdoc />
    public IMinerDriver Create(MinerEndpoint endpoint, MinerDriverContext context) => new LuxOsDriver(endpoint, context);
}
