using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace ProofOfHeat.TestKit.HomeAssistant;

/// <summary>
/// The add-on Supervisor's services API on loopback, from supervisor/api/services.py and api/utils.py: a bad token
/// gets 401; <c>GET /services/{name}</c> answers <c>{"result":"ok","data":{…}}</c>, or status 400 with
/// <c>{"result":"error","message":"Service not enabled"}</c> when no add-on provides the service; an unknown service
/// gets 404. One request per TCP connection (<c>Connection: close</c>), which is all HttpClient needs.
/// </summary>
public sealed class FakeSupervisor : IAsyncDisposable
{
    /// <summary>The token accepted as <c>Authorization: Bearer …</c> or <c>X-Supervisor-Token</c>.</summary>
    public const string ValidToken = "fake-supervisor-token";

    private static readonly string[] KnownServices = ["mqtt", "mysql"];

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Task _acceptLoop;
    private readonly ConcurrentQueue<FakeHttpRequest> _requests = new();
    private readonly ConcurrentDictionary<string, object> _services = new(StringComparer.Ordinal);

    /// <summary>Starts listening on a free loopback port.</summary>
    public FakeSupervisor()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        BaseUri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _acceptLoop = AcceptLoopAsync(_shutdown.Token);
    }

    /// <summary>Where the Supervisor API is (stands in for <c>http://supervisor/</c>).</summary>
    public Uri BaseUri { get; }

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<FakeHttpRequest> Requests => [.. _requests];

    /// <summary>
    /// When set, every request gets this status and JSON body instead: a proxy error page, a 500, or a scripted answer
    /// of HA's REST API, which add-ons reach through the Supervisor at <c>/core/api/</c>.
    /// </summary>
    public (int Status, string Body)? ForcedReply { get; set; }

    /// <summary>Makes an add-on provide <paramref name="service"/> with <paramref name="data"/> (serialised as JSON).</summary>
    public void ProvideService(string service, object data) => _services[service] = data;

    /// <summary>The providing add-on went away: the service answers "Service not enabled" again.</summary>
    public void RemoveService(string service) => _services.TryRemove(service, out _);

    /// <summary>Stops listening.</summary>
    public async ValueTask DisposeAsync()
    {
        await _shutdown.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        _shutdown.Dispose();
    }

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

            // One request at a time is plenty for tests and keeps the request log in order.
            using (client)
            {
                try
                {
                    await ServeAsync(client.GetStream(), cancellationToken);
                }
                catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
                {
                    // The client went away.
                }
            }
        }
    }

    private async Task ServeAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var head = await FakeHttpRequest.ReadAsync(stream, cancellationToken);
        _requests.Enqueue(head);
        var (status, body) = ForcedReply ?? Answer(head);
        var payload = Encoding.UTF8.GetBytes(body);
        var reply = $"HTTP/1.1 {status} {ReasonPhrase(status)}\r\nContent-Type: application/json\r\n" +
            $"Content-Length: {payload.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(reply), cancellationToken);
        await stream.WriteAsync(payload, cancellationToken);
    }

    private (int Status, string Body) Answer(FakeHttpRequest request)
    {
        var token = request.Header("X-Supervisor-Token")
            ?? request.Header("Authorization")?.Split(' ')[^1];
        if (token != ValidToken)
        {
            return (401, "401: Unauthorized");
        }

        const string prefix = "/services/";
        if (request.Method != "GET" || !request.Path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return (404, Error("Not found"));
        }

        var name = request.Path[prefix.Length..];
        if (!KnownServices.Contains(name))
        {
            return (404, Error("Service does not exist"));
        }

        return _services.TryGetValue(name, out var data)
            ? (200, JsonSerializer.Serialize(new { result = "ok", data }))
            : (400, Error("Service not enabled"));
    }

    private static string Error(string message) => JsonSerializer.Serialize(new { result = "error", message });

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        _ => "Error",
    };
}
