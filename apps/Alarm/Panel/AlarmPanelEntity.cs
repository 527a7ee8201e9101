using ProofOfHeat.Apps.Alarm.Options;
using ProofOfHeat.Apps.Alarm.Policy;
using ProofOfHeat.MqttEntities.Discovery;

namespace ProofOfHeat.Apps.Alarm.Panel;

/// <summary>The alarm's entity in HA: one MQTT alarm_control_panel on its own device, offering the configured modes.</summary>
public static class AlarmPanelEntity
{
    /// <summary>The device id (topics <c>poh/alarm/panel/…</c>).</summary>
    public const string DeviceId = "alarm";

    /// <summary>The entity key within the device.</summary>
    public const string Key = "panel";

    /// <summary>The entity id HA gives the panel when it first appears.</summary>
    public const string EntityId = "alarm_control_panel.poh_alarm";

    /// <summary>Declares the panel on <paramref name="entities"/> for <paramref name="options"/>.</summary>
    public static MqttAlarmControlPanel Declare(IMqttEntities entities, AlarmOptions options)
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(options);
        var device = entities.Device(new MqttDeviceInfo(DeviceId, "Alarm") { Model = "Intrusion alarm" });
        return device.Add(new MqttAlarmControlPanel(Key)
        {
            Name = null,
            Icon = "mdi:shield-home",
            DefaultEntityId = EntityId,
            SupportedFeatures = [.. options.Modes.Keys.Select(m => "arm_" + m.ToString().ToLowerInvariant()), "trigger"],
            CodeFormat = options.HasCode ? options.CodeFormat : MqttAlarmCodeFormat.None,
            CodeArmRequired = options.CodeArmRequired,
            CodeDisarmRequired = options.CodeDisarmRequired,
            CodeTriggerRequired = false,
        });
    }

    /// <summary>The mode an arm action names (<c>ARM_NIGHT</c> → night), or null for DISARM, TRIGGER and custom bypass.</summary>
    public static AlarmMode? ModeOf(string action) => action switch
    {
        "ARM_HOME" => AlarmMode.Home,
        "ARM_AWAY" => AlarmMode.Away,
        "ARM_NIGHT" => AlarmMode.Night,
        "ARM_VACATION" => AlarmMode.Vacation,
        _ => null,
    };
}
