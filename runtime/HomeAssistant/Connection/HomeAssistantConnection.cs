using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ProofOfHeat.HomeAssistant.Codec;
using ProofOfHeat.HomeAssistant.Messages;

namespace ProofOfHeat.HomeAssistant.Connection;

/// <summary>
/// One authenticated connection in the command phase: a reader loop on its own task that only decodes and
/// dispatches, a send lock under which the id is taken and the frame written (so ids strictly increase on the
/// wire), and a table of commands waiting for their result.
/// </summary>
internal sealed partial class HomeAssistantConnection : IHomeAssistantConnection
{
    // A get_states answer can be megabytes; don't keep such a buffer for the life of the connection.
    private const int MaxRetainedReceiveBuffer = 1024 * 1024;
    private const int InitialReceiveBuffer = 64 * 1024;

    private readonly IWebSocketTransport _transport;
    private readonly IHomeAssistantEventHandler _handler;
    private readonly TimeSpan _requestTimeout;
    private readonly int _maxMessageBytes;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ArrayBufferWriter<byte> _sendBuffer = new(1024);
    private readonly Utf8JsonWriter _writer;
    private readonly ConcurrentDictionary<int, HaPendingRequest> _pending = new();
    private readonly ConcurrentDictionary<int, byte> _subscriptions = new();
    private readonly CancellationTokenSource _lifetime = new();
    private readonly Task<HaConnectionClosed> _readLoop;
    private int _lastId;
    private int _disposed;
    private volatile HaConnectionClosed? _closed;

    // Set on the reader loop once the snapshot went to the handler; events before it are already in the snapshot.
    private bool _eventsEnabled;
    private int _eventsBeforeSnapshot;

    public HomeAssistantConnection(
        IWebSocketTransport transport,
        string haVersion,
        IHomeAssistantEventHandler handler,
        TimeSpan requestTimeout,
        int maxMessageBytes,
        TimeProvider timeProvider,
        ILogger logger)
    {
        _transport = transport;
        _maxMessageBytes = maxMessageBytes;
        HaVersion = haVersion;
        _handler = handler;
        _requestTimeout = requestTimeout;
        _timeProvider = timeProvider;
        _logger = logger;
        _writer = new Utf8JsonWriter(_sendBuffer);
        _readLoop = Task.Run(() => ReadLoopAsync(_lifetime.Token));
    }

    public string HaVersion { get; }

    /// <summary>Completes when the reader loop ends (socket closed, error, or dispose); never faults.</summary>
    public Task<HaConnectionClosed> Completion => _readLoop;

    /// <summary>Number of event subscriptions this connection made and has not ended.</summary>
    public int SubscriptionCount => _subscriptions.Count;

    public async Task<HaConfig> GetConfigAsync(CancellationToken cancellationToken) =>
        Decode(HaSimpleCommand.GetConfig, await ExecuteAsync(HaSimpleCommand.GetConfig, null, cancellationToken), HaMessageDecoder.ReadConfig);

    public async Task<IReadOnlyList<HaState>> GetStatesAsync(CancellationToken cancellationToken) =>
        Decode(HaSimpleCommand.GetStates, await ExecuteAsync(HaSimpleCommand.GetStates, null, cancellationToken), ReadSnapshot);

    public Task<JsonElement> GetServicesAsync(CancellationToken cancellationToken) =>
        ExecuteAsync(HaSimpleCommand.GetServices, null, cancellationToken);

    public async Task<int> SubscribeEventsAsync(string? eventType, CancellationToken cancellationToken)
    {
        var subscriptionId = 0;

        // The id is registered before the frame leaves, so no event of the subscription can be missed.
        await ExecuteAsync(
            new HaSubscribeEventsCommand(eventType),
            null,
            cancellationToken,
            id =>
            {
                subscriptionId = id;
                _subscriptions.TryAdd(id, 0);
            });
        return subscriptionId;
    }

    public async Task UnsubscribeEventsAsync(int subscriptionId, CancellationToken cancellationToken)
    {
        await ExecuteAsync(new HaUnsubscribeEventsCommand(subscriptionId), null, cancellationToken);
        _subscriptions.TryRemove(subscriptionId, out _);
    }

    public async Task<HaServiceCallResult> CallServiceAsync(
        string domain,
        string service,
        HaTarget? target,
        object? serviceData,
        bool returnResponse,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(domain);
        ArgumentException.ThrowIfNullOrEmpty(service);
        var result = await ExecuteAsync(
            new HaCallServiceCommand(domain, service, target, serviceData, returnResponse), null, cancellationToken);
        return HaMessageDecoder.ReadServiceCallResult(result);
    }

    public Task PingAsync(CancellationToken cancellationToken) => ExecuteAsync(HaSimpleCommand.Ping, null, cancellationToken);

