using System.Threading.Channels;

namespace ProofOfHeat.HomeAssistant.Connection;

/// <summary>
/// Pings every interval and declares the connection dead when a pong does not arrive within the timeout,
/// which catches half-open TCP connections and a stalled HA that socket errors never reveal.
/// </summary>
/// <remarks>
/// The deadline is armed on the timer callback before the ping is even sent, so it cannot be missed however the
/// send is scheduled; the send itself runs on an owned task fed through a one-slot channel.
/// </remarks>
internal sealed class HaKeepAlive : IAsyncDisposable
{
    private readonly Func<Action, CancellationToken, Task> _ping;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _timeout;
    private readonly object _gate = new();
    private readonly Channel<long> _pingRequests = Channel.CreateBounded<long>(1);
    private readonly TaskCompletionSource _dead = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly ITimer _timer;
    private readonly Task _sender;
    private long _sequence;
    private long _outstanding;

    /// <param name="ping">Sends a ping; calls its action as soon as the pong is read (on the reader loop).</param>
    /// <param name="interval">Pause between a pong and the next ping.</param>
    /// <param name="timeout">How long a pong may take.</param>
    /// <param name="timeProvider">The clock.</param>
    public HaKeepAlive(Func<Action, CancellationToken, Task> ping, TimeSpan interval, TimeSpan timeout, TimeProvider timeProvider)
    {
        _ping = ping;
        _interval = interval;
        _timeout = timeout;
        _sender = SendPingsAsync(_stop.Token);
        _timer = timeProvider.CreateTimer(OnTimer, null, interval, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Completes when a pong was missed.</summary>
    public Task Dead => _dead.Task;

    public async ValueTask DisposeAsync()
    {
        await _timer.DisposeAsync();
        await _stop.CancelAsync();
        _pingRequests.Writer.TryComplete();
        await _sender;
        _stop.Dispose();
    }

    private void OnTimer(object? state)
    {
        lock (_gate)
        {
            if (_outstanding != 0)
            {
                _dead.TrySetResult();
                return;
            }

            _outstanding = ++_sequence;
            _timer.Change(_timeout, Timeout.InfiniteTimeSpan);
            _pingRequests.Writer.TryWrite(_outstanding);
        }
    }

    // Runs on the reader loop when the pong is read, so the deadline is disarmed in wire order, not some time later.
    private void OnPong(long sequence)
    {
        lock (_gate)
        {
            if (_outstanding == sequence && !_dead.Task.IsCompleted)
            {
                _outstanding = 0;
                _timer.Change(_interval, Timeout.InfiniteTimeSpan);
            }
        }
    }

    private async Task SendPingsAsync(CancellationToken cancellationToken)
    {
        // Yield so the constructor returns before the loop's first await completes synchronously.
        await Task.Yield();
        try
        {
            await foreach (var sequence in _pingRequests.Reader.ReadAllAsync(cancellationToken))
            {
                try
                {
                    await _ping(() => OnPong(sequence), cancellationToken);
                }
                catch (HomeAssistantException)
                {
                    // A failed ping is not a pong: the deadline (or the reader loop) ends the connection.
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Disposed.
        }
    }
}
