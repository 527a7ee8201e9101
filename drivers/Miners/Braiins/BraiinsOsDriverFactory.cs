namespace ProofOfHeat.Drivers.Miners.Braiins;

/// <summary>
/// Makes <see cref="BraiinsOsDriver"/>s and recognises Braiins OS: "Braiins OS" in the web root's
/// body, or BOSminer/BOSer in the RPC version reply (pyasic's firmware detection).
/// </summary>
public sealed class BraiinsOsDriverFactory : IMinerDriverFactory
{
    /// <inheritdoc />
    public string Family => MinerFamilies.BraiinsOs;

    /// <inheritdoc />
    public string DisplayName => "Braiins OS (REST)";

    /// <inheritdoc />
    public int Recognise(MinerProbeEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.HttpBody.Contains("Braiins OS", StringComparison.OrdinalIgnoreCase))
        {
            return 100;
        }

        var version = evidence.RpcVersionReply ?? "";
        return version.Contains("BOSMINER", StringComparison.OrdinalIgnoreCase) || version.Contains("BOSER", StringComparison.OrdinalIgnoreCase)
            ? 90
            : 0;
    }

    /// <inheritdoc />
    public IMinerDriver Create(MinerEndpoint endpoint, MinerDriverContext context) => new BraiinsOsDriver(endpoint, context);
}
