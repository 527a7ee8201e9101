using System.Globalization;

namespace ProofOfHeat.Sim.HeatSources.OpenTherm;

/// <summary>
/// The simulator's own OpenTherm frame encoding (kept apart from the driver's codec so the two check each other):
/// parity bit 31 making the count of ones even, message type bits 30–28, data id bits 23–16, a 16-bit value, f8.8 for
/// temperatures (OpenTherm Protocol Specification v2.2 §4.2, §5.2).
/// </summary>
internal static class OtgwSimFrame
{
    public const int ReadData = 0;
    public const int WriteData = 1;
    public const int ReadAck = 4;
    public const int WriteAck = 5;
    public const int DataInvalid = 6;
    public const int UnknownDataId = 7;

    /// <summary>A report line: source letter and 8 hex digits.</summary>
    public static string Line(char source, int type, int dataId, int value)
    {
        var raw = ((uint)type << 28) | ((uint)dataId << 16) | (uint)(value & 0xFFFF);
        if ((uint.PopCount(raw) & 1) == 1)
        {
            raw |= 0x8000_0000;
        }

        return source + raw.ToString("X8", CultureInfo.InvariantCulture);
    }

    /// <summary>A temperature or percentage as f8.8.</summary>
    public static int F88(double value) => (int)Math.Round(Math.Clamp(value, -128, 127.99) * 256) & 0xFFFF;
}
