using Microsoft.Extensions.Logging;
using ProofOfHeat.Telemetry.Outbox;
using ProofOfHeat.Telemetry.Sinks;

namespace ProofOfHeat.Telemetry.Delivery;

/// <summary>
/// Delivers the outbox to one sink: reads a batch after the sink's cursor, hands it over, and moves the cursor only
/// when the sink returned. A retriable failure waits (doubling, capped) and offers the same batch again, for as long as
/// it takes; a permanent one is logged and the batch passed over.
/// </summary>
public sealed partial class SinkDelivery : IAsyncDisposable
{
    private readonly TelemetryOutbox _outbox;
    private readonly ITelemetrySink _sink;
    private readonly DeliveryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _appended = new(0, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private long _delivered;
    private long _rejected;
    private long _failedAttempts;
    private int _disposed;

    /// <summary>Registers the sink's cursor and starts delivering.</summary>
    public SinkDelivery(TelemetryOutbox outbox, ITelemetrySink sink, DeliveryOptions options, TimeProvider time, ILogger logger)
    {
        _outbox = outbox;
        _sink = sink;
        _options = options;
        _time = time;
        _logger = logger;
        outbox.Register(sink.Name);
        LastAcknowledgedAt = time.GetUtcNow();
        outbox.Appended += OnAppended;
        _loop = Task.Run(() => RunAsync(_stopping.Token));
    }

    /// <summary>The sink's name.</summary>
    public string SinkName => _sink.Name;

    /// <summary>Points the sink acknowledged.</summary>
    public long DeliveredPoints => Interlocked.Read(ref _delivered);

    /// <summary>Points in batches the sink refused for good.</summary>
    public long RejectedPoints => Interlocked.Read(ref _rejected);

    /// <summary>Attempts that failed and were retried.</summary>
    public long FailedAttempts => Interlocked.Read(ref _failedAttempts);

    /// <summary>Whether the last attempt failed (the sink is down).</summary>
    public bool IsFailing { get; private set; }

    /// <summary>When the sink last acknowledged a batch (or delivery started): how far behind a failing sink is.</summary>
    public DateTimeOffset LastAcknowledgedAt { get; private set; }

    /// <summary>Stops delivering (the cursor stays where the last acknowledged batch left it).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _outbox.Appended -= OnAppended;
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stopping.Dispose();
        _appended.Dispose();
    }

    private void OnAppended()
    {
        try
        {
            if (_appended.CurrentCount == 0)
            {
                _appended.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
        catch (ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset? waitingSince = null;
        var backoff = _options.RetryMinimum;
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = _outbox.Read(_sink.Name, _options.FlushRows);
            if (batch.IsEmpty)
            {
                waitingSince = null;
                await _appended.WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (batch.Points.Count < _options.FlushRows)
            {
                waitingSince ??= _time.GetUtcNow();
                var remaining = _options.FlushInterval - (_time.GetUtcNow() - waitingSince.Value);
                if (remaining > TimeSpan.Zero)
                {
                    await WaitForMoreAsync(remaining, cancellationToken).ConfigureAwait(false);
                    continue;
                }
            }

            waitingSince = null;
            if (await TryDeliverAsync(batch, cancellationToken).ConfigureAwait(false))
            {
                backoff = _options.RetryMinimum;
                continue;
            }

            await Task.Delay(backoff, _time, cancellationToken).ConfigureAwait(false);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.RetryMaximum.Ticks));
        }
    }

    private async Task<bool> TryDeliverAsync(OutboxBatch batch, CancellationToken cancellationToken)
    {
        try
        {
            if (batch.Points.Count > 0)
            {
                await _sink.WriteAsync(batch.Points, cancellationToken).ConfigureAwait(false);
            }

            _outbox.Acknowledge(_sink.Name, batch.End);
            Interlocked.Add(ref _delivered, batch.Points.Count);
            LastAcknowledgedAt = _time.GetUtcNow();
            if (IsFailing)
            {
                IsFailing = false;
                LogRecovered(_sink.Name, FailedAttempts);
            }

            return true;
        }
        catch (TelemetrySinkException error) when (!error.IsRetriable)
        {
            LogRejected(_sink.Name, batch.Points.Count, error.Message);
            _outbox.Acknowledge(_sink.Name, batch.End);
            Interlocked.Add(ref _rejected, batch.Points.Count);
            return true;
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref _failedAttempts);
            if (!IsFailing)
            {
                IsFailing = true;
                LogFailing(_sink.Name, error.Message);
            }

            return false;
        }
    }

    private async Task WaitForMoreAsync(TimeSpan remaining, CancellationToken cancellationToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(remaining, _time, waiting.Token);
        var appended = _appended.WaitAsync(waiting.Token);
        await Task.WhenAny(delay, appended).ConfigureAwait(false);
        await waiting.CancelAsync().ConfigureAwait(false);
        await Settled(delay).ConfigureAwait(false);
        await Settled(appended).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static async Task Settled(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The other wait won.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telemetry sink {Sink} failing, retrying with backoff (points stay in the outbox): {Reason}")]
    private partial void LogFailing(string sink, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telemetry sink {Sink} delivering again after {Attempts} failed attempts in all")]
    private partial void LogRecovered(string sink, long attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telemetry sink {Sink} refused a batch of {Points} points for good: {Reason}")]
    private partial void LogRejected(string sink, int points, string reason);
}
