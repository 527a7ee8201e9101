namespace ProofOfHeat.TestKit.HomeAssistant;

/// <summary>
/// Pre-encoded event frames for one connection, sent in order and cycled (see
/// <see cref="FakeHomeAssistant.OpenEventFeed"/>). Each send continues where the last one stopped.
/// </summary>
public sealed class FakeHaEventFeed
{
    private readonly FakeHaSession _session;
    private readonly byte[][] _frames;
    private int _next;

    internal FakeHaEventFeed(FakeHaSession session, byte[][] frames, int eventsPerFrame)
    {
        _session = session;
        _frames = frames;
        EventsPerFrame = eventsPerFrame;
    }

    /// <summary>Messages per frame: 1, or the batch size when the client negotiated coalescing.</summary>
    public int EventsPerFrame { get; }

    /// <summary>Events sent so far.</summary>
    public long Sent { get; private set; }

    /// <summary>
    /// Sends at least <paramref name="count"/> events (whole frames) and completes once the last frame is
    /// handed to the socket. Returns the number sent, fewer when the connection closed.
    /// </summary>
    public async Task<long> SendAsync(long count, CancellationToken cancellationToken)
    {
        long sent = 0;
        while (sent < count && _session.IsOpen)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await _session.SendRawAsync(_frames[_next]);
            _next = (_next + 1) % _frames.Length;
            sent += EventsPerFrame;
        }

        Sent += sent;
        return sent;
    }
}
