namespace ProofOfHeat.Apps.Heating;

/// <summary>A zone's room sensor as the multi-zone app tracks it between decisions.</summary>
internal sealed class ZoneReading
{
    /// <summary>When the sensor last reported (the app's clock), or null.</summary>
    public DateTimeOffset? LastSeen { get; set; }

    /// <summary>Whether a decision was taken for the zone yet.</summary>
    public bool Decided { get; set; }

    /// <summary>The room temperature the last decision used, or null when it had none.</summary>
    public double? DecidedAt { get; set; }

    /// <summary>Whether the last decision ran on the safety fraction because the sensor was silent.</summary>
    public bool SilentAtDecision { get; set; }
}
