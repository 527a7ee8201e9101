using System.Net;
using System.Text.Json;

namespace ProofOfHeat.Host.Tests.Api;

/// <summary>Issue 11 item 3: <c>GET /api/audit</c> in the running brain — operators and admins read, guests do not; API changes are in it.</summary>
public sealed class AuditEndpointTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Audit_GuestRefused_OperatorReadsTheAdminsChange()
    {
        await using var brain = await RunningBrain.StartAsync(ApiAccessTests.Options(), isAddon: false);
        var put = await ApiAccessTests.SendAsync(brain, HttpMethod.Put, "/api/state/overrides/living", "admin-token-0123456789", """{"target": 22}""");
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var correlationId = Assert.Single(put.Headers.GetValues("X-Correlation-Id"));

        var guest = await ApiAccessTests.SendAsync(brain, HttpMethod.Get, "/api/audit?since=7d", "guest-token-0123456789");
        Assert.Equal(HttpStatusCode.Forbidden, guest.StatusCode);

        JsonElement entry = default;
        await Eventually.UntilAsync(async () =>
        {
            var read = await ApiAccessTests.SendAsync(brain, HttpMethod.Get, "/api/audit?since=7d&limit=50", "operator-token-0123456789");
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            using var document = JsonDocument.Parse(await read.Content.ReadAsStringAsync());
            var found = document.RootElement.GetProperty("entries").EnumerateArray()
                .Where(e => e.GetProperty("correlationId").GetString() == correlationId).ToList();
            entry = found.Count == 1 ? found[0].Clone() : default;
            return found.Count == 1;
        }, Safety, "the admin's change in the trail");

        Assert.Equal("api:token:owner", entry.GetProperty("who").GetString());
        Assert.Equal("api_change", entry.GetProperty("what").GetString());
        Assert.Equal("PUT /api/state/overrides/living", entry.GetProperty("target").GetString());
        Assert.Equal("ok", entry.GetProperty("result").GetString());

        var bad = await ApiAccessTests.SendAsync(brain, HttpMethod.Get, "/api/audit?since=last-tuesday", "admin-token-0123456789");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
