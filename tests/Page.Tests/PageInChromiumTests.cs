using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using ProofOfHeat.AppModel.Alerts;

namespace ProofOfHeat.Page.Tests;

/// <summary>
/// The page in a real Chromium against the brain's host (the demo's simulated home, a filled telemetry store): under
/// an ingress prefix through <see cref="FakeIngressProxy"/>, and on the plain port.
/// </summary>
public sealed class PageInChromiumTests(Chromium chromium) : IClassFixture<Chromium>
{
    private const string LeakKey = "safety.leak.kitchen";
    private const string HistoryChart = "article[data-zone='living'] poh-chart.history";
    private const string PlanChart = "article[data-zone='living'] poh-chart.plan";

    [Fact]
    public async Task UnderIngressPrefix_PageRenders_AndChartsHoldPointsFromTheStore()
    {
        await using var brain = await PageBrain.StartAsync(addon: true);
        await using var proxy = new FakeIngressProxy(brain.BaseUri, PageBrain.AdminId, "owner");
        var page = await chromium.NewPageAsync();

        await page.GotoAsync(proxy.PageUri.ToString());
        await WaitForChartsAsync(page);

        Assert.Equal(proxy.PageUri.ToString(), await page.EvaluateAsync<string>("() => document.baseURI"));
        Assert.True(await PointsAsync(page, HistoryChart) > 0, "the 24 h chart holds no points");
        Assert.True(await PointsAsync(page, PlanChart) > 0, "the 36 h plan chart holds no points");
        Assert.Contains("ha:owner (admin)", await page.InnerTextAsync("header.top"), StringComparison.Ordinal);
        // Every request of the page stayed under the ingress prefix: no absolute URL escaped it.
        lock (proxy.Requested)
        {
            Assert.True(proxy.Requested.Count >= 8, string.Join(", ", proxy.Requested));
            Assert.All(proxy.Requested, path => Assert.StartsWith(FakeIngressProxy.Prefix + "/", path, StringComparison.Ordinal));
        }

        await Chromium.ScreenshotAsync(page, "page-ingress-light");
        var dark = await chromium.NewPageAsync(scheme: ColorScheme.Dark);
        await dark.GotoAsync(proxy.PageUri.ToString());
        await WaitForChartsAsync(dark);
        await Chromium.ScreenshotAsync(dark, "page-ingress-dark");
    }

    [Fact]
    public async Task Acknowledge_ClearsTheAlert_InTheApiAndOnThePage_AndTheAuditNamesTheHaUser()
    {
        await using var brain = await PageBrain.StartAsync(addon: true);
        await using var proxy = new FakeIngressProxy(brain.BaseUri, PageBrain.AdminId, "owner");
        await brain.RaiseAsync(LeakKey);
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(proxy.PageUri.ToString());
        var alert = $"li[data-alert='{LeakKey}']";

        await page.ClickAsync($"{alert} button.ack");
        await page.WaitForSelectorAsync($"{alert}.acknowledged");

        Assert.Equal(0, await page.Locator($"{alert} button.ack").CountAsync());
        Assert.Contains("acknowledged by ha:owner", await page.InnerTextAsync(alert), StringComparison.Ordinal);
        var held = brain.OpenAlert(LeakKey);
        Assert.Equal(AlertState.Acknowledged, held?.State);
        Assert.Equal("ha:owner", held?.By);
        using var api = JsonDocument.Parse(await page.EvaluateAsync<string>("async () => await (await fetch('./api/alerts')).text()"));
        var listed = Assert.Single(api.RootElement.EnumerateArray(), a => a.GetProperty("key").GetString() == LeakKey);
        Assert.Equal("acknowledged", listed.GetProperty("state").GetString());
        await page.WaitForSelectorAsync("#audit td:text-is('api:ha:owner')");
        await Chromium.ScreenshotAsync(page, "page-alert-acknowledged");
    }

