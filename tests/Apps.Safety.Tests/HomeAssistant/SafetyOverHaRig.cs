using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.AppModel.Runtime;
using ProofOfHeat.Apps.Safety.Options;
using ProofOfHeat.Apps.Safety.Tests.Support;
using ProofOfHeat.HomeAssistant;
using ProofOfHeat.Host.Composition;
using ProofOfHeat.Host.HomeAssistant;
using ProofOfHeat.Notify;
using ProofOfHeat.Notify.HomeAssistant;
using ProofOfHeat.Notify.Options;
using ProofOfHeat.TestKit.AppModel;
using ProofOfHeat.TestKit.HomeAssistant;
using ProofOfHeat.TestKit.Logging;

namespace ProofOfHeat.Apps.Safety.Tests.HomeAssistant;

/// <summary>
/// The safety app on the brain's real HA path, as the host wires it: the fake HA on loopback → the real WebSocket
/// client → HomeAssistantBackend → HomeRuntime → SafetyApp. The fake HA plays the devices: a service call that HA
/// would carry out changes the entity's state (the valve reports <c>closed</c>), so the app's read-back sees it.
/// Alerts go to a recording service, or (with <see cref="NotifyOptions"/>) to the real notify runtime that talks
/// to the same fake HA. Every wait is bounded (10 s), and so is the teardown.
/// </summary>
internal sealed class SafetyOverHaRig : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private ServiceProvider _services = null!;
    private List<IHostedService> _hosted = [];
    private Task _runtime = Task.CompletedTask;

    private SafetyOverHaRig() => Server = new FakeHomeAssistant(TimeProvider.System);

    public FakeHomeAssistant Server { get; }

    public RecordingAlerts Alerts { get; } = new(TimeProvider.System);

    public RecordingAudit Audit { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public HomeRuntime Runtime => _services.GetRequiredService<HomeRuntime>();

    public IAlerts AlertService => _services.GetRequiredService<IAlerts>();

    /// <summary>
    /// Starts HA with the entities <paramref name="seed"/> sets, the services the devices answer (each carried out as
    /// a state change), and the brain with the safety app (and the apps <paramref name="more"/> adds).
    /// </summary>
    public static async Task<SafetyOverHaRig> StartAsync(
        SafetyOptions options, Action<FakeHomeAssistant> seed, NotifyOptions? notify = null, Action<IServiceCollection>? more = null)
    {
        var rig = new SafetyOverHaRig();
        seed(rig.Server);
        rig.RespondAsDevices();
        var collection = new ServiceCollection();
        collection.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(rig.Logs));
        collection.AddSingleton(TimeProvider.System);
        collection.AddSingleton(new HomeAssistantClientOptions { WebSocketUri = rig.Server.WebSocketUri, AccessToken = FakeHomeAssistant.ValidToken });
        collection.AddSingleton<HomeAssistantBackend>();
        collection.AddSingleton<IHomeBackend>(sp => sp.GetRequiredService<HomeAssistantBackend>());
        collection.AddSingleton<IAppOptionsProvider>(new OptionsFor(options));
        collection.AddSingleton<IAuditTrail>(rig.Audit);
        if (notify is null)
        {
            collection.AddSingleton<IAlerts>(rig.Alerts);
        }
        else
        {
            // The host's own outlet: notify services and persistent notifications are HA service calls on the same client.
            collection.AddSingleton<IHaOutlet>(sp => new HostHaOutlet(
                sp.GetRequiredService<IHomeBackend>(), sp.GetRequiredService<ILogger<HostHaOutlet>>(), sp.GetRequiredService<HomeAssistantBackend>()));
            collection.AddNotify(notify);
        }

        collection.AddSingleton(AppDescriptor.For(typeof(SafetyApp)));
        more?.Invoke(collection);
        collection.AddHomeAppModel();
        rig._services = collection.BuildServiceProvider();
        // The notify runtime's own loops (the alert dispatcher, the mobile action pump), as the host would start them.
        rig._hosted = [.. rig._services.GetServices<IHostedService>().Where(h => h.GetType().Assembly == typeof(NotifyOptions).Assembly)];
        foreach (var hosted in rig._hosted)
        {
            await hosted.StartAsync(CancellationToken.None).WaitAsync(Until.Healthy);
        }

        rig._runtime = Task.Run(() => rig.Runtime.RunAsync(rig._stop.Token));
        await Until.TrueAsync(
            () => rig.Runtime.IsConnected && rig.Runtime.Apps.Any(a => a.Id == SafetyApp.AppId && a.State == AppRunState.Running),
            "the brain connected to the fake HA with the safety app running");
        return rig;
    }

    /// <summary>A binary sensor as HA shows it: <c>on</c>/<c>off</c>/<c>unavailable</c> with its device class.</summary>
    public void SetBinary(string entityId, string state, string deviceClass) =>
        Server.SetState(entityId, state, new { device_class = deviceClass, friendly_name = entityId });

    /// <summary>The first service call that matches, within 10 s.</summary>
    public Task<FakeServiceCall> CallAsync(string domain, string service, string entityId) =>
        Server.ServiceCallAsync(c => c.Domain == domain && c.Service == service && c.TargetEntityIds.Contains(entityId), $"{domain}.{service} on {entityId}");

    /// <summary>Waits until the audit shows <paramref name="entityId"/> confirmed by its read-back.</summary>
    public Task ConfirmedAsync(string entityId) =>
        Until.TrueAsync(() => Audit.Entries.Any(e => e.Target == entityId && e.Result == "confirmed"), entityId + " confirmed");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _runtime.WaitAsync(Until.Healthy);
        foreach (var hosted in _hosted)
        {
            await hosted.StopAsync(CancellationToken.None).WaitAsync(Until.Healthy);
        }

        await _services.DisposeAsync().AsTask().WaitAsync(Until.Healthy);
        await Server.DisposeWithinAsync(Until.Healthy);
        Alerts.Dispose();
        _stop.Dispose();
    }

    // HA carries a device service out as a state change of the entity (valve.close_valve → closed, switch.turn_off →
    // off …, https://www.home-assistant.io/integrations/valve/ and /switch/); the fake plays that for every entity named.
    private void RespondAsDevices()
    {
        (string Domain, string Service, string State)[] services =
        [
            ("valve", "close_valve", "closed"), ("valve", "open_valve", "open"),
            ("switch", "turn_off", "off"), ("switch", "turn_on", "on"),
            ("fan", "turn_off", "off"), ("light", "turn_on", "on"),
            ("climate", "turn_off", "off"), ("climate", "set_hvac_mode", "heat"),
        ];
        foreach (var (domain, service, state) in services)
        {
            Server.RegisterService(domain, service, call =>
            {
                if (call.TargetEntityIds.Any(Failing.Contains))
                {
                    return FakeServiceOutcome.Error("home_assistant_error", "The device did not answer.");
                }

                foreach (var entity in call.TargetEntityIds)
                {
                    Server.SetState(entity, state);
                }

                return FakeServiceOutcome.Ok();
            });
        }
    }

    /// <summary>Entities whose service calls HA answers with an error (the device is unreachable).</summary>
    public HashSet<string> Failing { get; } = new(StringComparer.Ordinal);

    private sealed class OptionsFor(SafetyOptions options) : IAppOptionsProvider
    {
        private readonly DefaultAppOptionsProvider _defaults = new();

        public object GetOptions(string appId, Type optionsType) =>
            appId == SafetyApp.AppId ? options : _defaults.GetOptions(appId, optionsType);
    }
}
