using System.Collections.Concurrent;
using System.Reactive.Linq;
using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.AppModel.Services;
using ProofOfHeat.MqttEntities.Discovery;
using ProofOfHeat.MqttEntities.Tests.Support;

namespace ProofOfHeat.MqttEntities.Tests.Hosting;

/// <summary>What the test apps saw.</summary>
public sealed class AppProbe
{
    public ConcurrentQueue<string> Commands { get; } = new();

    public TaskCompletionSource ValveClosed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource RuleStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>Owns the miner's power switch: applies HA's command and reports the resulting state, as a real app would.</summary>
[HomeApp(Id = "miner_power")]
internal sealed class MinerPowerApp : IDisposable
{
    private readonly IDisposable _subscription;

    public MinerPowerApp(IMqttEntities entities, AppProbe probe)
    {
        var power = entities.GetEntity<MqttSwitch>(SampleEntities.Miner.Id, "power_switch");
        entities.FindDevice(SampleEntities.Miner.Id)!.SetAvailable(true); // the miner answered its first poll
        power.PublishState(true);
        _subscription = power.Commands.Subscribe(on =>
        {
            probe.Commands.Enqueue(on ? "ON" : "OFF");
            power.PublishState(on);
        });
    }

    public void Dispose() => _subscription.Dispose();
}

/// <summary>The safety rule: a leak (now or at start) closes the main valve. It runs with or without HA.</summary>
[HomeApp(Id = "leak_rule", KeepRunningWhenDisconnected = true)]
internal sealed class LeakRuleApp : IDisposable
{
    private readonly IDisposable _leak;
    private readonly IDisposable _valve;

    public LeakRuleApp(IHaContext ha, AppProbe probe)
    {
        _leak = ha.Entity("binary_sensor.leak_kitchen").StateChangesWithCurrent()
            .Where(c => c.New?.State == "on")
            .Subscribe(_ => ha.CallService("switch", "turn_off", ServiceTarget.Entities("switch.main_valve")));
        _valve = ha.Entity("switch.main_valve").StateChanges()
            .Where(c => c.New?.State == "off")
            .Subscribe(_ => probe.ValveClosed.TrySetResult());
        probe.RuleStarted.TrySetResult();
    }

    public void Dispose()
    {
        _leak.Dispose();
        _valve.Dispose();
    }
}
