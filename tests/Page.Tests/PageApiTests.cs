using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ProofOfHeat.Page.Tests;

/// <summary>The endpoints the page reads, over HTTP against the brain's host (standalone: loopback callers are admins).</summary>
public sealed class PageApiTests
{
    [Fact]
    public async Task Index_OnThePlainPort_HasNoBase_AndIgnoresAnIngressHeader()
    {
        await using var brain = await PageBrain.StartAsync(addon: false);
        using var client = new HttpClient { BaseAddress = brain.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("X-Ingress-Path", "/api/hassio_ingress/abc");

        var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("<base", html, StringComparison.Ordinal);
        Assert.Contains("<poh-page>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/ui/poh-page.js", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/ui/nothing.js", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Zones_ShowTheLatestDecision_ItsPlan_AndTheStoreSeries()
    {
        await using var brain = await PageBrain.StartAsync(addon: false);
        using var client = new HttpClient { BaseAddress = brain.BaseUri, Timeout = TimeSpan.FromSeconds(30) };

        using var zones = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/zones", UriKind.Relative)));
        var living = zones.RootElement.EnumerateArray().Single(z => z.GetProperty("id").GetString() == PageBrain.Zone);

        Assert.Equal("zone=poh_living", living.GetProperty("history").GetString());
        Assert.Equal(20.5, living.GetProperty("lower").GetDouble());
        Assert.Equal(21.5, living.GetProperty("upper").GetDouble());
        Assert.Equal("optimiser", living.GetProperty("rule").GetString());
        var plan = living.GetProperty("plan");
        Assert.Equal(0.183, plan.GetProperty("price").GetDouble());
        Assert.Equal(2400, plan.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "attic_miner").GetProperty("watts").GetDouble());
    }

    [Fact]
    public async Task Alerts_ListAndAcknowledge_TheCallerIsBy_AndASecondAckIsNotFound()
    {
        await using var brain = await PageBrain.StartAsync(addon: false);
        using var client = new HttpClient { BaseAddress = brain.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
        await brain.RaiseAsync("safety.smoke.hall", ProofOfHeat.AppModel.Alerts.AlertSeverity.Warning);

        using var listed = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/alerts", UriKind.Relative)));
        var ack = await client.PostAsync(new Uri("/api/alerts/safety.smoke.hall/ack", UriKind.Relative), null);
        var again = await client.PostAsync(new Uri("/api/alerts/no.such.alert/ack", UriKind.Relative), null);
        var get = await client.GetAsync(new Uri("/api/alerts/safety.smoke.hall/ack", UriKind.Relative));

        Assert.Equal("raised", Assert.Single(listed.RootElement.EnumerateArray()).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var body = await ack.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("acknowledged", body.GetProperty("state").GetString());
        Assert.Equal("local", body.GetProperty("by").GetString());
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
    }

    [Fact]
    public async Task MinersConfigAndMe_Answer()
    {
        await using var brain = await PageBrain.StartAsync(addon: false);
        using var client = new HttpClient { BaseAddress = brain.BaseUri, Timeout = TimeSpan.FromSeconds(30) };

        using var miners = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/miners", UriKind.Relative)));
        using var config = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/config/check", UriKind.Relative)));
        using var me = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/me", UriKind.Relative)));

        // The demo's farm: simulated miners of three firmware families, run by the fleet.
        Assert.NotEmpty(miners.RootElement.GetProperty("miners").EnumerateArray());
        Assert.All(miners.RootElement.GetProperty("miners").EnumerateArray(), m =>
        {
            Assert.False(string.IsNullOrEmpty(m.GetProperty("family").GetString()));
            Assert.Matches("^[a-z]+$", m.GetProperty("thermal").GetString()!); // the level's name, not the state record's text
        });
        Assert.True(config.RootElement.GetProperty("ok").GetBoolean(), config.RootElement.ToString());
        Assert.Equal("local", me.RootElement.GetProperty("name").GetString());
        Assert.Equal("admin", me.RootElement.GetProperty("role").GetString());
        Assert.True(me.RootElement.GetProperty("may").GetProperty("acknowledgeAlerts").GetBoolean());
        Assert.InRange(me.RootElement.GetProperty("now").GetDateTimeOffset(), brain.Time.GetUtcNow() - TimeSpan.FromMinutes(5), brain.Time.GetUtcNow());
    }

    [Fact]
    public async Task ConfigCheck_RunsCheckConfigsChecks_OnTheFileTheBrainStartedFrom_WithFileAndLine()
    {
        var dir = Directory.CreateTempSubdirectory("poh-page-config-");
        try
        {
            var file = Path.Combine(dir.FullName, "poh.yaml");
            await File.WriteAllTextAsync(file, "logging:\n  level: warning\n");
            await using var brain = await PageBrain.StartAsync(addon: false, file);
            using var client = new HttpClient { BaseAddress = brain.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
            using var before = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/config/check", UriKind.Relative)));

            await File.WriteAllTextAsync(file, "logging:\n  levle: warning\n");
            using var after = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/config/check", UriKind.Relative)));

            Assert.True(before.RootElement.GetProperty("ok").GetBoolean(), before.RootElement.ToString());
            Assert.False(after.RootElement.GetProperty("ok").GetBoolean());
            var problem = after.RootElement.GetProperty("problems").EnumerateArray().First();
            Assert.EndsWith("poh.yaml", problem.GetProperty("file").GetString(), StringComparison.Ordinal);
            Assert.Equal(2, problem.GetProperty("line").GetInt32());
            Assert.Contains("levle", problem.GetProperty("key").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
