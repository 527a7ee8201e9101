using System.Numerics;
using System.Text;

namespace ProofOfHeat.TestKit.HomeAssistant;

/// <summary>
/// A fast path for benchmarks: streams pre-encoded event objects to a subscriber without building
/// JSON nodes per event, so the fake costs little next to the client it feeds.
/// </summary>
public sealed partial class FakeHomeAssistant
{
    /// <summary>
    /// Prepares a stream of events to the newest open connection subscribed to <c>state_changed</c>, cycling
    /// through <paramref name="eventObjects"/> (each the UTF-8 JSON of one <c>event</c> object, as HA puts it under
    /// <c>"event"</c>). With <paramref name="perFrame"/> above 1 and a client that negotiated
    /// <c>coalesce_messages</c>, that many messages leave as one JSON array frame, as HA does when its queue
    /// holds several. All frames are built here, so sending only writes to the socket.
    /// </summary>
    /// <returns>The stream, or <see langword="null"/> when no open connection is subscribed.</returns>
    public FakeHaEventFeed? OpenEventFeed(IReadOnlyList<byte[]> eventObjects, int perFrame)
    {
        ArgumentNullException.ThrowIfNull(eventObjects);
        ArgumentOutOfRangeException.ThrowIfLessThan(eventObjects.Count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perFrame, 1);
        if (FindStateChangedSubscriber() is not { } target)
        {
            return null;
        }

        var (session, subscriptionId) = target;
        var coalesce = perFrame > 1 && NegotiatedCoalescing(session.Number);
        var messages = eventObjects.Select(e => WrapEvent(subscriptionId, e)).ToArray();
        return coalesce
            ? new FakeHaEventFeed(session, BuildArrayFrames(messages, perFrame), perFrame)
            : new FakeHaEventFeed(session, messages, 1);
    }

    private (FakeHaSession Session, long SubscriptionId)? FindStateChangedSubscriber()
    {
        lock (_gate)
        {
            foreach (var session in _sessions.Values.Where(s => s.IsOpen).OrderByDescending(s => s.Number))
            {
                foreach (var (id, type) in session.Subscriptions)
                {
                    if (type is null or "state_changed")
                    {
                        return (session, id);
                    }
                }
            }
        }

        return null;
    }

    private bool NegotiatedCoalescing(int connection) =>
        _messages.Snapshot().Any(m => m.Connection == connection && m.Type == "supported_features"
            && m.Json.Contains("\"coalesce_messages\"", StringComparison.Ordinal));

    private static byte[] WrapEvent(long subscriptionId, byte[] eventObject)
    {
        var prefix = Encoding.UTF8.GetBytes($"{{\"id\":{subscriptionId},\"type\":\"event\",\"event\":");
        var message = new byte[prefix.Length + eventObject.Length + 1];
        prefix.CopyTo(message, 0);
        eventObject.CopyTo(message, prefix.Length);
        message[^1] = (byte)'}';
        return message;
    }

    // The pool cycles, so the batches repeat after lcm(pool, perFrame) messages: prebuild just those.
    private static byte[][] BuildArrayFrames(byte[][] messages, int perFrame)
    {
        var batches = new byte[messages.Length / (int)BigInteger.GreatestCommonDivisor(messages.Length, perFrame)][];
        for (var b = 0; b < batches.Length; b++)
        {
            using var frame = new MemoryStream();
            frame.WriteByte((byte)'[');
            for (var i = 0; i < perFrame; i++)
            {
                if (i > 0)
                {
                    frame.WriteByte((byte)',');
                }

                frame.Write(messages[((b * perFrame) + i) % messages.Length]);
            }

            frame.WriteByte((byte)']');
            batches[b] = frame.ToArray();
        }

        return batches;
    }
}
