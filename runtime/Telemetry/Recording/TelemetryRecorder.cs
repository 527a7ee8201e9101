using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Telemetry;
using ProofOfHeat.Telemetry.Ilp;
using ProofOfHeat.Telemetry.Outbox;

namespace ProofOfHeat.Telemetry.Recording;

/// <summary>
/// The <see cref="ITelemetryRecorder"/>: <see cref="Record"/> puts the point on a bounded queue and returns (a full
/// queue drops the point and counts it: recording never blocks the caller). One loop takes what has queued, waits
/// at most <see cref="RecorderOptions.CommitInterval"/> for more, encodes it all as line protocol and appends it to
/// the outbox with one flush to the disk (a group commit: one disk write per interval, not per point, which spares
/// an SD card). A point counts as recorded (<see cref="DurablePoints"/>) once that flush returned.
/// </summary>
public sealed partial class TelemetryRecorder : ITelemetryRecorder, IAsyncDisposable
{
    private readonly Channel<TelemetryPoint> _queue;
    private readonly TelemetryOutbox _outbox;
    private readonly RecorderOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IlpWriter _writer = new();
    private readonly SemaphoreSlim _flushRequested = new(0, 1);
    private readonly Lock _waitersGate = new();
    private readonly List<(long Target, TaskCompletionSource Done)> _flushWaiters = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private long _queued;
    private long _durable;
    private long _dropped;
    private int _disposed;

    /// <summary>Starts the recording loop.</summary>
    public TelemetryRecorder(TelemetryOutbox outbox, RecorderOptions options, TimeProvider time, ILogger logger)
    {
        _outbox = outbox;
        _options = options;
        _time = time;
        _logger = logger;
        _queue = Channel.CreateBounded<TelemetryPoint>(new BoundedChannelOptions(options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        });
        _loop = Task.Run(() => RunAsync(_stopping.Token));
    }

    /// <summary>Points accepted onto the queue.</summary>
    public long QueuedPoints => Interlocked.Read(ref _queued);

    /// <summary>Points flushed to the outbox on disk: recorded.</summary>
    public long DurablePoints => Interlocked.Read(ref _durable);

    /// <summary>Points refused because the queue was full.</summary>
    public long DroppedPoints => Interlocked.Read(ref _dropped);

    /// <summary>Points waiting in the queue.</summary>
    public int QueueDepth => _queue.Reader.Count;

    /// <inheritdoc />
    public void Record(TelemetryPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (_queue.Writer.TryWrite(point))
        {
            Interlocked.Increment(ref _queued);
        }
        else
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>Completes once every point queued before the call is on the disk (does not wait for the commit interval).</summary>
    public Task FlushAsync(CancellationToken cancellationToken)
    {
        var target = QueuedPoints;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waitersGate)
        {
            if (Interlocked.Read(ref _durable) + Interlocked.Read(ref _skipped) >= target)
            {
                return Task.CompletedTask;
            }

            _flushWaiters.Add((target, done));
        }

        RequestFlush();
        return done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Writes what is queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        finally
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
            _stopping.Dispose();
            _flushRequested.Dispose();
        }
    }

    private void RequestFlush()
    {
        try
        {
            if (_flushRequested.CurrentCount == 0)
            {
                _flushRequested.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already requested.
        }
        catch (ObjectDisposedException)
        {
            // Stopped.
        }
    }
}
