using System.Text.Json.Nodes;
using ProofOfHeat.MqttEntities.Discovery;
using ProofOfHeat.MqttEntities.Tests.Support;
using ProofOfHeat.TestKit.Mqtt;

namespace ProofOfHeat.MqttEntities.Tests.Discovery;

/// <summary>
/// The alarm panel kind: its discovery payload against HA's MQTT alarm_control_panel schema (keys, features, the
/// remote-code markers), and its command validation (bare actions, the remote-code JSON, unsupported features).
/// </summary>
public sealed class AlarmPanelDiscoveryTests
{
    private static readonly MqttDeviceInfo Alarm = new("alarm", "Alarm");

    [Theory]
    [InlineData(MqttAlarmCodeFormat.None)]
    [InlineData(MqttAlarmCodeFormat.Number)]
    [InlineData(MqttAlarmCodeFormat.Text)]
    public async Task Payload_PassesHaSchema(MqttAlarmCodeFormat format)
    {
        await using var offline = new OfflineManager();
        offline.Manager.Device(Alarm).Add(new MqttAlarmControlPanel("panel")
        {
            CodeFormat = format,
            SupportedFeatures = ["arm_home", "arm_away", "arm_night", "arm_vacation", "trigger"],
        });

        var payload = offline.Payload("alarm");

        Assert.Empty(HaDiscoverySchema.Check(payload));
        var panel = JsonNode.Parse(payload)!["cmps"]!["panel"]!;
        Assert.Equal("alarm_control_panel", panel["p"]!.GetValue<string>());
        Assert.Equal("poh/alarm/panel/set", panel["cmd_t"]!.GetValue<string>());
        Assert.Equal("poh/alarm/panel/state", panel["stat_t"]!.GetValue<string>());
        Assert.Equal("""["arm_home","arm_away","arm_night","arm_vacation","trigger"]""", panel["sup_feat"]!.ToJsonString());
        var expectedCode = format switch
        {
            MqttAlarmCodeFormat.Number => "REMOTE_CODE",
            MqttAlarmCodeFormat.Text => "REMOTE_CODE_TEXT",
            _ => null,
        };
        Assert.Equal(expectedCode, panel["code"]?.GetValue<string>());
        Assert.Equal(format == MqttAlarmCodeFormat.None ? null : MqttAlarmControlPanel.RemoteCodeTemplate, panel["cmd_tpl"]?.GetValue<string>());
        Assert.Equal(format == MqttAlarmCodeFormat.None ? null : (bool?)false, panel["cod_arm_req"]?.GetValue<bool>());
        Assert.Equal(format == MqttAlarmCodeFormat.None ? null : (bool?)true, panel["cod_dis_req"]?.GetValue<bool>());
    }

    // The checker must be able to fail for the panel's own rules.
    [Theory]
    [InlineData("""{"p":"alarm_control_panel","uniq_id":"a","cmd_t":"poh/a/set","stat_t":"poh/a","sup_feat":["arm_home","arm_party"]}""", "'arm_party' is not an alarm panel feature")]
    [InlineData("""{"p":"alarm_control_panel","uniq_id":"a","cmd_t":"poh/a/set","stat_t":"poh/a","code":"1234","cmd_tpl":"{{ action }}{{ code }}"}""", "'code' must be REMOTE_CODE or REMOTE_CODE_TEXT")]
    [InlineData("""{"p":"alarm_control_panel","uniq_id":"a","cmd_t":"poh/a/set","stat_t":"poh/a","code":"REMOTE_CODE"}""", "the command_template must carry")]
    [InlineData("""{"p":"alarm_control_panel","uniq_id":"a","cmd_t":"poh/a/set"}""", "'state_topic' is required for alarm_control_panel")]
    [InlineData("""{"p":"alarm_control_panel","uniq_id":"a","cmd_t":"poh/a/set","stat_t":"poh/a","cod_arm_req":"yes"}""", "'code_arm_required' must be true or false")]
    [InlineData("""{"p":"alarm_control_panel","uniq_id":"a","cmd_t":"poh/a/set","stat_t":"poh/a","pl_arm_night":"N"}""", "'pl_arm_night' is neither a documented abbreviation")]
    public void Checker_FlagsBrokenPanels(string component, string expected)
    {
        var payload = """{"dev":{"ids":["d"],"name":"D"},"o":{"name":"x"},"cmps":{"c":""" + component + "}}";

        Assert.Contains(HaDiscoverySchema.Check(payload), e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ARM_AWAY", "ARM_AWAY", null)]
    [InlineData("DISARM", "DISARM", null)]
    [InlineData("""{"action":"DISARM","code":"1234"}""", "DISARM", "1234")]
    [InlineData("""{"action":"ARM_NIGHT","code":"None"}""", "ARM_NIGHT", null)]
    [InlineData("""{"action":"ARM_HOME","code":""}""", "ARM_HOME", null)]
    [InlineData("""{"action":"DISARM","code":4321}""", "DISARM", "4321")]
    [InlineData("ARM_VACATION", null, null)] // not a supported feature of this panel
    [InlineData("TRIGGER", null, null)]
    [InlineData("arm_away", null, null)]
    [InlineData("""{"action":"OPEN_SESAME","code":"1"}""", null, null)]
    [InlineData("""{"code":"1234"}""", null, null)]
    [InlineData("{not json", null, null)]
    public void Commands_AreValidatedBeforeTheyReachTheApp(string payload, string? action, string? code)
    {
        using var panel = new MqttAlarmControlPanel("panel") { SupportedFeatures = ["arm_home", "arm_away", "arm_night"] };
        var received = new List<MqttAlarmCommand>();
        using var subscription = panel.Commands.Subscribe(received.Add);

        var outcome = panel.HandleCommand("set", payload);

        Assert.Equal(action is not null, outcome.Accepted);
        Assert.Equal(action is null ? [] : [new MqttAlarmCommand(action, code)], received);
    }

    [Fact]
    public void Loggable_HidesTheCode()
    {
        using var panel = new MqttAlarmControlPanel("panel");

        Assert.Equal("DISARM (with a code)", panel.Loggable("""{"action":"DISARM","code":"1234"}"""));
        Assert.DoesNotContain("98765", panel.Loggable("""{"action":"NOPE","code":"98765"}"""), StringComparison.Ordinal);
        Assert.Equal("ARM_AWAY", panel.Loggable("ARM_AWAY"));
    }

    [Theory]
    [InlineData("armed_away", true)]
    [InlineData("arming", true)]
    [InlineData("triggered", true)]
    [InlineData("armed", false)]
    [InlineData("ARMED_AWAY", false)]
    public async Task PublishState_TakesOnlyHaStates(string state, bool valid)
    {
        await using var offline = new OfflineManager();
        var panel = offline.Manager.Device(Alarm).Add(new MqttAlarmControlPanel("panel"));

        var error = Record.Exception(() => panel.PublishState(state));

        Assert.Equal(valid, error is null);
        Assert.Equal(valid, HaDiscoverySchema.AlarmPanelStates.Contains(state));
    }

    [Fact]
    public async Task UnknownFeature_IsRefusedWhenDeclared()
    {
        await using var offline = new OfflineManager();

        Assert.Throws<ArgumentException>(() => offline.Manager.Device(Alarm).Add(new MqttAlarmControlPanel("panel") { SupportedFeatures = ["arm_party"] }));
    }
}
