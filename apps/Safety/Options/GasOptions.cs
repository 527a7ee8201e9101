namespace ProofOfHeat.Apps.Safety.Options;

/// <summary>Gas: any sensor on closes the gas valve and switches the boiler off (<c>apps.safety.gas</c>).</summary>
public sealed class GasOptions
{
    /// <summary>Gas sensors (binary sensors; <c>on</c> is gas).</summary>
    public IReadOnlyList<string> Sensors { get; set; } = [];

    /// <summary>Gas valves to close.</summary>
    public IReadOnlyList<string> Valves { get; set; } = [];

    /// <summary>Boilers to switch off (a switch, or a climate entity turned off).</summary>
    public IReadOnlyList<string> Boilers { get; set; } = [];

    /// <summary>
    /// While gas is detected the brain switches nothing else (a relay's spark can ignite gas): the other rules'
    /// switching and overload restores wait until the gas clears. On by default; off lets them go on.
    /// </summary>
    public bool NoElectricalSwitching { get; set; } = true;

    /// <summary>Throws when the rule cannot work.</summary>
    public void Validate()
    {
        OptionsChecks.NotEmpty(Sensors, "apps.safety.gas.sensors");
        OptionsChecks.EntityIds(Sensors, "apps.safety.gas.sensors");
        OptionsChecks.NotEmpty(Valves, "apps.safety.gas.valves");
        OptionsChecks.EntityIds(Valves, "apps.safety.gas.valves");
        OptionsChecks.EntityIds(Boilers, "apps.safety.gas.boilers");
    }
}
