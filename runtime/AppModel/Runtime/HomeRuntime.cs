using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.AppModel.Entities;

namespace ProofOfHeat.AppModel.Runtime;

/// <summary>
/// Our NetDaemon runtime: it runs the backend, keeps the state cache, fans events out to the apps'
/// queues, and starts and stops apps with the connection (safety apps keep running without HA).
/// The sink methods run on the backend's reader and never block; lifecycle work runs on one loop.
/// </summary>
public sealed partial class HomeRuntime : IHomeStateSink
{
    private readonly IServiceProvider _services;
    private readonly IHomeBackend _backend;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<HomeRuntime> _logger;
    private readonly HomeRuntimeOptions _options;
    private readonly IAppSwitchStore? _switches;
    private readonly StateCache _cache = new();
    private readonly Dictionary<string, AppSlot> _slots;
    private readonly Channel<Func<CancellationToken, Task>> _lifecycle = Channel.CreateUnbounded<Func<CancellationToken, Task>>(new() { SingleReader = true });
    private volatile AppInstance[] _running = [];
    private volatile AppStatus[] _status;
    private long _eventsReceived;

    /// <summary>Creates the runtime over <paramref name="apps"/>.</summary>
    public HomeRuntime(
        IServiceProvider services,
        IEnumerable<AppDescriptor> apps,
        IHomeBackend backend,
        TimeProvider timeProvider,
        ILogger<HomeRuntime> logger,
        HomeRuntimeOptions options,
        IAppSwitchStore? switches = null)
    {
        _services = services;
        _backend = backend;
        _timeProvider = timeProvider;
        _logger = logger;
        _options = options;
        _switches = switches;
        _slots = apps.ToDictionary(a => a.Id, a => new AppSlot(a), StringComparer.Ordinal);
        _status = [.. _slots.Values.Select(s => s.ToStatus())];
    }

    /// <summary>The backend's name.</summary>
    public string BackendName => _backend.Name;

    /// <summary>Whether the backend is connected.</summary>
    public bool IsConnected { get; private set; }

    /// <summary>Since when it is connected (or was last).</summary>
    public DateTimeOffset? ConnectedSince { get; private set; }

    /// <summary>Why the backend last disconnected.</summary>
    public string? LastDisconnectReason { get; private set; }

    /// <summary>What ended the backend for good (Home Assistant rejected the token, say), or null while it runs.</summary>
    public Exception? BackendFailure { get; private set; }

    /// <summary>State changes received since start.</summary>
    public long EventsReceived => Interlocked.Read(ref _eventsReceived);

    /// <summary>Entities in the cache.</summary>
    public int EntityCount => _cache.Count;

    /// <summary>Every app's status.</summary>
    public IReadOnlyList<AppStatus> Apps
    {
        get
        {
            // Dropped counts move between lifecycle steps, so read them live.
            var running = _running;
            return [.. _status.Select(s => running.FirstOrDefault(r => r.Descriptor.Id == s.Id) is { } r
                ? s with { DroppedEvents = s.DroppedEvents + r.Context.DroppedEvents }
                : s)];
        }
    }

    /// <summary>The cached state of an entity.</summary>
    public EntityState? GetState(string entityId) => _cache.Get(entityId);

    /// <summary>Runs the backend and the app lifecycle until cancelled; stops every app at the end.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (_switches is not null)
        {
            foreach (var (id, enabled) in await _switches.LoadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (_slots.TryGetValue(id, out var slot))
                {
                    slot.Enabled = enabled;
                }
            }

            // The API may already be asked: show the stored switches at once, not after the first lifecycle step.
            Publish();
        }

