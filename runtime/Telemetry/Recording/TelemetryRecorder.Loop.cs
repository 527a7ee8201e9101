using Microsoft.Extensions.Logging;

namespace ProofOfHeat.Telemetry.Recording;

/// <summary>The loop that commits queued points to the outbox.</summary>
public sealed partial class TelemetryRecorder
{
    private const int MaxPointsPerCommit = 50_000;
    private long _skipped;

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                await GatherAsync(cancellationToken).ConfigureAwait(false);
                while (Commit() == MaxPointsPerCommit)
                {
                    // More than one commit's worth was queued: go on without waiting.
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (IOException error)
        {
            LogOutboxFailed(error);
            throw;
        }
    }

    private async Task GatherAsync(CancellationToken cancellationToken)
    {
        if (_options.CommitInterval <= TimeSpan.Zero || _queue.Reader.Completion.IsCompleted)
        {
            return;
        }

        using var gathered = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var interval = Task.Delay(_options.CommitInterval, _time, gathered.Token);
        var flush = _flushRequested.WaitAsync(gathered.Token);
        await Task.WhenAny(interval, flush).ConfigureAwait(false);
        await gathered.CancelAsync().ConfigureAwait(false);
        await Settled(interval).ConfigureAwait(false);
        await Settled(flush).ConfigureAwait(false);
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

    private int Commit()
    {
        _writer.Clear();
        var taken = 0;
        var written = 0;
        while (taken < MaxPointsPerCommit && _queue.Reader.TryRead(out var point))
        {
            taken++;
            if (_writer.Write(point))
            {
                written++;
            }
        }

        if (taken == 0)
        {
            return 0;
        }

        _outbox.Append(_writer.WrittenSpan, written);
        Interlocked.Add(ref _durable, written);
        Interlocked.Add(ref _skipped, taken - written);
        CompleteFlushWaiters();
        return taken;
    }

    private void CompleteFlushWaiters()
    {
        lock (_waitersGate)
        {
            var reached = Interlocked.Read(ref _durable) + Interlocked.Read(ref _skipped);
            for (var i = _flushWaiters.Count - 1; i >= 0; i--)
            {
                if (_flushWaiters[i].Target <= reached)
                {
                    _flushWaiters[i].Done.TrySetResult();
                    _flushWaiters.RemoveAt(i);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Telemetry recording stopped: the outbox could not be written")]
    private partial void LogOutboxFailed(Exception error);
}