    [Fact]
    public async Task NonAdmin_CannotSwitchAnAppOff_TheButtonIsDisabled_AndTheApiRefuses()
    {
        await using var brain = await PageBrain.StartAsync(addon: true);
        await using var proxy = new FakeIngressProxy(brain.BaseUri, PageBrain.KidId, "kid");
        await brain.RaiseAsync(LeakKey);
        var page = await chromium.NewPageAsync();
        await page.GotoAsync(proxy.PageUri.ToString());
        await page.WaitForSelectorAsync("ul.apps li[data-app] button.switch");

        var switches = await page.EvaluateAsync<bool[]>("() => [...document.querySelectorAll('button.switch')].map(b => b.disabled)");
        var app = await page.GetAttributeAsync("ul.apps li[data-app]:has(button[aria-checked='true'])", "data-app");
        var status = await page.EvaluateAsync<int>(
            "async id => (await fetch(`./api/apps/${id}/enabled`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{\"enabled\": false}' })).status",
            app);
        var ack = await page.EvaluateAsync<int>($"async () => (await fetch('./api/alerts/{LeakKey}/ack', {{ method: 'POST' }})).status");

        Assert.NotEmpty(switches);
        Assert.All(switches, Assert.True);
        Assert.True(await page.IsDisabledAsync($"li[data-alert='{LeakKey}'] button.ack"));
        Assert.Equal((int)HttpStatusCode.Forbidden, status);
        Assert.Equal((int)HttpStatusCode.Forbidden, ack);
        Assert.Contains("ha:kid (guest)", await page.InnerTextAsync("header.top"), StringComparison.Ordinal);
        using var apps = JsonDocument.Parse(await page.EvaluateAsync<string>("async () => await (await fetch('./api/apps')).text()"));
        Assert.True(apps.RootElement.EnumerateArray().Single(a => a.GetProperty("id").GetString() == app).GetProperty("enabled").GetBoolean());
        Assert.Equal(AlertState.Raised, brain.OpenAlert(LeakKey)?.State);
        await Chromium.ScreenshotAsync(page, "page-non-admin");
    }

    [Fact]
    public async Task IdentityHeaders_FromAnotherAddressThanTheSupervisor_AreIgnored()
    {
        await using var brain = await PageBrain.StartAsync(addon: true);
        await brain.RaiseAsync(LeakKey);
        // The browser goes to the brain directly (from 127.0.0.1, not the proxy's address) and forges the headers.
        var page = await chromium.NewPageAsync(new Dictionary<string, string>
        {
            ["X-Remote-User-Id"] = PageBrain.AdminId,
            ["X-Remote-User-Name"] = "owner",
            ["X-Ingress-Path"] = FakeIngressProxy.Prefix,
        });

        await page.GotoAsync(brain.BaseUri.ToString());
        await page.WaitForSelectorAsync("poh-page[data-loaded]");
        var ack = await page.EvaluateAsync<int>($"async () => (await fetch('{brain.BaseUri}api/alerts/{LeakKey}/ack', {{ method: 'POST' }})).status");
        var status = await page.EvaluateAsync<int>($"async () => (await fetch('{brain.BaseUri}api/status')).status");

        Assert.Equal(brain.BaseUri.ToString(), await page.EvaluateAsync<string>("() => document.baseURI"));
        Assert.Equal((int)HttpStatusCode.Forbidden, ack);
        Assert.Equal((int)HttpStatusCode.Forbidden, status);
        Assert.Contains("only Home Assistant ingress", await page.InnerTextAsync("#status"), StringComparison.Ordinal);
        Assert.DoesNotContain("ha:owner", await page.InnerTextAsync("header.top"), StringComparison.Ordinal);
        Assert.Equal(AlertState.Raised, brain.OpenAlert(LeakKey)?.State);
    }

    [Fact]
    public async Task PlainPort_PageRenders_WithChartsAndSwitches_ForTheLocalAdmin()
    {
        await using var brain = await PageBrain.StartAsync(addon: false);
        var page = await chromium.NewPageAsync();

        await page.GotoAsync(brain.BaseUri.ToString());
        await WaitForChartsAsync(page);

        Assert.Equal(brain.BaseUri.ToString(), await page.EvaluateAsync<string>("() => document.baseURI"));
        Assert.True(await PointsAsync(page, HistoryChart) > 0);
        Assert.True(await PointsAsync(page, PlanChart) > 0);
        Assert.False(await page.IsDisabledAsync("ul.apps li[data-app] button.switch"));
        await Chromium.ScreenshotAsync(page, "page-plain-port");
    }

    private static async Task WaitForChartsAsync(IPage page)
    {
        await page.WaitForSelectorAsync($"{HistoryChart} .plot canvas");
        await page.WaitForSelectorAsync($"{PlanChart} .plot canvas");
    }

    // What uPlot holds, read back from its instance in the page (non-null values over all series).
    private static Task<int> PointsAsync(IPage page, string chart) =>
        page.EvaluateAsync<int>("selector => document.querySelector(selector).pointCount", chart);
}
