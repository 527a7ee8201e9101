using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace ProofOfHeat.TestKit.HomeAssistant;

/// <summary>
/// A strict Home Assistant WebSocket API server on loopback, written from HA's documented protocol
/// (developers.home-assistant docs/api/websocket.md, websocket_api/{http,connection,commands}.py), not from our client.
/// It does the HTTP upgrade itself and speaks RFC 6455 through <see cref="System.Net.WebSockets.WebSocket.CreateFromStream(Stream, System.Net.WebSockets.WebSocketCreationOptions)"/>.
/// </summary>
public sealed partial class FakeHomeAssistant : IAsyncDisposable
{
    /// <summary>The token accepted unless the test adds others.</summary>
    public const string ValidToken = "fake-ha-valid-token";

    /// <summary>The path HA serves its WebSocket API on.</summary>
    public const string WebSocketPath = "/api/websocket";

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Task _acceptLoop;
    private readonly ConcurrentDictionary<int, FakeHaSession> _sessions = new();
    private readonly ConcurrentDictionary<int, Task> _sessionTasks = new();
    private readonly ConcurrentDictionary<string, byte> _validTokens = new(StringComparer.Ordinal);
    private readonly FakeAsyncLog<FakeHaReceivedMessage> _messages = new();
    private readonly FakeAsyncLog<FakeServiceCall> _serviceCalls = new();
    private readonly FakeAsyncLog<int> _accepted = new();
    private readonly FakeAsyncLog<(int Connection, string Reason)> _disconnects = new();
    private readonly ConcurrentDictionary<string, Action> _beforeCommand = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Func<JsonNode?>> _resultOverrides = new(StringComparer.Ordinal);
    private int _connectionCount;
    private int _coalescedFrames;

    /// <summary>Starts listening on a free loopback port.</summary>
    /// <param name="timeProvider">Clock for timestamps and timed restarts; tests usually pass their FakeTimeProvider.</param>
    public FakeHomeAssistant(TimeProvider? timeProvider = null)
    {
        Time = timeProvider ?? TimeProvider.System;
        _validTokens[ValidToken] = 0;
        RegisterDefaultServices();
        SeedDefaultStates();
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        var port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        WebSocketUri = new Uri($"ws://127.0.0.1:{port}{WebSocketPath}");
        _acceptLoop = AcceptLoopAsync(_shutdown.Token);
    }

    /// <summary>Where clients connect.</summary>
    public Uri WebSocketUri { get; }

    /// <summary>The version sent in auth_required and auth_ok, and returned by get_config.</summary>
    public string HaVersion { get; set; } = "2026.4.0";

    /// <summary>
    /// When true (the default, as HA) and the client negotiated <c>coalesce_messages</c>, messages that queued up
    /// while the writer was busy leave as one JSON array frame. Set false to send one object per frame regardless.
    /// </summary>
    public bool CoalesceOutgoing { get; set; } = true;

    /// <summary>TCP connections accepted so far (connection attempts).</summary>
    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    /// <summary>Connections currently open.</summary>
    public int ActiveConnectionCount => _sessions.Count;

    /// <summary>Event subscriptions on currently open connections.</summary>
    public int ActiveSubscriptionCount
    {
        get
        {
            lock (_gate)
            {
                return _sessions.Values.Where(s => s.IsOpen).Sum(s => s.Subscriptions.Count);
            }
        }
    }

    /// <summary>Frames sent as a coalesced JSON array.</summary>
    public int CoalescedFrameCount => Volatile.Read(ref _coalescedFrames);

    /// <summary>Every message received, in order of arrival. A command is recorded once handled, so its answer is already queued.</summary>
    public IReadOnlyList<FakeHaReceivedMessage> MessagesReceived => _messages.Snapshot();

    /// <summary>Every call_service received.</summary>
    public IReadOnlyList<FakeServiceCall> ServiceCalls => _serviceCalls.Snapshot();

    internal TimeProvider Time { get; }

    /// <summary>Connections the fake closed because of what the client sent (invalid JSON, a non-text frame), with why.</summary>
    public IReadOnlyList<(int Connection, string Reason)> ProtocolDisconnects => _disconnects.Snapshot();

