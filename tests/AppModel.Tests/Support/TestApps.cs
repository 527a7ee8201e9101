using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.AppModel.Scheduling;

namespace ProofOfHeat.AppModel.Tests.Support;

public sealed class RecorderOptions
{
    public string Label { get; set; } = "default";
}

[HomeApp(Id = "recorder")]
internal sealed class RecorderApp : IDisposable
{
    private readonly IDisposable _subscription;

    public RecorderApp(IHaContext ha, Probe probe, IAppConfig<RecorderOptions> config)
    {
        probe.Lifecycle.Enqueue($"recorder:start:{config.Value.Label}");
        _subscription = ha.StateAllChanges().Subscribe(c => probe.Record("recorder", c));
        Probe = probe;
    }

    private Probe Probe { get; }

    public void Dispose()
    {
        Probe.Lifecycle.Enqueue("recorder:stop");
        _subscription.Dispose();
    }
}

[HomeApp(Id = "thrower")]
internal sealed class ThrowingHandlerApp
{
    public ThrowingHandlerApp(IHaContext ha, Probe probe)
    {
        ha.StateAllChanges().Subscribe(c =>
        {
            probe.Record("thrower", c);
            throw new InvalidOperationException("handler bug");
        });
    }
}

[HomeApp(Id = "broken_ctor")]
internal sealed class BrokenConstructorApp
{
    public BrokenConstructorApp() => throw new InvalidOperationException("constructor bug");
}

[HomeApp(Id = "safety", KeepRunningWhenDisconnected = true)]
internal sealed class SafetyApp
{
    public SafetyApp(IHaContext ha, Probe probe)
    {
        probe.Lifecycle.Enqueue("safety:start");
        ha.StateAllChanges().Subscribe(c => probe.Record("safety", c));
    }
}

[HomeApp(Id = "slow")]
internal sealed class SlowApp
{
    public SlowApp(IHaContext ha, Probe probe) =>
        ha.StateAllChanges().Subscribe(c =>
        {
            probe.Gate.Wait();
            probe.Record("slow", c);
        });
}

/// <summary>A safety app whose handler waits on the probe's gate: a brain too starved to keep up with its events.</summary>
[HomeApp(Id = "slow_safety", KeepRunningWhenDisconnected = true)]
internal sealed class SlowSafetyApp
{
    public SlowSafetyApp(IHaContext ha, Probe probe) =>
        ha.StateAllChanges().Subscribe(c =>
        {
            probe.Gate.Wait();
            probe.Record("slow_safety", c);
        });
}

[HomeApp(Id = "ticker")]
internal sealed class TickerApp
{
    public TickerApp(IAppScheduler scheduler, Probe probe)
    {
        var ticks = 0;
        scheduler.RunEvery(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), _ =>
        {
            ticks++;
            probe.Lifecycle.Enqueue($"tick:{ticks}");
            return ticks == 2 ? throw new InvalidOperationException("tick bug") : Task.CompletedTask;
        });
    }
}

/// <summary>Reads the cache, then waits (on the probe's gate) before it subscribes: the window a change can fall into.</summary>
[HomeApp(Id = "slow_start")]
internal sealed class SlowStartApp : IDisposable
{
    private readonly IDisposable _subscription;

    public SlowStartApp(IHaContext ha, Probe probe)
    {
        probe.Lifecycle.Enqueue($"slow_start:read:{ha.GetState("sensor.t")?.State}");
        if (!probe.Gate.Wait(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("the test never opened the gate");
        }

        _subscription = ha.StateAllChanges().Subscribe(c => probe.Record("slow_start", c));
    }

    public void Dispose() => _subscription.Dispose();
}
