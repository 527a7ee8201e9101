namespace ProofOfHeat.Drivers.Miners.Avalon;

/// <summary>
/// Makes <see cref="AvalonDriver"/>s and recognises Canaan firmware (pyasic's firmware detection): <c>AVALON</c> in
/// the RPC <c>version</c> reply (PROD "Avalon Nano3", "AvalonMiner 15-194") is unmistakable; "Avalon"
/// on the web page is strong evidence.
/// </summary>
public sealed class AvalonDriverFactory : IMinerDriverFactory
{
    /// <inheritdoc />
    public string Family => MinerFamilies.Avalon;

    /// <inheritdoc />
    public string DisplayName => "Canaan Avalon (cgminer RPC, work levels)";

    /// <inheritdoc />
    public int Recognise(MinerProbeEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.RpcVersionReply?.Contains("AVALON", StringComparison.OrdinalIgnoreCase) == true)
        {
            return 100;
        }

        return evidence.HttpBody.Contains("Avalon", StringComparison.OrdinalIgnoreCase) ? 80 : 0;
    }

    /// <inheritdoc />
    public IMinerDriver Create(MinerEndpoint endpoint, MinerDriverContext context) => new AvalonDriver(endpoint, context);
}
