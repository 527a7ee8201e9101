using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.AppModel.Services;

namespace ProofOfHeat.AppModel.Runtime;

/// <summary>
/// One app's <see cref="IHaContext"/>. Events reach it through its own bounded queue, drained by
/// its own task, so the backend's reader never waits on app code (HA drops a client that falls
/// 1,024 messages behind). When the queue is full the oldest event is dropped and counted, except
/// for a safety app (<c>KeepRunningWhenDisconnected</c>): its queue never drops, because the event
/// dropped could be the leak it must act on (a starved brain lost 289 of 20,000 leak events in
/// bench/Mqtt, issue 11); past the bound it only warns, once per crossing.
/// </summary>
internal sealed partial class AppHaContext : IHaContext, IAsyncDisposable
{
    /// <summary>Default queue length per app, as NetDaemon's.</summary>
    public const int DefaultQueueCapacity = 1024;

    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly string _appId;
    private readonly StateCache _cache;
    private readonly IHomeBackend _backend;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly int _capacity;
    private readonly bool _neverDrop;
    private readonly IAuditTrail? _audit;
    private readonly Channel<AppEvent> _queue;
    private readonly SafeBroadcast<StateChange> _changes;
    private readonly SafeBroadcast<HomeEvent> _events;
    private readonly ConcurrentDictionary<Task, bool> _pendingCalls = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _drain;
    private long _dropped;
    private int _warnedFull;
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // neverDrop: the queue keeps every event past capacity (safety apps).
    public AppHaContext(
        string appId, StateCache cache, IHomeBackend backend, ILogger logger, TimeProvider timeProvider, int capacity = DefaultQueueCapacity, IAuditTrail? audit = null,
        bool neverDrop = false)
    {
        _audit = audit;
        _appId = appId;
        _timeProvider = timeProvider;
        _cache = cache;
        _backend = backend;
        _logger = logger;
        _capacity = capacity;
        _neverDrop = neverDrop;
        _changes = new SafeBroadcast<StateChange>(OnHandlerError);
        _events = new SafeBroadcast<HomeEvent>(OnHandlerError);
        _queue = neverDrop
            // Not SingleReader: the single-reader unbounded channel cannot count its items, and the warning needs the count.
            ? Channel.CreateUnbounded<AppEvent>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = true })
            : Channel.CreateBounded<AppEvent>(
                new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true },
                OnDropped);
        _drain = Task.Run(DrainAsync);
    }

    /// <summary>
    /// Starts delivering queued events to the app's subscriptions. The runtime queues for the app
    /// from before its constructor reads the state cache, and opens delivery once the app has
    /// subscribed, so no change falls between the two.
    /// </summary>
    public void Open() => _opened.TrySetResult();

    /// <summary>Events dropped so far because the app fell behind.</summary>
    public long DroppedEvents => Interlocked.Read(ref _dropped);

    /// <summary>Events waiting in the queue.</summary>
    public int QueueLength => _queue.Reader.Count;

    /// <inheritdoc />
    public IObservable<HomeEvent> Events => _events;

    /// <summary>Called by the runtime on the backend's reader: never blocks.</summary>
    public void Enqueue(in AppEvent item)
    {
        _queue.Writer.TryWrite(item);
        if (_queue.Reader.Count >= _capacity * 9 / 10 && Interlocked.Exchange(ref _warnedFull, 1) == 0)
        {
            if (_neverDrop)
            {
                LogSafetyQueueLong(_logger, _appId, _capacity);
            }
            else
            {
                LogQueueNearlyFull(_logger, _appId, _capacity);
            }
        }
    }

    /// <inheritdoc />
    public IObservable<StateChange> StateAllChanges() => _changes;

    /// <inheritdoc />
    public EntityState? GetState(string entityId) => _cache.Get(entityId);

    /// <inheritdoc />
    public IReadOnlyCollection<EntityState> GetAllEntities() => _cache.All();

    /// <inheritdoc />
    public Entity Entity(string entityId) => new(this, entityId);

    /// <inheritdoc />
    public void CallService(string domain, string service, ServiceTarget? target = null, object? data = null)
    {
        var call = new ServiceCall(domain, service, target, data);
        var task = CallAndLogAsync(call);
        if (!task.IsCompleted)
        {
            _pendingCalls.TryAdd(task, true);
            task.ContinueWith(t => _pendingCalls.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <inheritdoc />
    public Task<JsonElement?> CallServiceAsync(ServiceCall serviceCall, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(serviceCall);
        return _audit is null ? _backend.CallServiceAsync(serviceCall, cancellationToken) : CallAndAuditAsync(serviceCall, cancellationToken);
    }

    // Every service call an app makes is in the audit trail (issue 11): actor app:<id>, the call's targets, its result.
    private async Task<JsonElement?> CallAndAuditAsync(ServiceCall call, CancellationToken cancellationToken)
    {
        var correlationId = IAuditTrail.NewCorrelationId();
        try
        {
            var response = await _backend.CallServiceAsync(call, cancellationToken).ConfigureAwait(false);
            Audit(call, correlationId, "ok");
            return response;
        }
        catch (Exception ex)
        {
            Audit(call, correlationId, ex is OperationCanceledException ? "cancelled" : $"failed: {ex.Message}");
            throw;
        }
    }

    private void Audit(ServiceCall call, string correlationId, string result)
    {
        var targets = call.Target?.EntityIds ?? call.Target?.DeviceIds ?? call.Target?.AreaIds;
        var target = targets is { Count: > 0 } ? string.Join(",", targets) : $"{call.Domain}.{call.Service}";
        _audit?.Record(new AuditEntry(_timeProvider.GetUtcNow(), $"app:{_appId}", "service_call", target, null, correlationId, result, $"{call.Domain}.{call.Service}"));
    }

    /// <summary>Stops input, lets queued events drain, waits for pending service calls, ends all subscriptions.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        Open(); // An app that never started still drains (to nobody), so the drain task ends.
        try
        {
            await _drain.WaitAsync(StopTimeout, _timeProvider, CancellationToken.None).ConfigureAwait(false);
            await Task.WhenAll(_pendingCalls.Keys).WaitAsync(StopTimeout, _timeProvider, CancellationToken.None).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LogStopTimedOut(_logger, _appId, _queue.Reader.Count, _pendingCalls.Count);
        }

        await _stopping.CancelAsync().ConfigureAwait(false);

        _changes.OnCompleted();
        _events.OnCompleted();
        _stopping.Dispose();
    }

    private async Task DrainAsync()
    {
        await _opened.Task.ConfigureAwait(false);
        await foreach (var item in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (item.Change is { } change)
            {
                _changes.OnNext(change);
            }
            else if (item.Event is { } homeEvent)
            {
                _events.OnNext(homeEvent);
            }

            if (_warnedFull == 1 && _queue.Reader.Count < _capacity / 2)
            {
                Interlocked.Exchange(ref _warnedFull, 0);
            }
        }
    }

    private async Task CallAndLogAsync(ServiceCall call)
    {
        try
        {
            await CallServiceAsync(call, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // Fire-and-forget calls report failure in the log, by design.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogServiceCallFailed(_logger, ex, _appId, call.Domain, call.Service, ex.Message);
        }
    }

    private void OnDropped(AppEvent dropped)
    {
        var count = Interlocked.Increment(ref _dropped);
        // Log the 1st, 10th, 100th … drop: visible, but a flood cannot flood the log too.
        if (count == 1 || IsPowerOfTen(count))
        {
            LogEventsDropped(_logger, _appId, count, _capacity);
        }
    }

    private void OnHandlerError(Exception ex) => LogHandlerFailed(_logger, ex, _appId);

    private static bool IsPowerOfTen(long n)
    {
        while (n >= 10 && n % 10 == 0)
        {
            n /= 10;
        }

        return n == 1;
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Error, Message = "App {AppId}: an event handler threw; the app and its other handlers go on")]
    private static partial void LogHandlerFailed(ILogger logger, Exception ex, string appId);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "App {AppId}: its event queue is 90% full ({Capacity}); it is falling behind")]
    private static partial void LogQueueNearlyFull(ILogger logger, string appId, int capacity);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Warning, Message = "App {AppId}: its event queue is past 90% of {Capacity}; it is falling behind, and as a safety app it keeps every event")]
    private static partial void LogSafetyQueueLong(ILogger logger, string appId, int capacity);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Error, Message = "App {AppId}: dropped {Count} events in all, its queue of {Capacity} was full (oldest dropped first)")]
    private static partial void LogEventsDropped(ILogger logger, string appId, long count, int capacity);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "App {AppId}: service call {Domain}.{Service} failed: {Reason}")]
    private static partial void LogServiceCallFailed(ILogger logger, Exception ex, string appId, string domain, string service, string reason);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Warning, Message = "App {AppId}: stop timed out with {Queued} events queued and {Calls} service calls pending; they are abandoned")]
    private static partial void LogStopTimedOut(ILogger logger, string appId, int queued, int calls);
}
