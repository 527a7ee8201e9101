using System.Net.Sockets;
using System.Text;

namespace ProofOfHeat.Sim.Miners;

/// <summary>Byte-level helpers the simulators' servers share.</summary>
public static class SimWire
{
    private const int MaximumRequestBytes = 1024 * 1024;

    /// <summary>Reads until one JSON object is complete (its braces balance outside strings); null if the client hung up first.</summary>
    public static async Task<string?> ReadJsonObjectAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var received = new StringBuilder();
        var buffer = new byte[4096];
        var depth = 0;
        var started = false;
        var inString = false;
        var escaped = false;
        var decoder = Encoding.UTF8.GetDecoder();
        var chars = new char[4096];
        while (received.Length < MaximumRequestBytes)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return started ? received.ToString() : null;
            }

            var count = decoder.GetChars(buffer, 0, read, chars, 0);
            for (var i = 0; i < count; i++)
            {
                var c = chars[i];
                received.Append(c);
                if (inString)
                {
                    escaped = !escaped && c == '\\';
                    inString = escaped || c != '"';
                    continue;
                }

                switch (c)
                {
                    case '"': inString = true; break;
                    case '{': depth++; started = true; break;
                    case '}': depth--; break;
                }

                if (started && depth == 0)
                {
                    return received.ToString();
                }
            }
        }

        return received.ToString();
    }

    /// <summary>Holds the connection without answering until the client hangs up (or the server stops).</summary>
    public static async Task WaitForHangUpAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var sink = new byte[1024];
        while (await stream.ReadAsync(sink, cancellationToken).ConfigureAwait(false) > 0)
        {
        }
    }

    /// <summary>The first half of <paramref name="reply"/>: a reply cut off mid-way.</summary>
    public static string FirstHalf(string reply) => reply[..(reply.Length / 2)];

    /// <summary>Bytes that are no protocol at all.</summary>
    public static byte[] Garbage() => [0xde, 0xad, 0xbe, 0xef, (byte)'{', (byte)'"', 0xff, 0x00, (byte)'x', (byte)']', (byte)'}', 0x7f];
}
