namespace ProofOfHeat.TestKit.HomeAssistant;

/// <summary>Hostile sizes: a message far larger than any real HA sends.</summary>
public sealed partial class FakeHomeAssistant
{
    /// <summary>
    /// Sends one text message of <paramref name="bytes"/> bytes on every open connection, as 1 MiB fragments from one
    /// reused buffer, so the fake itself never holds the message (tests measure the client's memory in-process).
    /// Returns how many bytes went out before the client closed the connection.
    /// </summary>
    public async Task<long> SendOversizedMessageAsync(long bytes)
    {
        long sent = 0;
        foreach (var session in _sessions.Values)
        {
            sent += await session.SendOversizedAsync(bytes);
        }

        return sent;
    }
}
