using System.Text.Json;
using Microsoft.Extensions.Logging;
using ProofOfHeat.Apps.Alarm.Options;
using ProofOfHeat.Apps.Alarm.Tests.Support;
using ProofOfHeat.Mqtt;
using ProofOfHeat.MqttEntities.Discovery;
using ProofOfHeat.TestKit.Logging;
using ProofOfHeat.TestKit.Mqtt;
using ProofOfHeat.TestKit.MqttClients;

namespace ProofOfHeat.Apps.Alarm.Tests.Mqtt;

/// <summary>
/// Arm and disarm from an independent client: MQTT.js plays HA's alarm panel card against a real mosquitto and the
/// brain's entity manager (the real discovery config, the real command path), with the alarm app on fake time
/// behind it. MQTT.js renders each command from the discovered <c>command_template</c> as HA does.
/// </summary>
public sealed class AlarmKeypadMqttJsTests
{
    private const string ConfigTopic = "homeassistant/device/poh_alarm/config";
    private const string StateTopic = "poh/alarm/panel/state";

    [Fact]
    public async Task WithACode_ArmAndDisarmNeedIt_WrongOrMissingCodesAreRefused_AndTheCodeIsNeverLogged()
    {
        var options = AlarmConfigs.House("2580", codeToArm: true);
        options.Night!.ExitDelay = TimeSpan.Zero;
        await using var run = await KeypadRun.StartAsync(options);

        var seen = await run.KeypadAsync(
            ("ARM_NIGHT", null), ("ARM_NIGHT", "2580"), ("DISARM", "1111"), ("DISARM", null), ("DISARM", "2580"));

        var component = seen.GetProperty("component");
        Assert.Equal("REMOTE_CODE", component.GetProperty("code").GetString());
        Assert.True(component.GetProperty("cod_arm_req").GetBoolean());
        Assert.Equal("disarmed", seen.GetProperty("initial").GetString());
        Assert.Equal(["disarmed", "armed_night", "armed_night", "armed_night", "disarmed"], States(seen));
        Assert.Equal("""{"action":"DISARM","code":"2580"}""", seen.GetProperty("steps")[4].GetProperty("sent").GetString());
        var audited = run.Rig.Audit.Entries.All.Where(e => e.Action is "arm" or "disarm").Select(e => (e.Actor, e.Action, e.Result)).ToList();
        Assert.Equal(
            [
                (AlarmApp.PanelActor, "arm", "refused: a code is needed"), (AlarmApp.PanelActor, "arm", "ok"),
                (AlarmApp.PanelActor, "disarm", "refused: wrong code"), (AlarmApp.PanelActor, "disarm", "refused: a code is needed"),
                (AlarmApp.PanelActor, "disarm", "ok"),
            ],
            audited);
        Assert.Contains(run.Logs.Lines, l => l.Message.Contains("DISARM (with a code)", StringComparison.Ordinal));
        Assert.DoesNotContain(run.Logs.Lines.Concat(run.Rig.Harness.Logs.Lines), l => l.Message.Contains("2580", StringComparison.Ordinal) || l.Message.Contains("1111", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutACode_BareActionsArmAndDisarm_AndTheExitDelayEndsOnTime()
    {
        var options = AlarmConfigs.House();
        await using var run = await KeypadRun.StartAsync(options);

        var seen = await run.KeypadAsync(("ARM_HOME", null), ("DISARM", null), ("ARM_AWAY", null));

        Assert.False(seen.GetProperty("component").TryGetProperty("code", out _));
        Assert.Equal(["armed_home", "disarmed", "arming"], States(seen));
        Assert.Equal("ARM_AWAY", seen.GetProperty("steps")[2].GetProperty("sent").GetString());

        var armed = run.States.WaitForAsync(m => m.Topic == StateTopic && m.PayloadAsString() == "armed_away", "armed_away after the exit delay");
        run.Rig.Time.Advance(TimeSpan.FromSeconds(60));
        Assert.False((await armed).Retain);
    }

    [Fact]
    public async Task EntryDelay_ThenTriggered_IsShownOnThePanel()
    {
        var options = AlarmConfigs.House();
        options.Home!.EntryDelay = TimeSpan.FromSeconds(20);
        await using var run = await KeypadRun.StartAsync(options);
        await run.KeypadAsync(("ARM_HOME", null));

        var pending = run.States.WaitForAsync(m => m.Topic == StateTopic && m.PayloadAsString() == "pending", "pending");
        run.Rig.SetContact(AlarmConfigs.FrontDoor, "door", open: true);
        await pending;
        var triggered = run.States.WaitForAsync(m => m.Topic == StateTopic && m.PayloadAsString() == "triggered", "triggered");
        run.Rig.Time.Advance(TimeSpan.FromSeconds(20));
        await triggered;

        await run.Rig.Alerts.Raised.WaitAsync(all => all.Any(a => a.Key == AlarmApp.IntrusionKey), "the intrusion alert");
        await run.Rig.AuditedAsync(e => e.Target == AlarmConfigs.Z2mSiren && e.Detail == "switch.turn_on" && e.Result == "ok", "the siren on");
    }

    private static string[] States(JsonElement seen) =>
        [.. seen.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("state").GetString()!)];

    /// <summary>mosquitto, the brain's entity manager, the alarm app declaring its panel on it, and an observer of the panel state.</summary>
    private sealed class KeypadRun : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private MosquittoBroker _broker = null!;
        private MqttClient _client = null!;
        private MqttClient _observer = null!;
        private Task _loop = Task.CompletedTask;

        public AlarmRig Rig { get; private set; } = null!;

        public CapturingLoggerProvider Logs { get; } = new();

        public TopicRecorder States { get; private set; } = null!;

        public static async Task<KeypadRun> StartAsync(AlarmOptions options)
        {
            var run = new KeypadRun();
            run._broker = await MosquittoBroker.StartAsync();
            var discovery = new MqttDiscoveryOptions { OriginVersion = "0.1.0" };
            run._client = BrokerClients.Brain(run._broker, discovery);
            var manager = new MqttEntityManager(run._client, discovery, TimeProvider.System, run.Logs.CreateFactory().CreateLogger<MqttEntityManager>());
            run.Rig = await AlarmRig.StartAsync(options, entities: manager);
            run._loop = manager.RunAsync(run._stop.Token);
            await run._client.ConnectAsync().WaitAsync(TestTimeouts.Safety);
            (run._observer, run.States) = await BrokerClients.ObserverAsync(run._broker, StateTopic);
            run.Rig.Time.Advance(TimeSpan.FromMinutes(1)); // no HA here to say the last state: the app shows its own after a minute
            await run.States.WaitForAsync(m => m.Topic == StateTopic, "the panel state");
            return run;
        }

        /// <summary>Runs the MQTT.js keypad through <paramref name="steps"/> and returns what it saw.</summary>
        public Task<JsonElement> KeypadAsync(params (string Action, string? Code)[] steps) =>
            NodeScript.RunAsync("ha-alarm-keypad.js", _broker.Url, ConfigTopic, "panel",
                JsonSerializer.Serialize(steps.Select(s => new { action = s.Action, code = s.Code })));

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _loop.WaitAsync(TestTimeouts.Safety);
            await _observer.DisposeAsync();
            await _client.DisposeAsync();
            await Rig.DisposeAsync();
            await _broker.DisposeAsync();
            _stop.Dispose();
        }
    }
}