    /// <summary>Sends a ping; <paramref name="onPongInReader"/> runs on the reader loop the moment the pong is read.</summary>
    public Task PingAsync(Action onPongInReader, CancellationToken cancellationToken) =>
        ExecuteAsync(HaSimpleCommand.Ping, _ => onPongInReader(), cancellationToken);

    public Task<JsonElement> SendCommandAsync(
        string type,
        IReadOnlyDictionary<string, object?>? fields,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        return ExecuteAsync(new HaRawCommand(type, fields), null, cancellationToken);
    }

    /// <summary>Asks HA to coalesce messages; the first command of a connection, so it carries id 1.</summary>
    public Task EnableCoalescingAsync(CancellationToken cancellationToken) =>
        ExecuteAsync(HaSupportedFeaturesCommand.CoalesceMessages, null, cancellationToken);

    /// <summary>
    /// Sends get_states and hands the snapshot to <paramref name="announce"/> on the reader loop, then starts
    /// delivering events. Doing both on the reader loop keeps snapshot and events in wire order.
    /// </summary>
    public async Task<IReadOnlyList<HaState>> LoadSnapshotAsync(
        Action<IReadOnlyList<HaState>> announce,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<HaState> states = [];
        await ExecuteAsync(
            HaSimpleCommand.GetStates,
            result =>
            {
                states = ReadSnapshot(result);
                announce(states);
                if (_eventsBeforeSnapshot > 0)
                {
                    Log.EventsBeforeSnapshot(_logger, _eventsBeforeSnapshot);
                }

                _eventsEnabled = true;
            },
            cancellationToken);
        return states;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            await _readLoop;
            return;
        }

        // A polite close only if no send is in flight: a stalled peer may keep a send (and the lock) forever.
        if (await _sendLock.WaitAsync(TimeSpan.Zero))
        {
            try
            {
                using var closeTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), _timeProvider);
                await _transport.CloseAsync(closeTimeout.Token);
            }
            finally
            {
                _sendLock.Release();
            }
        }

        await _lifetime.CancelAsync();
        await _transport.DisposeAsync();
        await _readLoop;
        _lifetime.Dispose();
        _writer.Dispose();
    }

    private async Task<JsonElement> ExecuteAsync(
        HaCommand command,
        Action<JsonElement>? onResultInReader,
        CancellationToken cancellationToken,
        Action<int>? onIdAssigned = null)
    {
        ThrowIfClosed();
        var pending = new HaPendingRequest(command.Type, onResultInReader);
        var id = 0;
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            ThrowIfClosed();
            id = ++_lastId;
            _pending[id] = pending;
            onIdAssigned?.Invoke(id);
            _sendBuffer.ResetWrittenCount();
            _writer.Reset(_sendBuffer);
            HaCommandEncoder.WriteCommand(_writer, id, command);
            Log.FrameSent(_logger, command.Type, id, _sendBuffer.WrittenCount);
            await _transport.SendMessageAsync(_sendBuffer.WrittenMemory, cancellationToken);
        }
        catch (Exception ex) when (ex is not JsonException
            && (HaTransportErrors.IsConnectionError(ex) || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)))
        {
            // An OperationCanceledException the caller did not ask for is ClientWebSocket reporting an aborted socket.
            ForgetPending(id);
            throw HaTransportErrors.Translate(ex, $"sending {command.Type}");
        }
        catch
        {
            ForgetPending(id);
            throw;
        }
        finally
        {
            _sendLock.Release();
        }

        // The reader may have ended between our check and the registration; it fails everything it saw, we check again.
        if (_closed is { } closed)
        {
            pending.Fail(ClosedError(closed));
        }

        try
        {
            return await pending.Task.WaitAsync(_requestTimeout, _timeProvider, cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw new HomeAssistantCommandException(
                HomeAssistantCommandException.TimeoutCode,
                $"Home Assistant did not answer {command.Type} (id {id}) within {_requestTimeout}.",
                ex)
            {
                CommandType = command.Type,
            };
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    // An answer of the wrong shape is HA's fault, not the caller's: report it as our exception (the runner retries on
    // those), never as a bare JsonException that would end the reconnect loop.
    private static T Decode<T>(HaCommand command, JsonElement result, Func<JsonElement, T> read)
    {
        try
        {
            return read(result);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new HomeAssistantConnectionException($"Home Assistant sent a malformed answer to {command.Type}.", ex);
        }
    }

    private IReadOnlyList<HaState> ReadSnapshot(JsonElement result) => HaSnapshotReader.Read(result, _logger);

    private void ForgetPending(int id)
    {
        _pending.TryRemove(id, out _);
        _subscriptions.TryRemove(id, out _);
    }

    private void ThrowIfClosed()
    {
        if (_closed is { } closed)
        {
            throw ClosedError(closed);
        }

        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
    }

    private static HomeAssistantConnectionException ClosedError(HaConnectionClosed closed) =>
        new($"The connection to Home Assistant is closed ({closed.Reason}).", closed.Error);
}
