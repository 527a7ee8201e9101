using Microsoft.Extensions.Logging;
using ProofOfHeat.HomeAssistant.Connection;
using ProofOfHeat.HomeAssistant.Transport;

namespace ProofOfHeat.HomeAssistant;

/// <summary>
/// Keeps one connection to HA up: connect, authenticate, subscribe, snapshot, watch with pings, and reconnect with
/// exponential backoff until stopped. A rejected token stops it for good.
/// </summary>
public sealed partial class HomeAssistantRunner : IAsyncDisposable
{
    private readonly HomeAssistantClientOptions _options;
    private readonly IHomeAssistantEventHandler _handler;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<HomeAssistantRunner> _logger;
    private readonly HaConnector _connector;
    private readonly CancellationTokenSource _disposeCts = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile HomeAssistantConnection? _current;
    private int _started;
    private int _disposed;

    /// <summary>Creates a runner; nothing happens until <see cref="RunAsync"/>.</summary>
    /// <param name="options">Endpoint, token and timing.</param>
    /// <param name="handler">Receives connects, events and disconnects on the reader loop.</param>
    /// <param name="timeProvider">The clock for timeouts, pings and backoff.</param>
    /// <param name="logger">Logger; the token is never logged.</param>
    /// <param name="transportFactory">Creates one transport per connection attempt; null uses ClientWebSocket.</param>
    public HomeAssistantRunner(
        HomeAssistantClientOptions options,
        IHomeAssistantEventHandler handler,
        TimeProvider timeProvider,
        ILogger<HomeAssistantRunner> logger,
        Func<IWebSocketTransport>? transportFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentException.ThrowIfNullOrEmpty(options.AccessToken);
        _options = options;
        _handler = handler;
        _timeProvider = timeProvider;
        _logger = logger;
        _connector = new HaConnector(options, transportFactory ?? (() => new ClientWebSocketTransport()), timeProvider, logger);
    }

    /// <summary>The connection in use, or null while disconnected.</summary>
    public IHomeAssistantConnection? CurrentConnection => _current;

    /// <summary>True while a connection is up (HA RUNNING, subscriptions made).</summary>
    public bool IsConnected => _current is not null;

    /// <summary>
    /// Connects and keeps reconnecting until <paramref name="cancellationToken"/> is cancelled or the runner is
    /// disposed; then completes normally. May be called once.
    /// </summary>
    /// <exception cref="HomeAssistantAuthenticationException">HA rejected the token; the runner does not retry.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            throw new InvalidOperationException("The runner is already running; RunAsync may be called once.");
        }

        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposeCts.Token);
            await RunLoopAsync(linked.Token);
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }

    /// <summary>Calls a service on the current connection.</summary>
    /// <exception cref="HomeAssistantNotConnectedException">No connection is up.</exception>
    public Task<HaServiceCallResult> CallServiceAsync(
        string domain,
        string service,
        HaTarget? target,
        object? serviceData,
        bool returnResponse,
        CancellationToken cancellationToken)
    {
        var connection = _current ?? throw new HomeAssistantNotConnectedException(
            $"Cannot call {domain}.{service}: not connected to Home Assistant.");
        return connection.CallServiceAsync(domain, service, target, serviceData, returnResponse, cancellationToken);
    }

    /// <summary>Stops the loop and closes the connection; waits for <see cref="RunAsync"/> to finish.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _disposeCts.CancelAsync();
        if (Volatile.Read(ref _started) == 1)
        {
            await _stopped.Task;
        }

        _disposeCts.Dispose();
    }

    private async Task RunLoopAsync(CancellationToken cancellationToken)
    {
        var delay = _options.ReconnectInitialDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            var outcome = await RunSessionAsync(cancellationToken);
            switch (outcome.Reason)
            {
                case HaDisconnectReason.Unauthorized:
                    Log.AuthenticationFailed(_logger, outcome.Error?.Message ?? "auth_invalid");
                    Notify(outcome.Reason, outcome.Error);
                    throw outcome.Error as HomeAssistantAuthenticationException
                        ?? new HomeAssistantAuthenticationException("Home Assistant rejected the access token.", outcome.Error);
                case HaDisconnectReason.Cancelled:
                    if (outcome.WasConnected)
                    {
                        Notify(outcome.Reason, null);
                    }

                    Log.Stopped(_logger);
                    return;
            }

            // Only a connection that lasted resets the backoff: a server that accepts the login and then breaks at once
            // would otherwise be retried at the initial delay forever.
            if ((outcome.WasConnected && outcome.UpTime >= _options.StableConnectionTime) || outcome.Reason == HaDisconnectReason.NotReady)
            {
                delay = _options.ReconnectInitialDelay;
            }

            // Arm the wait before telling anyone, so whoever reacts to OnDisconnected (a test advancing fake time)
            // finds the backoff timer already running.
            var wait = Task.Delay(delay, _timeProvider, cancellationToken);
            LogDisconnect(outcome, delay);
            Notify(outcome.Reason, outcome.Error);
            try
            {
                await wait;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Log.Stopped(_logger);
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.ReconnectMaxDelay.Ticks));
        }

        Log.Stopped(_logger);
    }

    private void LogDisconnect(SessionOutcome outcome, TimeSpan delay)
    {
        if (outcome.Reason == HaDisconnectReason.NotReady)
        {
            Log.NotReady(_logger, outcome.Error?.Message ?? "not running", delay);
        }
        else if (outcome.WasConnected)
        {
            Log.Disconnected(_logger, outcome.Reason, delay, outcome.Error);
        }
        else
        {
            // Failing to connect is normal while HA restarts, so it is not a warning.
            Log.ConnectFailed(_logger, outcome.Reason, outcome.Error?.Message ?? "closed", delay);
        }
    }

    private void Notify(HaDisconnectReason reason, Exception? error)
    {
        try
        {
            _handler.OnDisconnected(reason, error);
        }
#pragma warning disable CA1031 // A faulty consumer must not stop the reconnect loop.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.HandlerFailed(_logger, nameof(IHomeAssistantEventHandler.OnDisconnected), ex);
        }
    }
}
