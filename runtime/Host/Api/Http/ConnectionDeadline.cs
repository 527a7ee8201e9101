namespace ProofOfHeat.Host.Api.Http;

/// <summary>A token cancelled when <c>timeout</c> has passed on the injected clock or the server stops.</summary>
internal sealed class ConnectionDeadline : IDisposable
{
    private readonly CancellationTokenSource _timer;
    private readonly CancellationTokenSource _linked;

    public ConnectionDeadline(TimeSpan timeout, TimeProvider time, CancellationToken stopping)
    {
        _timer = new CancellationTokenSource(timeout, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(_timer.Token, stopping);
    }

    /// <summary>Cancelled at the deadline or when the server stops.</summary>
    public CancellationToken Token => _linked.Token;

    public void Dispose()
    {
        _linked.Dispose();
        _timer.Dispose();
    }
}
