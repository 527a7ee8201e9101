using Microsoft.Extensions.Logging;

namespace ProofOfHeat.AppModel.Runtime;

/// <summary>The app lifecycle: one loop applies start, stop and switch commands in order.</summary>
public sealed partial class HomeRuntime
{
    private void Post(Func<CancellationToken, Task> command) => _lifecycle.Writer.TryWrite(command);

    private async Task PostAndWait(Func<CancellationToken, Task> command, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var posted = _lifecycle.Writer.TryWrite(async ct =>
        {
            try
            {
                await command(ct).ConfigureAwait(false);
                done.TrySetResult();
            }
#pragma warning disable CA1031 // Handed back to the caller through the task.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                done.TrySetException(ex);
            }
        });
        if (!posted)
        {
            throw new InvalidOperationException("The app runtime is not running.");
        }

        await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task RunLifecycleAsync(CancellationToken cancellationToken)
    {
        await foreach (var command in _lifecycle.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            try
            {
                await command(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }

            Publish();
        }
    }

    private async Task StartIndependentAppsAsync(CancellationToken cancellationToken)
    {
        foreach (var slot in _slots.Values.Where(s => s.Descriptor.KeepRunningWhenDisconnected))
        {
            await StartAsync(slot, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task StartAllAsync(CancellationToken cancellationToken)
    {
        if (!IsConnected)
        {
            return;
        }

        foreach (var slot in _slots.Values)
        {
            await StartAsync(slot, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task StopDependentAppsAsync(CancellationToken cancellationToken)
    {
        if (IsConnected)
        {
            return; // Reconnected before this ran: nothing to stop.
        }

        foreach (var slot in _slots.Values.Where(s => !s.Descriptor.KeepRunningWhenDisconnected))
        {
            await StopAsync(slot, AppRunState.Stopped).ConfigureAwait(false);
        }
    }

    private async Task StartAsync(AppSlot slot, CancellationToken cancellationToken)
    {
        if (!slot.Enabled || slot.Instance is not null || cancellationToken.IsCancellationRequested)
        {
            return;
        }

        slot.State = AppRunState.Starting;
        // Queue for the app before its constructor reads the cache: a change that lands in between
        // is then delivered once the app has subscribed, never lost.
        var instance = AppInstance.Create(slot.Descriptor, _services, _cache, _backend, _timeProvider, _options.AppQueueCapacity);
        _running = [.. _running, instance];
        try
        {
            await instance.StartAsync(cancellationToken).ConfigureAwait(false);
            slot.Instance = instance;
            slot.State = AppRunState.Running;
            slot.LastError = null;
            LogAppStarted(_logger, slot.Descriptor.Id);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await DiscardAsync(instance).ConfigureAwait(false);
            slot.State = AppRunState.Stopped;
        }
#pragma warning disable CA1031 // One app failing to start must not stop the others.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await DiscardAsync(instance).ConfigureAwait(false);
            var error = ex is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : ex;
            slot.State = AppRunState.Error;
            slot.LastError = error.Message;
            LogAppFailed(_logger, error, slot.Descriptor.Id);
        }
    }

    private async Task StopAsync(AppSlot slot, AppRunState then)
    {
        if (slot.Instance is not { } instance)
        {
            if (slot.State is AppRunState.Running or AppRunState.Starting)
            {
                slot.State = then;
            }

            return;
        }

        _running = [.. _running.Where(r => !ReferenceEquals(r, instance))];
        slot.Instance = null;
        slot.DroppedBefore += instance.Context.DroppedEvents;
        await instance.DisposeAsync().ConfigureAwait(false);
        slot.State = then;
        LogAppStopped(_logger, slot.Descriptor.Id);
    }

    private async Task DiscardAsync(AppInstance instance)
    {
        _running = [.. _running.Where(r => !ReferenceEquals(r, instance))];
        await instance.DisposeAsync().ConfigureAwait(false);
    }

    private void Publish() => _status = [.. _slots.Values.Select(s => s.ToStatus())];

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Connected to {Backend}: {Count} entities, {Differences} changed since the last snapshot")]
    private static partial void LogConnected(ILogger logger, string backend, int count, int differences);

    // Information, not Warning: the backend's client has already warned about the same disconnect (with its
    // reconnect delay), and one event should read as one warning.
    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Disconnected from {Backend}: {Reason}; apps that need it are stopped until it returns")]
    private static partial void LogDisconnected(ILogger logger, string backend, string reason);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Debug, Message = "Disconnected from {Backend}: {Reason}; apps that need it stay stopped")]
    private static partial void LogStillDisconnected(ILogger logger, string backend, string reason);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Critical, Message = "{Backend} stopped and will not be retried: {Reason}. Apps that need it stay stopped; safety apps keep running")]
    private static partial void LogBackendGaveUp(ILogger logger, Exception ex, string backend, string reason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "App {AppId} started")]
    private static partial void LogAppStarted(ILogger logger, string appId);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "App {AppId} stopped")]
    private static partial void LogAppStopped(ILogger logger, string appId);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "App {AppId} failed to start; the other apps go on")]
    private static partial void LogAppFailed(ILogger logger, Exception ex, string appId);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "App {AppId} switched {OnOff}")]
    private static partial void LogSwitched(ILogger logger, string appId, string onOff);
}
