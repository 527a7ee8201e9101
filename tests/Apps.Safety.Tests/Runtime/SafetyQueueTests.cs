using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.AppModel.Runtime;
using ProofOfHeat.AppModel.Services;
using ProofOfHeat.Apps.Safety.Options;
using ProofOfHeat.Apps.Safety.Tests.Support;
using ProofOfHeat.TestKit.AppModel;

namespace ProofOfHeat.Apps.Safety.Tests.Runtime;

/// <summary>
/// A starved brain (issue 11): the safety app's event thread is held up while a burst far beyond its queue's bound
/// arrives, the leak among the first of it. A queue that dropped the oldest event would drop the leak and the valve
/// would never close; the safety app's queue keeps every event. Deterministic: the hold is a gate in the backend,
/// not a race against the clock.
/// </summary>
public sealed class SafetyQueueTests
{
    private const string Leak = "binary_sensor.leak_kitchen";
    private const string Valve = "valve.main_water";
    private const string Meter = "sensor.main_meter_power";
    private const string Heater = "switch.heater_plug";
    private const int QueueBound = 16;

    [Fact]
    public async Task ABurstBeyondTheQueueBound_WhileTheAppIsHeldUp_StillClosesTheValve()
    {
        var now = TimeProvider.System.GetUtcNow();
        var home = new HoldingHome(Heater, [
            EntityState.Create(Leak, "off", now), EntityState.Create(Valve, "open", now),
            EntityState.Create(Meter, "1000", now), EntityState.Create(Heater, "on", now)]);
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddSingleton<IHomeBackend>(home);
        services.AddSingleton<IAppOptionsProvider>(new OptionsFor(new SafetyOptions
        {
            Leak = new LeakOptions { Sensors = [Leak], Valves = [Valve] },
            Overload = new OverloadOptions { Meter = Meter, LimitWatts = 5750, Loads = [new SheddableLoadOptions { Id = Heater, Kind = "switch", Watts = 3000 }] },
        }));
        services.AddSingleton<IAlerts>(new RecordingAlerts(TimeProvider.System));
        services.AddSingleton<IAuditTrail>(new RecordingAudit());
        services.AddHomeAppModel(o => o.AppQueueCapacity = QueueBound);
        services.AddHomeApp<SafetyApp>();
        await using var provider = services.BuildServiceProvider();
        var runtime = provider.GetRequiredService<HomeRuntime>();
        using var stop = new CancellationTokenSource();
        var running = runtime.RunAsync(stop.Token);
        try
        {
            await Until.TrueAsync(() => runtime.Apps.Any(a => a.Id == SafetyApp.AppId && a.State == AppRunState.Running), "the safety app running");

            // An overload: the app sheds the heater, and the heater's call holds the app's event thread.
            home.Sink.StateChanged(Reading(Meter, "1000", "9000"));
            Assert.True(home.Entered.Wait(Until.Healthy), "the heater's call reached the backend");

            // The leak, then six times the queue's bound of meter chatter, all while the app is held.
            home.Sink.StateChanged(Reading(Leak, "off", "on"));
            for (var watts = 9001; watts <= 9000 + (QueueBound * 6); watts++)
            {
                home.Sink.StateChanged(Reading(Meter, "9000", watts.ToString(CultureInfo.InvariantCulture)));
            }

            Assert.DoesNotContain(home.Calls, c => c.Service == "close_valve");
            home.Release.Set();

            await Until.TrueAsync(() => home.Calls.Any(c => c.Service == "close_valve" && c.Target!.EntityIds![0] == Valve), "the valve closed");
            Assert.Equal(0, runtime.Apps.Single(a => a.Id == SafetyApp.AppId).DroppedEvents);
        }
        finally
        {
            home.Release.Set();
            await stop.CancelAsync();
            await running.WaitAsync(Until.Healthy);
        }
    }

    private static StateChange Reading(string entityId, string from, string to)
    {
        var at = TimeProvider.System.GetUtcNow();
        return new StateChange(entityId, EntityState.Create(entityId, from, at), EntityState.Create(entityId, to, at));
    }

    private sealed class OptionsFor(SafetyOptions options) : IAppOptionsProvider
    {
        public object GetOptions(string appId, Type optionsType) =>
            appId == SafetyApp.AppId ? options : Activator.CreateInstance(optionsType)!;
    }

    /// <summary>
    /// Home Assistant up, its entities answering calls as HA reports them (a valve <c>closed</c>, a switch <c>off</c>),
    /// except that the call to <c>held</c> blocks its caller, the safety app's event thread, until released.
    /// </summary>
    private sealed class HoldingHome(string held, IReadOnlyCollection<EntityState> snapshot) : IHomeBackend
    {
        private IHomeStateSink? _sink;

        public string Name => "home-assistant (held)";

        public ManualResetEventSlim Entered { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public ConcurrentQueue<ServiceCall> Calls { get; } = new();

        public IHomeStateSink Sink => _sink ?? throw new InvalidOperationException("Not running.");

        public async Task RunAsync(IHomeStateSink sink, CancellationToken cancellationToken)
        {
            _sink = sink;
            sink.Connected(snapshot);
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        public Task<JsonElement?> CallServiceAsync(ServiceCall serviceCall, CancellationToken cancellationToken)
        {
            Calls.Enqueue(serviceCall);
            var id = serviceCall.Target?.EntityIds is { Count: > 0 } ids ? ids[0] : string.Empty;
            if (id == held && !Entered.IsSet)
            {
                Entered.Set();
                Release.Wait(TimeSpan.FromSeconds(60), cancellationToken);
            }

            var state = serviceCall.Service switch { "close_valve" => "closed", "turn_off" => "off", _ => "on" };
            _sink!.StateChanged(new StateChange(id, null, EntityState.Create(id, state, TimeProvider.System.GetUtcNow())));
            return Task.FromResult<JsonElement?>(null);
        }
    }
}
