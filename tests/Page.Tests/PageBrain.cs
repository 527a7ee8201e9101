using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.AppModel.Telemetry;
using ProofOfHeat.Apps.Heating;
using ProofOfHeat.Apps.Heating.Optimiser;
using ProofOfHeat.Control.Optimisation;
using ProofOfHeat.Host.Api.Access;
using ProofOfHeat.Host.Configuration;
using ProofOfHeat.Host.Hosting;
using ProofOfHeat.Telemetry.Store;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Page.Tests;

/// <summary>
/// The brain's host started in-process over the demo's simulated home (its miners included), on a free loopback
/// port (the demo on its own simulated clock, 60 times real time), with a telemetry store filled with a zone's last 24 h and a plan and prices for the next
/// 36 h, and the heating journal holding that zone's latest decision (with the optimiser's plan).
/// </summary>
internal sealed class PageBrain : IAsyncDisposable
{
    /// <summary>The HA user id the fake user list calls an admin.</summary>
    public const string AdminId = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

    /// <summary>An HA user who is not an admin.</summary>
    public const string KidId = "0f0e0d0c0b0a09080706050403020100";

    /// <summary>The zone the tests fill.</summary>
    public const string Zone = "living";

    /// <summary>Where the ingress proxy's connections come from (the Supervisor's 172.30.32.2 in a real add-on).</summary>
    public static readonly IPAddress ProxyAddress = IPAddress.Parse("127.0.0.2");

    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(30);
    private readonly BrainHost _host;
    private readonly string _dir;

    private PageBrain(BrainHost host, string dir)
    {
        _host = host;
        _dir = dir;
        BaseUri = new Uri(host.Urls.Single());
    }

    /// <summary>The brain's own address (the plain port).</summary>
    public Uri BaseUri { get; }

    /// <summary>The brain's clock: the demo's simulated one, which it registers over the host's.</summary>
    public TimeProvider Time => Services.GetRequiredService<TimeProvider>();

    /// <summary>The brain's services.</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>
    /// Starts the brain: as an add-on behind <see cref="ProxyAddress"/> when <paramref name="addon"/>, else standalone
    /// (loopback callers are admins); <paramref name="configFile"/> is the file it says it was started from.
    /// </summary>
    public static async Task<PageBrain> StartAsync(bool addon, string? configFile = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "poh-page-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var options = new BrainOptions();
        options.Http.IngressProxy = ProxyAddress.ToString();
        var config = new LoadedConfig(options, configFile, null, addon, []);
        var settings = new BrainHostSettings(config, RunMode.Demo, new DemoOptions(60, null, null) { Home = new ProofOfHeat.Demo.DemoHome() },
            Path.Combine(dir, "data"), HttpPort: 0);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
        var host = await BrainHostBuilder.BuildAsync(settings, time, services =>
        {
            services.RemoveAll<IHomeAssistantUsers>();
            services.AddSingleton<IHomeAssistantUsers>(new FakeHomeAssistantUsers(AdminId));
        }, CancellationToken.None).WaitAsync(Safety);
        await host.StartAsync().WaitAsync(Safety);
        var brain = new PageBrain(host, dir);
        await brain.FillAsync();
        return brain;
    }

    /// <summary>Raises an alert through the brain's alert service, as a safety app would.</summary>
    public async Task<Alert> RaiseAsync(string key, AlertSeverity severity = AlertSeverity.Critical) =>
        await Services.GetRequiredService<IAlerts>().RaiseAsync(new AlertRequest(
            key, severity, "safety", "safety.leak", "Water leak: kitchen", "The kitchen leak sensor is wet; the main valve was closed."));

    /// <summary>The alert service's open alert with <paramref name="key"/>, or null.</summary>
    public Alert? OpenAlert(string key) => Services.GetRequiredService<IAlerts>().Open.FirstOrDefault(a => a.Key == key);

    private async Task FillAsync()
    {
        var now = Time.GetUtcNow();
        var store = Services.GetRequiredService<TelemetryStore>();
        var points = new List<TelemetryPoint>();
        for (var at = now - TimeSpan.FromHours(24); at <= now; at += TimeSpan.FromMinutes(5))
        {
            var hour = (at - now).TotalHours;
            points.Add(new TelemetryPoint("zone", at, [new("zone", "poh_" + Zone)],
                [TelemetryField.Of("room_c", 20.5 + Math.Sin(hour / 3) * 0.6), TelemetryField.Of("target_c", hour % 24 > -8 ? 21.0 : 19.0)]));
        }

        for (var slot = now; slot < now + TimeSpan.FromHours(36); slot += TimeSpan.FromMinutes(15))
        {
            var price = 0.18 + 0.08 * Math.Sin((slot - now).TotalHours / 4);
            points.Add(new TelemetryPoint("plan", slot, [new("source", "attic_miner")],
                [TelemetryField.Of("power_w", price < 0.2 ? 2400.0 : 1200.0)]));
            points.Add(new TelemetryPoint("plan", slot, [new("source", "office_radiator")],
                [TelemetryField.Of("power_w", price < 0.14 ? 1500.0 : 0.0)]));
            points.Add(new TelemetryPoint("price", slot, [], [TelemetryField.Of("electricity_per_kwh", price)]));
        }

        await store.WriteAsync(points, CancellationToken.None);
        var plan = new ZonePlan(0.183, 20.5, 21.5,
            [new SourceHeatCost("attic_miner", 0.041), new SourceHeatCost("office_radiator", 0.183)],
            [new SourceSetting("attic_miner", 2400), new SourceSetting("office_radiator", 0)], 21.1, null);
        Services.GetRequiredService<IHeatingDecisionJournal>().Record(new HeatingDecision(
            now, Zone, 20.8, 3.5, 21.0, 0.6, 2400, "plan: attic_miner 2400 W; 0.183 €/kWh; band 20.5-21.5", plan, ZoneRule.Optimiser));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync().WaitAsync(Safety);
        await _host.DisposeAsync();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the temp directory is cleaned by the system later.
        }
    }

    private sealed class FakeHomeAssistantUsers(string adminId) : IHomeAssistantUsers
    {
        public Task<bool?> IsAdminAsync(string userId, CancellationToken cancellationToken) => Task.FromResult<bool?>(userId == adminId);
    }
}
