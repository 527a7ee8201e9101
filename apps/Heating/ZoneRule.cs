namespace ProofOfHeat.Apps.Heating;

/// <summary>Which rule decided a zone's demand: code branches on this, never on the decision's reason text.</summary>
public enum ZoneRule
{
    /// <summary>TPI's on-fraction from the room, the target and the outdoor temperature, time-proportioned on each source.</summary>
    Tpi,

    /// <summary>The room sensor was silent or unavailable: the zone's safety on-fraction (VTherm's safety mode).</summary>
    SilentSensor,

    /// <summary>The optimiser planned each source's power.</summary>
    Optimiser,
}
