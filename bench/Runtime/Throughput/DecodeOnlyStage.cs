using System.Text;
using ProofOfHeat.Bench.Frames;
using ProofOfHeat.HomeAssistant.Codec;
using ProofOfHeat.HomeAssistant.Messages;

namespace ProofOfHeat.Bench.Throughput;

/// <summary>
/// The codec alone, on frames already in memory: what the reader loop does per frame (split the frame into
/// messages, read each <c>state_changed</c> into records), without socket, handler or runtime.
/// </summary>
internal static class DecodeOnlyStage
{
    public const string Name = "decode only (frame → HaStateChange)";

    /// <summary>The frames the server sends for this shape: single messages, or arrays of <paramref name="perFrame"/>.</summary>
    public static byte[][] Frames(int entities, int perFrame)
    {
        var messages = StateChangedFrames.Messages(entities);
        if (perFrame == 1)
        {
            return [.. messages];
        }

        var frames = new byte[messages.Count / perFrame][];
        for (var f = 0; f < frames.Length; f++)
        {
            var joined = string.Join(',', messages.Skip(f * perFrame).Take(perFrame).Select(m => Encoding.UTF8.GetString(m)));
            frames[f] = Encoding.UTF8.GetBytes("[" + joined + "]");
        }

        return frames;
    }

    /// <summary>Decodes <paramref name="events"/> events' worth of frames; returns a checksum so nothing is elided.</summary>
    public static long Decode(byte[][] frames, long events, int perFrame)
    {
        var messages = new List<HaIncomingMessage>(perFrame);
        long checksum = 0;
        var next = 0;
        for (long done = 0; done < events; done += perFrame)
        {
            messages.Clear();
            HaFrameDecoder.Decode(frames[next], messages);
            next = (next + 1) % frames.Length;
            foreach (var message in messages)
            {
                // As the reader loop: the fast path has read it already, the general path reads it from the document.
                var change = message.StateChange ?? HaMessageDecoder.ReadStateChange(message.Root.GetProperty("event"u8));
                checksum += change.NewState?.State?.Length ?? 0;
            }
        }

        return checksum;
    }
}
