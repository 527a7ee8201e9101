using Microsoft.Extensions.DependencyInjection;
using ProofOfHeat.Apps.Miners.Fleet;
using ProofOfHeat.Demo;
using ProofOfHeat.Host.Configuration;
using ProofOfHeat.Host.Hosting;
using ProofOfHeat.Sim.Time;
using ProofOfHeat.Telemetry;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Host.Tests.Telemetry;

/// <summary>
/// The whole brain as <c>poh demo</c> composes it (the simulated house, three miner simulators of three firmware
/// families on loopback driven through the fleet and its drivers, the heating app planning them with the optimiser,
/// the telemetry pipeline into telemetry.db), on a fake clock the test moves ten simulated seconds (the fleet's poll
/// interval) at a time, waiting for the miners' polls to come back over their sockets before moving on, so fake time
/// never runs far ahead of real I/O.
/// </summary>
internal sealed class TelemetryDemoBrain : IAsyncDisposable
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LaggingGrace = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(10);
    private readonly BrainHost _host;
    private readonly TempDirectory _dir;
    private bool _stopped;

    private TelemetryDemoBrain(BrainHost host, TempDirectory dir, FakeTimeProvider time)
    {
        _host = host;
        _dir = dir;
        Time = time;
        Client = new HttpClient { BaseAddress = new Uri(host.Urls.Single()), Timeout = Safety };
    }

    public FakeTimeProvider Time { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _host.Services;

    public string DataDirectory => _dir.Combine("data");

    public string WorkingDirectory => _dir.Path;

    public static async Task<TelemetryDemoBrain> StartAsync()
    {
        var dir = new TempDirectory();
        var time = new FakeTimeProvider(DemoServices.SimulatedStart);
        // Speed only scales the demo's network timeouts here (3 min to connect, 10 min for a reply): the clock is the fake one.
        var demo = new DemoOptions(60, null, null) { Home = new FakeClockDemoHome(new ScaledTimeProvider(DemoServices.SimulatedStart, 1, time)) };
        var config = new LoadedConfig(new BrainOptions(), null, null, false, []);
        var settings = new BrainHostSettings(config, RunMode.Demo, demo, dir.Combine("data"), HttpPort: 0);
        var host = await BrainHostBuilder.BuildAsync(settings, time, CancellationToken.None).WaitAsync(Safety);
        await host.StartAsync().WaitAsync(Safety);
        return new TelemetryDemoBrain(host, dir, time);
    }

    /// <summary>Runs the brain for <paramref name="span"/> of simulated time, a poll interval at a time.</summary>
    public async Task RunForAsync(TimeSpan span)
    {
        var fleet = Services.GetRequiredService<IMinerFleet>();
        var apps = Services.GetRequiredService<ProofOfHeat.Host.Api.IAppControl>();
        // The apps start once the simulated home has connected, on the runtime's own tasks.
        await Eventually.UntilAsync(
            () => apps.List().Where(a => a.Id is "miners" or "heating").All(a => a.State == "running"),
            Safety,
            "the miners and heating apps to run: " + string.Join(", ", apps.List().Select(a => $"{a.Id} {a.State}")));
        var end = Time.GetUtcNow() + span;
        while (Time.GetUtcNow() < end)
        {
            Time.Advance(PollInterval);
            var now = Time.GetUtcNow();
            // A miner read within the last three intervals is keeping up. One that is not may be waiting for real I/O
            // (then it is waited for, briefly) or for the clock itself (a driver's retry delay, a simulator restarting
            // after a command: then only moving the clock on helps). One not read for ten minutes is a failure.
            if (await UntilAsync(fleet, id => fleet.GetSnapshot(id).Reading?.At >= now - (3 * PollInterval), LaggingGrace))
            {
                continue;
            }

            if (fleet.MinerIds.Any(id => !(fleet.GetSnapshot(id).Reading?.At >= now - StuckAfter)))
            {
                var readings = fleet.MinerIds.Select(id => $"{id}: {fleet.GetSnapshot(id).Reading?.At:O} {fleet.GetSnapshot(id).Reading?.Status}");
                throw new TimeoutException(
                    $"at {now:O} a miner has not been read for {StuckAfter.TotalMinutes} min: {string.Join("; ", readings)}; apps: "
                    + string.Join(", ", apps.List().Select(a => $"{a.Id} {a.State} {a.LastError}")));
            }
        }
    }

    // Whether every miner meets the condition, waiting at most `grace` of real time for the fleet's updates.
    private static async Task<bool> UntilAsync(IMinerFleet fleet, Func<string, bool> condition, TimeSpan grace)
    {
        bool All() => fleet.MinerIds.All(condition);
        var met = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var updates = fleet.Updates.Subscribe(_ =>
        {
            if (All())
            {
                met.TrySetResult();
            }
        });
        if (All())
        {
            return true;
        }

        try
        {
            await met.Task.WaitAsync(grace);
            return true;
        }
        catch (TimeoutException)
        {
            return All();
        }
    }

    /// <summary>Moves every point recorded so far through the outbox into telemetry.db.</summary>
    public async Task DrainTelemetryAsync()
    {
        var pipeline = Services.GetRequiredService<TelemetryPipeline>();
        // The throttle holds at most a second's points; two seconds release them.
        Time.Advance(TimeSpan.FromSeconds(2));
        await pipeline.Recorder.FlushAsync(CancellationToken.None).WaitAsync(Safety);
        var store = pipeline.Deliveries.Single(d => d.SinkName == "store");
        await Eventually.UntilAsync(
            () =>
            {
                // The delivery waits its flush interval (1 s) on the fake clock for a part-filled batch.
                Time.Advance(TimeSpan.FromSeconds(1));
                return store.DeliveredPoints >= pipeline.Recorder.DurablePoints;
            },
            Safety,
            "the store to take every recorded point");
    }

    /// <summary>
    /// Stops the brain (telemetry.db is closed); <see cref="DisposeAsync"/> then only cleans up. Stopping waits on the
    /// clock too (the heating leaves its miners at their safe state through the fleet, whose retries wait), so the
    /// fake clock is moved a second at a time until the host has stopped.
    /// </summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        var stopping = _host.StopAsync();
        await Eventually.UntilAsync(
            () =>
            {
                Time.Advance(TimeSpan.FromSeconds(1));
                return stopping.IsCompleted;
            },
            Safety,
            "the brain to stop");
        await stopping;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await StopAsync();
        await _host.DisposeAsync();
        _dir.Dispose();
    }

    /// <summary>The demo's home on the test's clock.</summary>
    private sealed class FakeClockDemoHome(ScaledTimeProvider clock) : IDemoHome
    {
        public IReadOnlyDictionary<string, AppSection> Add(IServiceCollection services, DemoOptions demo, IReadOnlyDictionary<string, AppSection> apps) =>
            DemoServices.Add(services, demo, apps, clock);

        public void AddMqttEntities(IServiceCollection services)
        {
            // No broker in this test.
        }
    }
}
