using System.Collections.Concurrent;
using System.Text.Json;

namespace ProofOfHeat.TestKit.QuestDb;

/// <summary>
/// A strict QuestDB fake on a free loopback port, from QuestDB's documentation (questdb/documentation, connect/compatibility/ilp/): <c>POST /write</c> and
/// <c>/api/v2/write</c> (ILP over HTTP: 204, or 400 with <c>{"code","message","line","errorId"}</c> and nothing
/// committed), <c>GET /ping</c>, <c>GET /exec?query=CREATE TABLE …</c> (designated timestamp, <c>DEDUP UPSERT
/// KEYS</c> that must include it), and scripted faults (500/503, a dropped connection before or after the commit).
/// </summary>
public sealed partial class FakeQuestDb : IAsyncDisposable
{
    private readonly FakeHttpServer _server;
    private readonly ConcurrentQueue<FakeQuestDbFault> _faults = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FakeQuestDbTable> _tables = new(StringComparer.Ordinal);
    private readonly List<string> _receivedBodies = [];
    private long _errorIds;
    private long _requests;

    private FakeQuestDb()
    {
        _server = new FakeHttpServer(Serve);
    }

    /// <summary>The port it listens on.</summary>
    public int Port => _server.Port;

    /// <summary>Its base address.</summary>
    public Uri Address => new($"http://127.0.0.1:{Port}/");

    /// <summary>While true, every write and DDL request is dropped (the server is unreachable in effect).</summary>
    public bool IsDown { get; set; }

    /// <summary>Write requests received (including failed and dropped ones).</summary>
    public int WriteRequests { get; private set; }

    /// <summary>Requests of any kind received (writes, DDL, pings).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Requests answered 400.</summary>
    public int BadRequests { get; private set; }

    /// <summary>Starts a fake on a free loopback port.</summary>
    public static FakeQuestDb Start() => new();

    /// <summary>Queues a fault for the next write request.</summary>
    public void FailNext(FakeQuestDbFault fault) => _faults.Enqueue(fault);

    /// <summary>The table, or null.</summary>
    public FakeQuestDbTable? Table(string name)
    {
        lock (_gate)
        {
            return _tables.GetValueOrDefault(name);
        }
    }

    /// <summary>The bodies of the write requests, in order.</summary>
    public IReadOnlyList<string> ReceivedBodies
    {
        get
        {
            lock (_gate)
            {
                return [.. _receivedBodies];
            }
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private FakeHttpResponse Serve(FakeHttpRequest request)
    {
        Interlocked.Increment(ref _requests);
        return Route(request);
    }

    private FakeHttpResponse Route(FakeHttpRequest request) => (request.Method, request.Path) switch
    {
        ("GET", "/ping") => new FakeHttpResponse(204, null),
        ("POST", "/write") or ("POST", "/api/v2/write") => ServeWrite(request),
        ("GET", "/exec") => ServeExec(request),
        (_, "/write") or (_, "/api/v2/write") => new FakeHttpResponse(404, Error("invalid", "method not supported", null)),
        _ => new FakeHttpResponse(404, Error("invalid", "not found", null)),
    };

    private string Error(string code, string message, int? line) =>
        JsonSerializer.Serialize(line is null
            ? new Dictionary<string, object> { ["code"] = code, ["message"] = message, ["errorId"] = NextErrorId() }
            : new Dictionary<string, object> { ["code"] = code, ["message"] = message, ["line"] = line.Value, ["errorId"] = NextErrorId() });

    private string NextErrorId() => $"fa4e-{Interlocked.Increment(ref _errorIds)}";

}