        Post(StartIndependentAppsAsync);
        var lifecycle = RunLifecycleAsync(cancellationToken);
        try
        {
            await RunBackendAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lifecycle.Writer.TryComplete();
            await lifecycle.ConfigureAwait(false);
            foreach (var slot in _slots.Values)
            {
                await StopAsync(slot, AppRunState.Stopped).ConfigureAwait(false);
            }

            Publish();
        }
    }

    /// <summary>
    /// Runs the backend. When it gives up for good (Home Assistant rejected the token, say), the
    /// runtime does not: apps that need the backend stay stopped, the reason shows in the status,
    /// and safety apps keep acting on what does not need it until the host stops.
    /// </summary>
    private async Task RunBackendAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _backend.RunAsync(this, cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // Whatever ended the backend, the safety apps must keep running.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            BackendFailure = ex;
            LogBackendGaveUp(_logger, ex, _backend.Name, ex.Message);
            ((IHomeStateSink)this).Disconnected($"{_backend.Name} stopped for good: {ex.Message}");
        }

        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    /// <summary>Switches an app on or off, durably, and starts or stops it.</summary>
    public Task SetEnabledAsync(string appId, bool enabled, CancellationToken cancellationToken)
    {
        if (!_slots.TryGetValue(appId, out var slot))
        {
            throw new KeyNotFoundException($"No app '{appId}'. Apps: {string.Join(", ", _slots.Keys)}.");
        }

        return PostAndWait(async ct =>
        {
            if (_switches is not null)
            {
                await _switches.SaveAsync(appId, enabled, ct).ConfigureAwait(false);
            }

            slot.Enabled = enabled;
            LogSwitched(_logger, appId, enabled ? "on" : "off");
            if (!enabled)
            {
                await StopAsync(slot, AppRunState.Stopped).ConfigureAwait(false);
            }
            else if (IsConnected || slot.Descriptor.KeepRunningWhenDisconnected)
            {
                await StartAsync(slot, ct).ConfigureAwait(false);
            }
        }, cancellationToken);
    }

    /// <summary>Stops and rebuilds every running app (after a config change).</summary>
    public Task ReloadAsync(CancellationToken cancellationToken) => PostAndWait(async ct =>
    {
        foreach (var slot in _slots.Values.Where(s => s.Instance is not null))
        {
            await StopAsync(slot, AppRunState.Stopped).ConfigureAwait(false);
            await StartAsync(slot, ct).ConfigureAwait(false);
        }
    }, cancellationToken);

    /// <inheritdoc />
    void IHomeStateSink.Connected(IReadOnlyCollection<EntityState> snapshot)
    {
        var differences = _cache.Resync(snapshot);
        IsConnected = true;
        ConnectedSince = _timeProvider.GetUtcNow();
        foreach (var app in _running)
        {
            foreach (var change in differences)
            {
                app.Context.Enqueue(new AppEvent(change, null));
            }
        }

        LogConnected(_logger, _backend.Name, snapshot.Count, differences.Count);
        Post(StartAllAsync);
    }

    /// <inheritdoc />
    void IHomeStateSink.StateChanged(StateChange change)
    {
        Interlocked.Increment(ref _eventsReceived);
        if (!_cache.Apply(change))
        {
            return;
        }

        var item = new AppEvent(change, null);
        foreach (var app in _running)
        {
            app.Context.Enqueue(item);
        }
    }

    /// <inheritdoc />
    void IHomeStateSink.EventReceived(HomeEvent homeEvent)
    {
        var item = new AppEvent(null, homeEvent);
        foreach (var app in _running)
        {
            app.Context.Enqueue(item);
        }
    }

    /// <inheritdoc />
    void IHomeStateSink.Disconnected(string reason)
    {
        var wasConnected = IsConnected;
        IsConnected = false;
        LastDisconnectReason = reason;
        if (wasConnected)
        {
            LogDisconnected(_logger, _backend.Name, reason);
        }
        else
        {
            // Every failed reconnect attempt reports here too; the apps were stopped at the first.
            LogStillDisconnected(_logger, _backend.Name, reason);
        }

        Post(StopDependentAppsAsync);
    }
}
