namespace ProofOfHeat.Drivers.HeatSources.OpenTherm.Codec;

/// <summary>What a line from the gateway is.</summary>
public enum OtgwLineKind
{
    /// <summary>A frame report: a source letter and 8 hex digits.</summary>
    Report,

    /// <summary>A command's acknowledgement: <c>XX: value</c>.</summary>
    Reply,

    /// <summary>A command's error reply (NG, SE, BV, OR, NS, NF, OE).</summary>
    Error,

    /// <summary>Anything else (a banner, an "Error 0x" bus report, noise): ignored.</summary>
    Other,
}
