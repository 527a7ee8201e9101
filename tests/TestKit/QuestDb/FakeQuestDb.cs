using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using ProofOfHeat.TestKit.Net;

namespace ProofOfHeat.TestKit.QuestDb;

/// <summary>
/// A strict QuestDB fake on a free loopback port, from research/questdb-ilp.md: <c>POST /write</c> and
/// <c>/api/v2/write</c> (ILP over HTTP: 204, or 400 with <c>{"code","message","line","errorId"}</c> and nothing
/// committed), <c>GET /ping</c>, <c>GET /exec?query=CREATE TABLE …</c> (designated timestamp, <c>DEDUP UPSERT
/// KEYS</c> that must include it), and scripted faults (500/503, a dropped connection before or after the commit).
/// </summary>
public sealed partial class FakeQuestDb : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<FakeQuestDbFault> _faults = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FakeQuestDbTable> _tables = new(StringComparer.Ordinal);
    private readonly List<string> _receivedBodies = [];
    private readonly Task _serving;
    private long _errorIds;

    private FakeQuestDb(int port)
    {
        Port = port;
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>Its base address.</summary>
    public Uri Address => new($"http://127.0.0.1:{Port}/");

    /// <summary>While true, every write and DDL request is dropped (the server is unreachable in effect).</summary>
    public bool IsDown { get; set; }

    /// <summary>Write requests received (including failed and dropped ones).</summary>
    public int WriteRequests { get; private set; }

    /// <summary>Requests answered 400.</summary>
    public int BadRequests { get; private set; }

    /// <summary>Starts a fake on a free loopback port.</summary>
    public static FakeQuestDb Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FakeQuestDb(LoopbackPort.Unused());
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Another process took the port in between: pick another.
            }
        }
    }

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
    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _serving.ConfigureAwait(false);
        }
        catch (HttpListenerException)
        {
            // Stopped.
        }
        catch (ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                Serve(context);
            }
            catch (Exception error) when (error is HttpListenerException or IOException or ObjectDisposedException)
            {
                // The client went away.
            }
        }
    }

    private void Serve(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url!.AbsolutePath;
        switch (request.HttpMethod, path)
        {
            case ("GET", "/ping"):
                context.Response.Headers["X-Influxdb-Version"] = "v2.2.2";
                Answer(context, 204, null);
                break;
            case ("POST", "/write") or ("POST", "/api/v2/write"):
                ServeWrite(context);
                break;
            case ("GET", "/exec"):
                ServeExec(context);
                break;
            case (_, "/write") or (_, "/api/v2/write"):
                Answer(context, 404, Error("invalid", "method not supported", null));
                break;
            default:
                Answer(context, 404, Error("invalid", "not found", null));
                break;
        }
    }

    private string Error(string code, string message, int? line) =>
        JsonSerializer.Serialize(line is null
            ? new Dictionary<string, object> { ["code"] = code, ["message"] = message, ["errorId"] = NextErrorId() }
            : new Dictionary<string, object> { ["code"] = code, ["message"] = message, ["line"] = line.Value, ["errorId"] = NextErrorId() });

    private string NextErrorId() => $"fa4e-{Interlocked.Increment(ref _errorIds)}";

    private static void Answer(HttpListenerContext context, int status, string? json)
    {
        context.Response.StatusCode = status;
        if (json is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength64 = bytes.Length;
            context.Response.OutputStream.Write(bytes);
        }

        context.Response.Close();
    }
}
