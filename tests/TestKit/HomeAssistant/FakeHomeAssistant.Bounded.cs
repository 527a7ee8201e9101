namespace ProofOfHeat.TestKit.HomeAssistant;

/// <summary>
/// Waits with a deadline, for tests that must never hang a run: the plain waits of the fake complete only when the
/// thing comes, so a product fault (a lost connection, a call never made) would wait for ever.
/// </summary>
public sealed partial class FakeHomeAssistant
{
    /// <summary>How long the bounded waits wait unless told (generous: CI machines are loaded).</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    /// <summary>The first call_service that matches, within <paramref name="within"/> (default 10 s).</summary>
    /// <exception cref="TimeoutException">None came; the message lists the calls that did.</exception>
    public async Task<FakeServiceCall> ServiceCallAsync(Func<FakeServiceCall, bool> predicate, string what, TimeSpan? within = null)
    {
        try
        {
            return await WaitForServiceCallAsync(predicate).WaitAsync(within ?? DefaultWait).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            var seen = string.Join(", ", ServiceCalls.Select(c => $"{c.Domain}.{c.Service} {string.Join('/', c.TargetEntityIds)}"));
            throw new TimeoutException($"Timed out waiting for {what}; the fake HA received: [{seen}] on {ConnectionCount} connection(s), {ActiveConnectionCount} open.", ex);
        }
    }

    /// <summary>Stops the fake within <paramref name="within"/> (default 10 s).</summary>
    /// <exception cref="TimeoutException">A session did not end.</exception>
    public Task DisposeWithinAsync(TimeSpan? within = null) => DisposeAsync().AsTask().WaitAsync(within ?? DefaultWait);
}
