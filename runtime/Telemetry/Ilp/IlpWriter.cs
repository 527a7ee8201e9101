using System.Globalization;
using ProofOfHeat.AppModel.Telemetry;

namespace ProofOfHeat.Telemetry.Ilp;

/// <summary>
/// Encodes telemetry points as line-protocol lines into one reused, growing buffer: no allocation per point once the
/// buffer has grown to its working size (bench/Telemetry measures it).
/// Line: <c>table[,sym=v…] field=value[,…] timestamp\n</c> with floats bare, integers with <c>i</c>, booleans
/// <c>t</c>/<c>f</c>, strings quoted, the timestamp in nanoseconds (QuestDB columnset-types and advanced-settings;
/// InfluxDB 1.6 line protocol reference; QuestDB docs connect/compatibility/ilp/advanced-settings.md and columnset-types.md). Only the types both InfluxDB 1.x and QuestDB
/// read are written (no <c>t</c>/<c>d</c> suffixes), so one writer serves both (docs.influxdata.com/influxdb/v1/api/write/).
/// </summary>
public sealed class IlpWriter
{
    private const int LongDigits = 20;
    private const int DoubleChars = 32;
    private byte[] _buffer;

    /// <summary>Creates a writer whose buffer starts at <paramref name="initialCapacity"/> bytes.</summary>
    public IlpWriter(int initialCapacity = 64 * 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(initialCapacity, 256);
        _buffer = new byte[initialCapacity];
    }

    /// <summary>Bytes written since the last <see cref="Clear"/>.</summary>
    public int Length { get; private set; }

    /// <summary>The lines written since the last <see cref="Clear"/>.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, Length);

    /// <summary>The lines written since the last <see cref="Clear"/>, as memory (for a request body).</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, Length);

    /// <summary>Forgets what was written; keeps the buffer.</summary>
    public void Clear() => Length = 0;

    /// <summary>
    /// Appends <paramref name="point"/> as one line. Non-finite floats (NaN, ±∞) have no line-protocol form and are
    /// left out (a missing column is NULL in QuestDB); a point left with no field is not written. Returns whether a
    /// line was written.
    /// </summary>
    public bool Write(TelemetryPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        var fields = point.Fields;
        if (!HasWritableField(fields))
        {
            return false;
        }

        WriteEscaped(point.Table, IlpEscaping.Place.Table);
        var symbols = point.Symbols;
        for (var i = 0; i < symbols.Count; i++)
        {
            var symbol = symbols[i];
            WriteByte((byte)',');
            WriteEscaped(symbol.Key, IlpEscaping.Place.Name);
            WriteByte((byte)'=');
            WriteEscaped(symbol.Value, IlpEscaping.Place.Name);
        }

        var separator = (byte)' ';
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            if (field.Kind == TelemetryFieldKind.Real && !double.IsFinite(field.DoubleValue))
            {
                continue;
            }

            WriteByte(separator);
            separator = (byte)',';
            WriteEscaped(field.Name, IlpEscaping.Place.Name);
            WriteByte((byte)'=');
            WriteValue(field);
        }

        WriteByte((byte)' ');
        WriteLong(ToUnixNanoseconds(point.Timestamp));
        WriteByte((byte)'\n');
        return true;
    }

    /// <summary>Appends bytes that are already whole lines (used to rebuild a request without a refused line).</summary>
    public void WriteRaw(ReadOnlySpan<byte> lines)
    {
        Ensure(lines.Length);
        lines.CopyTo(_buffer.AsSpan(Length));
        Length += lines.Length;
    }

    /// <summary>Nanoseconds since 1970-01-01 UTC, the line protocol's default timestamp unit.</summary>
    public static long ToUnixNanoseconds(DateTimeOffset timestamp) =>
        (timestamp.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;

    private static bool HasWritableField(IReadOnlyList<TelemetryField> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Kind != TelemetryFieldKind.Real || double.IsFinite(fields[i].DoubleValue))
            {
                return true;
            }
        }

        return false;
    }

    private void WriteValue(TelemetryField field)
    {
        switch (field.Kind)
        {
            case TelemetryFieldKind.Real:
                WriteDouble(field.DoubleValue);
                break;
            case TelemetryFieldKind.Whole:
                WriteLong(field.LongValue);
                WriteByte((byte)'i');
                break;
            case TelemetryFieldKind.Boolean:
                WriteByte(field.LongValue != 0 ? (byte)'t' : (byte)'f');
                break;
            default:
                WriteByte((byte)'"');
                WriteEscaped(field.TextValue ?? string.Empty, IlpEscaping.Place.Text);
                WriteByte((byte)'"');
                break;
        }
    }

    private void WriteDouble(double value)
    {
        Ensure(DoubleChars);
        // Most readings have at most three decimals (104.25 TH/s, 21.5 °C): written as digits, they skip the general
        // shortest-round-trip search. Exact: the quotient scaled/1000 is correctly rounded to the nearest double, so
        // when it equals the value, the decimal text parses back to the same double.
        var scaled = Math.Round(value * 1000);
        if (Math.Abs(scaled) < 1e15 && scaled / 1000 == value && !(value == 0 && double.IsNegative(value)))
        {
            var thousandths = (long)scaled;
            if (thousandths < 0)
            {
                _buffer[Length++] = (byte)'-';
                thousandths = -thousandths;
            }

            var whole = thousandths / 1000;
            var fraction = (int)(thousandths % 1000);
            whole.TryFormat(_buffer.AsSpan(Length), out var digits, default, CultureInfo.InvariantCulture);
            Length += digits;
            if (fraction != 0)
            {
                _buffer[Length++] = (byte)'.';
                _buffer[Length++] = (byte)('0' + fraction / 100);
                fraction %= 100;
                if (fraction != 0)
                {
                    _buffer[Length++] = (byte)('0' + fraction / 10);
                    fraction %= 10;
                    if (fraction != 0)
                    {
                        _buffer[Length++] = (byte)('0' + fraction);
                    }
                }
            }

            return;
        }

        // Otherwise the shortest text that reads back as the same double ("R" semantics, .NET Core 3.0+); it may use
        // an exponent (1E+20), which both servers parse as a float.
        value.TryFormat(_buffer.AsSpan(Length), out var written, default, CultureInfo.InvariantCulture);
        Length += written;
    }

    private void WriteLong(long value)
    {
        Ensure(LongDigits);
        value.TryFormat(_buffer.AsSpan(Length), out var written, default, CultureInfo.InvariantCulture);
        Length += written;
    }

    private void WriteEscaped(string text, IlpEscaping.Place place)
    {
        Ensure(IlpEscaping.MaxBytes(text));
        Length += IlpEscaping.Write(text, place, _buffer.AsSpan(Length));
    }

    private void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[Length++] = value;
    }

    private void Ensure(int bytes)
    {
        if (Length + bytes <= _buffer.Length)
        {
            return;
        }

        var grown = new byte[Math.Max(_buffer.Length * 2, Length + bytes)];
        _buffer.AsSpan(0, Length).CopyTo(grown);
        _buffer = grown;
    }
}
