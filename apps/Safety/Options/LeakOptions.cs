namespace ProofOfHeat.Apps.Safety.Options;

/// <summary>Water leak: any sensor wet closes the valves and switches the wet circuit's appliances off (<c>apps.safety.leak</c>).</summary>
public sealed class LeakOptions
{
    /// <summary>Leak sensors (binary sensors; <c>on</c> is wet), HA's or Zigbee2MQTT's.</summary>
    public IReadOnlyList<string> Sensors { get; set; } = [];

    /// <summary>Water valves to close (<c>valve.*</c>, or a <c>switch.*</c> whose <c>off</c> is closed).</summary>
    public IReadOnlyList<string> Valves { get; set; } = [];

    /// <summary>Appliances on the wet circuit to switch off (washing machine, dishwasher, boiler pump).</summary>
    public IReadOnlyList<string> SwitchOff { get; set; } = [];

    /// <summary>Throws when the rule cannot work.</summary>
    public void Validate()
    {
        OptionsChecks.NotEmpty(Sensors, "apps.safety.leak.sensors");
        OptionsChecks.EntityIds(Sensors, "apps.safety.leak.sensors");
        OptionsChecks.NotEmpty(Valves, "apps.safety.leak.valves");
        OptionsChecks.EntityIds(Valves, "apps.safety.leak.valves");
        OptionsChecks.EntityIds(SwitchOff, "apps.safety.leak.switch_off");
    }
}
