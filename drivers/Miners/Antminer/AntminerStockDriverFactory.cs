namespace ProofOfHeat.Drivers.Miners.Antminer;

/// <summary>
/// Makes <see cref="AntminerStockDriver"/>s and recognises stock Antminer firmware (pyasic's firmware detection):
/// the web root's Digest challenge for realm <c>antMiner Configuration</c> is unmistakable; an RPC
/// <c>version</c> reply naming an Antminer without another firmware's marker is strong evidence.
/// </summary>
public sealed class AntminerStockDriverFactory : IMinerDriverFactory
{
    // Firmware that replaces the stock one on Antminer hardware still reports "Antminer" as the type.
    private static readonly string[] OtherFirmwareRpcMarkers = ["BOSMINER", "BOSER", "BTMINER", "BITMICRO", "LUXMINER", "VNISH", "HIVEON", "AVALON"];
    private static readonly string[] OtherFirmwareWebMarkers = ["Braiins OS", "Luxor Firmware", "AnthillOS", "Avalon", "AxeOS"];

    /// <inheritdoc />
    public string Family => MinerFamilies.AntminerStock;

    /// <inheritdoc />
    public string DisplayName => "Antminer stock firmware (bmminer RPC + web cgi)";

    /// <inheritdoc />
    public int Recognise(MinerProbeEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var rpc = evidence.RpcVersionReply?.ToUpperInvariant() ?? "";
        if (OtherFirmwareRpcMarkers.Any(m => rpc.Contains(m, StringComparison.Ordinal))
            || OtherFirmwareWebMarkers.Any(m => evidence.HttpBody.Contains(m, StringComparison.OrdinalIgnoreCase)))
        {
            return 0;
        }

        if (evidence.HttpStatus == 401
            && evidence.HttpHeaders.TryGetValue("www-authenticate", out var challenge)
            && challenge.Contains("realm=\"antMiner", StringComparison.OrdinalIgnoreCase))
        {
            return 100;
        }

        if (rpc.Contains("ANTMINER", StringComparison.Ordinal))
        {
            return 80;
        }

        return rpc.Contains("BMMINER", StringComparison.Ordinal) ? 50 : 0;
    }

    /// <inheritdoc />
    public IMinerDriver Create(MinerEndpoint endpoint, MinerDriverContext context) => new AntminerStockDriver(endpoint, context);
}