    /// <summary>
    /// Runs <paramref name="action"/> each time a valid command of <paramref name="commandType"/> arrives, just before
    /// the fake handles it (on that connection's reader), so a test can make something happen at an exact point of
    /// the client's sequence, for example a state change between <c>subscribe_events</c> and <c>get_states</c>.
    /// Null removes the action.
    /// </summary>
    public void BeforeCommand(string commandType, Action? action)
    {
        if (action is null)
        {
            _beforeCommand.TryRemove(commandType, out _);
        }
        else
        {
            _beforeCommand[commandType] = action;
        }
    }

    /// <summary>
    /// Answers every <paramref name="commandType"/> command with <c>success:true</c> and whatever
    /// <paramref name="result"/> returns (a malformed answer, say) instead of the real one. Null restores the real one.
    /// </summary>
    public void OverrideResult(string commandType, Func<JsonNode?>? result)
    {
        if (result is null)
        {
            _resultOverrides.TryRemove(commandType, out _);
        }
        else
        {
            _resultOverrides[commandType] = result;
        }
    }

    /// <summary>Accepts <paramref name="token"/> as a valid access token too.</summary>
    public void AddValidToken(string token) => _validTokens[token] = 0;

    /// <summary>The first received message that matches (already received or still to come).</summary>
    public Task<FakeHaReceivedMessage> WaitForMessageAsync(Func<FakeHaReceivedMessage, bool> predicate) =>
        _messages.WaitAsync(predicate);

    /// <summary>Completes once TCP connection number <paramref name="number"/> (1-based) has been accepted.</summary>
    public Task WaitForConnectionAsync(int number) => _accepted.WaitAsync(n => n >= number);

    /// <summary>The next call_service received after this call.</summary>
    public Task<FakeServiceCall> NextServiceCallAsync() => _serviceCalls.WaitAsync(_ => true, _serviceCalls.Count);

    /// <summary>The first call_service that matches (already received or still to come).</summary>
    public Task<FakeServiceCall> WaitForServiceCallAsync(Func<FakeServiceCall, bool> predicate) =>
        _serviceCalls.WaitAsync(predicate);

    /// <summary>Stops listening and closes every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _shutdown.CancelAsync();
        _listener.Stop();
        ResumeInternal();
        foreach (var session in _sessions.Values)
        {
            session.Abort();
        }

        await _acceptLoop;
        await Task.WhenAll(_sessionTasks.Values);
        _shutdown.Dispose();
    }

    internal bool IsValidToken(string? token) => token is not null && _validTokens.ContainsKey(token);

    internal void Record(FakeHaReceivedMessage message) => _messages.Add(message);

    internal void Record(FakeServiceCall call) => _serviceCalls.Add(call);

    internal void RecordDisconnect(int connection, string reason) => _disconnects.Add((connection, reason));

    internal Func<JsonNode?>? FindResultOverride(string commandType) =>
        _resultOverrides.TryGetValue(commandType, out var result) ? result : null;

    internal void RunBeforeCommand(string commandType)
    {
        if (_beforeCommand.TryGetValue(commandType, out var action))
        {
            action();
        }
    }

    internal void CountCoalescedFrame() => Interlocked.Increment(ref _coalescedFrames);

    internal static JsonObject NewContext() => new()
    {
        ["id"] = Guid.NewGuid().ToString("N"),
        ["parent_id"] = null,
        ["user_id"] = null,
    };

    private async Task AcceptLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var number = Interlocked.Increment(ref _connectionCount);
            var session = new FakeHaSession(this, client, number);
            _sessions[number] = session;
            _sessionTasks[number] = RunSessionAsync(session, cancellationToken);
            _accepted.Add(number);
        }
    }

    private async Task RunSessionAsync(FakeHaSession session, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            await session.RunAsync(cancellationToken);
        }
        finally
        {
            lock (_gate)
            {
                _sessions.TryRemove(session.Number, out _);
            }

            session.Dispose();
        }
    }
}
