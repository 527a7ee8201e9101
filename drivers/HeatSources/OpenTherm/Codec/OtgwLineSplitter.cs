using System.Text;

namespace ProofOfHeat.Drivers.HeatSources.OpenTherm.Codec;

/// <summary>
/// Cuts the gateway's byte stream into lines at CR or LF (the firmware ends lines with CR LF). A line longer than
/// <see cref="MaxLineLength"/> is noise (no real line is longer than a few dozen characters): it is dropped up to its
/// end, so garbage without line ends cannot grow the buffer.
/// </summary>
public sealed class OtgwLineSplitter
{
    /// <summary>The longest line kept, in bytes.</summary>
    public const int MaxLineLength = 128;

    private readonly byte[] _line = new byte[MaxLineLength];
    private int _length;
    private bool _overlong;

    /// <summary>Lines dropped for being too long.</summary>
    public long DroppedLineCount { get; private set; }

    /// <summary>Feeds bytes; calls <paramref name="onLine"/> for every complete, non-empty line (decoded as Latin-1).</summary>
    public void Feed(ReadOnlySpan<byte> bytes, Action<string> onLine)
    {
        ArgumentNullException.ThrowIfNull(onLine);
        foreach (var b in bytes)
        {
            if (b is (byte)'\r' or (byte)'\n')
            {
                if (!_overlong && _length > 0)
                {
                    onLine(Encoding.Latin1.GetString(_line, 0, _length));
                }

                _length = 0;
                _overlong = false;
                continue;
            }

            if (_overlong)
            {
                continue;
            }

            if (_length == MaxLineLength)
            {
                _overlong = true;
                DroppedLineCount++;
                continue;
            }

            _line[_length++] = b;
        }
    }
}
