using System.Globalization;

namespace ProofOfHeat.Drivers.HeatSources.OpenTherm.Codec;

/// <summary>
/// One 32-bit OpenTherm frame: parity (bit 31), message type (bits 30–28), spare (27–24), data id (23–16) and a
/// 16-bit value (OpenTherm Protocol Specification v2.2 §4.2). The OTGW reports it as 8 hex digits after the source letter.
/// </summary>
/// <param name="Raw">The 32 bits as sent on the wire.</param>
public readonly record struct OpenThermFrame(uint Raw)
{
    /// <summary>The message type.</summary>
    public OpenThermMessageType Type => (OpenThermMessageType)((Raw >> 28) & 0x7);

    /// <summary>The data id.</summary>
    public byte DataId => (byte)((Raw >> 16) & 0xFF);

    /// <summary>The 16-bit data value.</summary>
    public ushort Value => (ushort)(Raw & 0xFFFF);

    /// <summary>The value's high byte (flag8 of the master in id 0, fault flags in id 5).</summary>
    public byte HighByte => (byte)(Value >> 8);

    /// <summary>The value's low byte (flag8 of the slave in id 0, the OEM fault code in id 5).</summary>
    public byte LowByte => (byte)(Value & 0xFF);

    /// <summary>The value as f8.8: a signed fixed-point number with 8 fractional bits (spec §5.2).</summary>
    public double F88 => (short)Value / 256.0;

    /// <summary>Whether the parity bit makes the frame's count of ones even, as the spec requires.</summary>
    public bool ParityOk => (uint.PopCount(Raw) & 1) == 0;

    /// <summary>Builds a frame with the parity bit set so the count of ones is even.</summary>
    public static OpenThermFrame Create(OpenThermMessageType type, byte dataId, ushort value)
    {
        var raw = ((uint)type << 28) | ((uint)dataId << 16) | value;
        if ((uint.PopCount(raw) & 1) == 1)
        {
            raw |= 0x8000_0000;
        }

        return new OpenThermFrame(raw);
    }

    /// <summary>Encodes a temperature or percentage as f8.8 (rounded to 1/256, clamped to the signed range).</summary>
    public static ushort ToF88(double value) =>
        (ushort)(short)Math.Clamp(Math.Round(value * 256), short.MinValue, short.MaxValue);

    /// <summary>Parses exactly 8 hex digits; false for anything else.</summary>
    public static bool TryParseHex(ReadOnlySpan<char> hex, out OpenThermFrame frame)
    {
        frame = default;
        if (hex.Length != 8 || !uint.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var raw))
        {
            return false;
        }

        frame = new OpenThermFrame(raw);
        return true;
    }

    /// <summary>The 8 upper-case hex digits the OTGW prints.</summary>
    public string ToHex() => Raw.ToString("X8", CultureInfo.InvariantCulture);
}
