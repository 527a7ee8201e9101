using ProofOfHeat.Drivers.Miners;
using ProofOfHeat.Drivers.Miners.Rpc;

namespace ProofOfHeat.TestKit.Miners;

/// <summary>Probes a simulator the way firmware detection does: <c>GET /</c> (status, headers, body), and the RPC
/// <c>version</c> reply where the endpoint has an RPC port.</summary>
public static class FirmwareProbe
{
    /// <summary>What a probe of <paramref name="endpoint"/> finds.</summary>
    public static async Task<MinerProbeEvidence> OfAsync(MinerEndpoint endpoint, bool withRpc = false)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri($"http://{endpoint.Host}:{endpoint.HttpPort}/"));
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(", ", h.Value));
        var rpc = withRpc ? new CgminerRpcClient(endpoint.Host, endpoint.RpcPort, new MinerTimeouts(), TimeProvider.System) : null;
        return new MinerProbeEvidence
        {
            Endpoint = endpoint,
            HttpStatus = (int)response.StatusCode,
            HttpHeaders = headers,
            HttpBody = await response.Content.ReadAsStringAsync(),
            RpcVersionReply = rpc is null ? null : await rpc.SendRawAsync("""{"command":"version"}""", CancellationToken.None),
        };
    }
}
