namespace ProofOfHeat.Drivers.Miners.VNish;

/// <summary>
/// Makes <see cref="VNishDriver"/>s and recognises VNish: "AnthillOS" in the web root's body, or
/// VNISH in the RPC version reply (pyasic's firmware detection).
/// </summary>
public sealed class VNishDriverFactory : IMinerDriverFactory
{
    /// <inheritdoc />
    public string Family => MinerFamilies.VNish;

    /// <inheritdoc />
    public string DisplayName => "VNish / AnthillOS (REST)";

    /// <inheritdoc />
    public int Recognise(MinerProbeEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.HttpBody.Contains("AnthillOS", StringComparison.OrdinalIgnoreCase))
        {
            return 100;
        }

        return (evidence.RpcVersionReply ?? "").Contains("VNISH", StringComparison.OrdinalIgnoreCase) ? 90 : 0;
    }

    /// <inheritdoc />
    public IMinerDriver Create(MinerEndpoint endpoint, MinerDriverContext context) => new VNishDriver(endpoint, context);
}
