namespace ProofOfHeat.Drivers.Miners.Tests;

/// <summary>A factory that recognises its family by a marker in the web body or the RPC reply.</summary>
internal sealed class MarkerFactory(string family, string marker, int score = 100, bool throws = false) : IMinerDriverFactory
{
    public string Family => family;

    public string DisplayName => family;

    public int Recognise(MinerProbeEvidence evidence)
    {
        if (throws)
        {
            throw new InvalidOperationException("broken plugin");
        }

        return evidence.HttpBody.Contains(marker, StringComparison.Ordinal)
            || (evidence.RpcVersionReply?.Contains(marker, StringComparison.OrdinalIgnoreCase) ?? false)
            ? score
            : 0;
    }

    public IMinerDriver Create(MinerEndpoint endpoint, MinerDriverContext context) => throw new NotSupportedException();
}
