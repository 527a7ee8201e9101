using System.Net;
using System.Net.Sockets;

namespace ProofOfHeat.Page.Tests;

/// <summary>
/// Home Assistant's ingress path played on loopback: the browser asks for <c>/api/hassio_ingress/&lt;token&gt;/PATH</c>;
/// the proxy drops the client's own <c>X-Remote-User-*</c> and <c>X-Ingress-Path</c> headers, adds the signed-in
/// user's and the prefix (as Core and the Supervisor do: home-assistant/core
/// <c>homeassistant/components/hassio/ingress.py</c>, home-assistant/supervisor <c>supervisor/api/ingress.py</c>
/// <c>_init_header</c>), and forwards <c>/PATH</c> to the brain from <see cref="PageBrain.ProxyAddress"/>.
/// </summary>
internal sealed class FakeIngressProxy : IAsyncDisposable
{
    /// <summary>The ingress session's token in the path.</summary>
    public const string Token = "Xk3v9QpL2m8ZrT1wYb7cNd4eFg6hJs0a";

    private static readonly string[] Dropped = ["Host", "Connection", "Keep-Alive", "Transfer-Encoding", "Content-Length", "Content-Type",
        "X-Ingress-Path", "X-Remote-User-Id", "X-Remote-User-Name", "X-Remote-User-Display-Name"];

    private readonly HttpListener _listener = new();
    private readonly HttpClient _client;
    private readonly Uri _brain;
    private readonly Task _loop;
    private readonly List<Task> _handlers = [];

    public FakeIngressProxy(Uri brain, string userId, string userName)
    {
        _brain = brain;
        UserId = userId;
        UserName = userName;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(PageBrain.ProxyAddress, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        Port = StartListener();
        _loop = Task.Run(AcceptAsync);
    }

    /// <summary>The prefix the browser sees, as Core sends it in <c>X-Ingress-Path</c>.</summary>
    public static string Prefix => "/api/hassio_ingress/" + Token;

    /// <summary>The port the proxy listens on.</summary>
    public int Port { get; }

    /// <summary>The page's address through ingress (the panel's iframe URL ends in a slash).</summary>
    public Uri PageUri => new($"http://127.0.0.1:{Port}{Prefix}/");

    /// <summary>The signed-in HA user's id.</summary>
    public string UserId { get; }

    /// <summary>The signed-in HA user's login name.</summary>
    public string UserName { get; }

    /// <summary>Every path the browser asked for, in order.</summary>
    public List<string> Requested { get; } = [];

    private int StartListener()
    {
        for (var attempt = 0; ; attempt++)
        {
            // HttpListener takes a prefix, not port 0: try a free port, and another when it was taken meanwhile.
            var port = ProofOfHeat.TestKit.Net.LoopbackPort.Unused();
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                _listener.Start();
                return port;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }
    }

    private async Task AcceptAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            lock (_handlers)
            {
                _handlers.Add(HandleAsync(context));
            }
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var raw = context.Request.RawUrl ?? "/";
        lock (Requested)
        {
            Requested.Add(raw);
        }

        try
        {
            if (!raw.StartsWith(Prefix + "/", StringComparison.Ordinal))
            {
                context.Response.StatusCode = 404;
                return;
            }

            using var request = new HttpRequestMessage(new HttpMethod(context.Request.HttpMethod), new Uri(_brain, raw[Prefix.Length..]));
            foreach (var name in context.Request.Headers.AllKeys.OfType<string>().Where(n => !Dropped.Contains(n, StringComparer.OrdinalIgnoreCase)))
            {
                request.Headers.TryAddWithoutValidation(name, context.Request.Headers.GetValues(name) ?? []);
            }

            if (context.Request.HasEntityBody)
            {
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                request.Content = new ByteArrayContent(body.ToArray());
                if (context.Request.ContentType is { } type)
                {
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
                }
            }

            request.Headers.Host = context.Request.UserHostName;
            request.Headers.Add("X-Ingress-Path", Prefix);
            request.Headers.Add("X-Remote-User-Id", UserId);
            request.Headers.Add("X-Remote-User-Name", UserName);
            using var response = await _client.SendAsync(request);
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var header in response.Headers.Concat(response.Content.Headers)
                .Where(h => !Dropped.Contains(h.Key, StringComparer.OrdinalIgnoreCase)))
            {
                context.Response.Headers[header.Key] = string.Join(", ", header.Value);
            }

            context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
            var bytes = await response.Content.ReadAsByteArrayAsync();
            context.Response.ContentLength64 = bytes.Length;
            if (bytes.Length > 0)
            {
                await context.Response.OutputStream.WriteAsync(bytes);
            }
        }
        catch (HttpRequestException)
        {
            context.Response.StatusCode = 502;
        }
        finally
        {
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
        Task[] handlers;
        lock (_handlers)
        {
            handlers = [.. _handlers];
        }

        await Task.WhenAll(handlers).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        _client.Dispose();
    }
}
