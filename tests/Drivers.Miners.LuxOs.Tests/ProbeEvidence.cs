using ProofOfHeat.Drivers.Miners.Rpc;

namespace ProofOfHeat.Drivers.Miners.LuxOs.Tests;

/// <summary>Probes a simulator the way firmware detection does: <c>GET /</c> and the RPC <c>version</c> reply.</summary>
internal static class ProbeEvidence
{
    public static async Task<MinerProbeEvidence> OfAsync(MinerEndpoint endpoint)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri($"http://{endpoint.Host}:{endpoint.HttpPort}/"));
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(", ", h.Value));
        var rpc = new CgminerRpcClient(endpoint.Host, endpoint.RpcPort, new MinerTimeouts(), TimeProvider.System);
        return new MinerProbeEvidence
        {
            Endpoint = endpoint,
            HttpStatus = (int)response.StatusCode,
            HttpHeaders = headers,
            HttpBody = await response.Content.ReadAsStringAsync(),
            RpcVersionReply = await rpc.SendRawAsync("""{"command":"version"}""", CancellationToken.None),
        };
    }
}
