namespace ProofOfHeat.AppModel.Telemetry;

/// <summary>The type of a telemetry field's value, as the line protocol distinguishes them.</summary>
public enum TelemetryFieldKind
{
    /// <summary>A 64-bit float (line protocol: a plain number).</summary>
    Real,

    /// <summary>A 64-bit integer (line protocol: suffix i).</summary>
    Whole,

    /// <summary>True or false.</summary>
    Boolean,

    /// <summary>Text.</summary>
    Text,
}
