namespace ProofOfHeat.Apps.Safety.Actions;

/// <summary>What a safety rule wants an entity to be.</summary>
public enum DesiredState
{
    /// <summary>Switched off (a switch, fan, light, heater, climate entity).</summary>
    Off,

    /// <summary>Switched on (a heater for frost protection; a climate entity set to heat).</summary>
    On,

    /// <summary>A valve closed (a <c>switch.*</c> valve: off).</summary>
    Closed,

    /// <summary>A light on at full brightness.</summary>
    FullOn,

    /// <summary>A lock unlocked.</summary>
    Unlocked,
}
