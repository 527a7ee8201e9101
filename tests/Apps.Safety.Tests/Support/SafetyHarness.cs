using Microsoft.Extensions.DependencyInjection;
using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.AppModel.Services;
using ProofOfHeat.Apps.Safety.Loads;
using ProofOfHeat.Apps.Safety.Options;
using ProofOfHeat.TestKit.AppModel;

namespace ProofOfHeat.Apps.Safety.Tests.Support;

/// <summary>The safety app on fake time, with a recording alert service and audit, answering devices and fake miners.</summary>
internal sealed class SafetyHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SafetyHarness(AppHarness harness, ServiceProvider services, RecordingAlerts alerts, RecordingAudit audit, FakeMiners miners)
    {
        Harness = harness;
        _services = services;
        Alerts = alerts;
        Audit = audit;
        Miners = miners;
        Devices = new RespondingDevices(harness.Ha);
    }

    public AppHarness Harness { get; }

    public FakeHaContext Ha => Harness.Ha;

    public RecordingAlerts Alerts { get; }

    public RecordingAudit Audit { get; }

    public FakeMiners Miners { get; }

    public RespondingDevices Devices { get; }

    public SafetyApp App { get; private set; } = null!;

    public List<ServiceCall> Calls => Ha.Calls;

    /// <summary>Builds the harness; <paramref name="before"/> sets the home's states before the app starts.</summary>
    public static async Task<SafetyHarness> StartAsync(SafetyOptions options, Action<SafetyHarness>? before = null, params string[] miners)
    {
        var harness = new AppHarness();
        var alerts = new RecordingAlerts(harness.Time);
        var audit = new RecordingAudit();
        var fakeMiners = new FakeMiners(miners.Length == 0 ? ["avalon_mini", "bos_s19"] : miners);
        var services = harness.Services(s =>
        {
            s.AddSingleton<IAlerts>(alerts);
            s.AddSingleton<IAuditTrail>(audit);
            s.AddSingleton<ISafetyMiners>(fakeMiners);
        });
        var safety = new SafetyHarness(harness, services, alerts, audit, fakeMiners);
        before?.Invoke(safety);
        safety.App = await harness.StartAsync<SafetyApp>(services, options);
        return safety;
    }

    /// <summary>Calls of <paramref name="service"/> on <paramref name="entityId"/>.</summary>
    public int CallsOf(string entityId, string service) =>
        Calls.Count(c => c.Service == service && c.Target?.EntityIds?.Contains(entityId) == true);

    /// <summary>Advances fake time in small steps so every timer and retry on the way runs.</summary>
    public async Task AdvanceAsync(TimeSpan span, int steps = 20)
    {
        for (var i = 0; i < steps; i++)
        {
            Harness.Time.Advance(span / steps);
            await Task.Yield();
            await Task.Delay(1);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.DisposeAsync();
        await _services.DisposeAsync();
        Alerts.Dispose();
    }
}
