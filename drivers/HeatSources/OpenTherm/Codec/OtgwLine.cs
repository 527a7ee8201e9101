namespace ProofOfHeat.Drivers.HeatSources.OpenTherm.Codec;

/// <summary>One decoded line from the gateway; which members mean something depends on <see cref="Kind"/>.</summary>
/// <param name="Kind">What the line is.</param>
/// <param name="Source">For a report: who sent the frame.</param>
/// <param name="Frame">For a report: the frame.</param>
/// <param name="Command">For a reply: the two-letter command it acknowledges.</param>
/// <param name="Value">For a reply: the text after the colon, trimmed.</param>
/// <param name="Error">For an error: which one.</param>
public readonly record struct OtgwLine(
    OtgwLineKind Kind,
    OtgwReportSource Source = default,
    OpenThermFrame Frame = default,
    string? Command = null,
    string? Value = null,
    OtgwErrorCode Error = default);
