using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ProofOfHeat.AppModel.Scheduling;

/// <summary>
/// An app's timers on the injected <see cref="TimeProvider"/>. Each schedule is an owned task;
/// disposing the scheduler cancels and awaits them all, so an app's timers die with the app.
/// </summary>
internal sealed partial class AppScheduler(string appId, TimeProvider timeProvider, ILogger logger) : IAppScheduler, IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, bool> _running = new();

    /// <inheritdoc />
    public TimeProvider TimeProvider => timeProvider;

    /// <inheritdoc />
    public IDisposable RunIn(TimeSpan delay, Func<CancellationToken, Task> action) =>
        Start(async ct =>
        {
            await Task.Delay(Clamp(delay), timeProvider, ct).ConfigureAwait(false);
            await InvokeAsync(action, ct).ConfigureAwait(false);
        });

    /// <inheritdoc />
    public IDisposable RunAt(DateTimeOffset at, Func<CancellationToken, Task> action) =>
        RunIn(at - timeProvider.GetUtcNow(), action);

    /// <inheritdoc />
    public IDisposable RunEvery(TimeSpan period, TimeSpan firstAfter, Func<CancellationToken, Task> action)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        return Start(async ct =>
        {
            await Task.Delay(Clamp(firstAfter), timeProvider, ct).ConfigureAwait(false);
            var next = timeProvider.GetUtcNow();
            while (!ct.IsCancellationRequested)
            {
                await InvokeAsync(action, ct).ConfigureAwait(false);
                // Fixed rate from the first run, without drift; a run that overran skips the missed slots.
                var now = timeProvider.GetUtcNow();
                do
                {
                    next += period;
                }
                while (next <= now);

                await Task.Delay(next - now, timeProvider, ct).ConfigureAwait(false);
            }
        });
    }

    /// <summary>Cancels every schedule and waits for running actions to end.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_running.Keys).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
    }

    private CancelOnDispose Start(Func<CancellationToken, Task> loop)
    {
        var own = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        var task = RunOwnedAsync(loop, own);
        _running.TryAdd(task, true);
        task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return new CancelOnDispose(own);
    }

    private static async Task RunOwnedAsync(Func<CancellationToken, Task> loop, CancellationTokenSource own)
    {
        try
        {
            await loop(own.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (own.IsCancellationRequested)
        {
        }
        finally
        {
            own.Dispose();
        }
    }

    private async Task InvokeAsync(Func<CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        try
        {
            await action(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A failing scheduled action is logged and the schedule goes on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogActionFailed(logger, ex, appId);
        }
    }

    private static TimeSpan Clamp(TimeSpan delay) => delay < TimeSpan.Zero ? TimeSpan.Zero : delay;

    [LoggerMessage(EventId = 1201, Level = LogLevel.Error, Message = "App {AppId}: a scheduled action threw; the schedule goes on")]
    private static partial void LogActionFailed(ILogger logger, Exception ex, string appId);

    /// <summary>Cancels one schedule; safe to dispose twice and after the schedule ended.</summary>
    private sealed class CancelOnDispose(CancellationTokenSource source) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                source.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
