namespace ProofOfHeat.AppModel.Telemetry;

/// <summary>The type of a telemetry field's value, as the line protocol distinguishes them.</summary>
public enum TelemetryFieldKind
{
    /// <summary>A 64-bit float.</summary>
    Double,

    /// <summary>A 64-bit integer.</summary>
    Long,

    /// <summary>True or false.</summary>
    Boolean,

    /// <summary>Text.</summary>
    Text,
}
