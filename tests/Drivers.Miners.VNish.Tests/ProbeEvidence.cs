namespace ProofOfHeat.Drivers.Miners.VNish.Tests;

/// <summary>Probes a simulator the way firmware detection does: <c>GET /</c> (status, headers, body).</summary>
internal static class ProbeEvidence
{
    public static async Task<MinerProbeEvidence> OfAsync(MinerEndpoint endpoint)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri($"http://{endpoint.Host}:{endpoint.HttpPort}/"));
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(", ", h.Value));
        return new MinerProbeEvidence
        {
            Endpoint = endpoint,
            HttpStatus = (int)response.StatusCode,
            HttpHeaders = headers,
            HttpBody = await response.Content.ReadAsStringAsync(),
        };
    }
}
