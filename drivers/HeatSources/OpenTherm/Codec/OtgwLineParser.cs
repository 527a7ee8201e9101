namespace ProofOfHeat.Drivers.HeatSources.OpenTherm.Codec;

/// <summary>
/// Decodes the gateway's lines (otgw.tclcode.com/firmware.html): reports are a letter (T, B, R, A, E) and 8 hex digits;
/// a command is acknowledged with its two-letter code, a colon and the value it took (<c>CS: 45.00</c>); a refused
/// command gets a two-letter error (NG, SE, BV, OR, NS, NF, OE). Pure and total: any text decodes, to
/// <see cref="OtgwLineKind.Other"/> when it is none of these.
/// </summary>
public static class OtgwLineParser
{
    /// <summary>Decodes one line (without its CR/LF; surrounding white space is ignored).</summary>
    public static OtgwLine Parse(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        if (line.Length == 9 && TrySource(line[0], out var source) && OpenThermFrame.TryParseHex(line[1..], out var frame))
        {
            return new OtgwLine(OtgwLineKind.Report, source, frame);
        }

        if (line.Length == 2 && TryError(line, out var error))
        {
            return new OtgwLine(OtgwLineKind.Error, Error: error);
        }

        if (line.Length >= 3 && IsCode(line[0]) && IsCode(line[1]) && line[2] == ':')
        {
            return new OtgwLine(OtgwLineKind.Reply, Command: line[..2].ToString(), Value: line[3..].Trim().ToString());
        }

        return new OtgwLine(OtgwLineKind.Other);
    }

    private static bool IsCode(char c) => c is >= 'A' and <= 'Z';

    private static bool TrySource(char letter, out OtgwReportSource source)
    {
        source = letter switch
        {
            'T' => OtgwReportSource.Thermostat,
            'B' => OtgwReportSource.Boiler,
            'R' => OtgwReportSource.GatewayRequest,
            'A' => OtgwReportSource.GatewayAnswer,
            'E' => OtgwReportSource.Error,
            _ => (OtgwReportSource)(-1),
        };
        return (int)source >= 0;
    }

    private static bool TryError(ReadOnlySpan<char> code, out OtgwErrorCode error)
    {
        error = code switch
        {
            "NG" => OtgwErrorCode.NoGood,
            "SE" => OtgwErrorCode.SyntaxError,
            "BV" => OtgwErrorCode.BadValue,
            "OR" => OtgwErrorCode.OutOfRange,
            "NS" => OtgwErrorCode.NoSpace,
            "NF" => OtgwErrorCode.NotFound,
            "OE" => OtgwErrorCode.OverrunError,
            _ => (OtgwErrorCode)(-1),
        };
        return (int)error >= 0;
    }
}
