using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace ProofOfHeat.TestKit.Telegram;

/// <summary>
/// A strict Telegram Bot API server on loopback, written from the Bot API docs and the official server
/// (https://core.telegram.org/bots/api and tdlib/telegram-bot-api Client.cpp, Query.cpp), not from our client:
/// <c>/bot&lt;token&gt;/&lt;method&gt;</c> with case-insensitive method names, GET or POST with query, JSON, form or empty
/// bodies; the <c>{ok,result}</c> / <c>{ok:false,error_code,description,parameters}</c> envelope with the HTTP status
/// equal to the error code; getUpdates long polling with <c>timeout</c> clamped to [0, 50] and 409 for the older of two
/// pollers; 429 with <c>retry_after</c> on demand; and the 4096-character text, 64-byte callback data and 200-character
/// answer limits.
/// </summary>
public sealed partial class FakeTelegramBotApi : IAsyncDisposable
{
    /// <summary>The token the fake accepts unless the test gives another (Telegram.Bot wants digits before the colon).</summary>
    public const string DefaultToken = "123456:TEST-fake-token";

    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Task _acceptLoop;
    private readonly ConcurrentDictionary<Task, byte> _handlers = new();
    private readonly string _token;

    /// <summary>Starts on a free loopback port.</summary>
    public FakeTelegramBotApi(string token = DefaultToken)
    {
        _token = token;
        var port = 0;
        for (var attempt = 0; ; attempt++)
        {
            port = FreePort();
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }

        BaseUrl = new Uri($"http://127.0.0.1:{port}");
        _acceptLoop = AcceptLoopAsync();
    }

    /// <summary>Where clients point (Telegram.Bot keeps only scheme and authority of its baseUrl).</summary>
    public Uri BaseUrl { get; }

    /// <summary>Every request, in arrival order.</summary>
    public FakeTelegramLog<FakeTelegramRequest> Requests { get; } = new();

    /// <summary>Every message the bot sent.</summary>
    public FakeTelegramLog<FakeTelegramMessage> SentMessages { get; } = new();

    /// <summary>Every callback query answered.</summary>
    public FakeTelegramLog<FakeTelegramCallbackAnswer> CallbackAnswers { get; } = new();

    /// <summary>Every error the fake answered (code and description), for tests that check the client saw it.</summary>
    public FakeTelegramLog<(int Code, string Description)> Errors { get; } = new();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _shutdown.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _acceptLoop;
        }
        catch (Exception ex) when (ex is ObjectDisposedException or HttpListenerException or OperationCanceledException)
        {
        }

        await Task.WhenAll(_handlers.Keys).WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        _shutdown.Dispose();
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task AcceptLoopAsync()
    {
        while (!_shutdown.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is ObjectDisposedException or HttpListenerException or InvalidOperationException)
            {
                return;
            }

            var handler = Task.Run(() => HandleAsync(context));
            _handlers[handler] = 0;
            _ = handler.ContinueWith(t => _handlers.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        FakeTelegramReply reply;
        try
        {
            reply = await RouteAsync(context.Request);
        }
        catch (FormatException ex)
        {
            reply = FakeTelegramReply.Error(400, "Bad Request: " + ex.Message);
        }
        catch (OperationCanceledException)
        {
            reply = FakeTelegramReply.Error(500, "Internal Server Error: shutting down");
        }

        if (reply.Status != 200)
        {
            Errors.Add((reply.Status, reply.Body["description"]!.GetValue<string>()));
        }

        try
        {
            var bytes = Encoding.UTF8.GetBytes(reply.Body.ToJsonString());
            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client went away (a cancelled long poll): nothing to answer.
        }
    }

    private async Task<FakeTelegramReply> RouteAsync(HttpListenerRequest request)
    {
        var path = request.Url!.AbsolutePath;
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !parts[0].StartsWith("bot", StringComparison.Ordinal))
        {
            return FakeTelegramReply.Error(404, "Not Found");
        }

        var token = parts[0][3..];
        // SRV ClientManager::send: a token needs ':', must not start with '0', has no '/', and is at most 80 chars.
        if (!token.Contains(':', StringComparison.Ordinal) || token.StartsWith('0') || token.Length > 80)
        {
            return FakeTelegramReply.Error(401, "Unauthorized: invalid token specified");
        }

        if (token != _token)
        {
            return FakeTelegramReply.Error(401, "Unauthorized");
        }

        if (request.HttpMethod is not ("GET" or "POST"))
        {
            return FakeTelegramReply.Error(405, "Method Not Allowed");
        }

        var parameters = await FakeTelegramParameters.ReadAsync(request);
        var method = parts[1];
        Requests.Add(new FakeTelegramRequest(request.HttpMethod, method, request.ContentType, parameters));
        // SRV registers lowercase method names and lowercases the one asked for.
        var name = method.ToLowerInvariant();
        if (TakeInjectedError(name) is { } injected)
        {
            return injected;
        }

        return name switch
        {
            "getme" => FakeTelegramReply.Ok(BotUser()),
            "deletewebhook" => FakeTelegramReply.Ok(true),
            "setmycommands" => SetMyCommands(parameters),
            "getupdates" => await GetUpdatesAsync(parameters),
            "sendmessage" => SendMessage(parameters),
            "answercallbackquery" => AnswerCallbackQuery(parameters),
            "deletemessage" => DeleteMessage(parameters),
            "editmessagetext" => EditMessageText(parameters),
            _ => FakeTelegramReply.Error(404, "Not Found: method not found"),
        };
    }

    private static JsonObject BotUser() => new()
    {
        ["id"] = 123456,
        ["is_bot"] = true,
        ["first_name"] = "PoH fake bot",
        ["username"] = "poh_fake_bot",
    };
}
