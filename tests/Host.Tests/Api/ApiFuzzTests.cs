using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ProofOfHeat.Host.Api;
using Xunit.Abstractions;

namespace ProofOfHeat.Host.Tests.Api;

/// <summary>
/// The API under random and hostile requests for a bounded time (seeded, so a failure can be replayed): no answer
/// is a 5xx, the brain keeps answering, and memory stays bounded because bodies are capped.
/// </summary>
public sealed class ApiFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20261207;
    private const int Parallel = 4;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(8);
    private static readonly string[] Methods = ["GET", "PUT", "DELETE", "POST", "HEAD", "OPTIONS", "PATCH", "PROPFIND"];
    private static readonly string[] Segments =
    [
        "heating.profiles", "heating", "active_profile", "default", "overrides", "apps", "heating", "enabled", "state", "api",
        "..", "%2e%2e", "%00", "%2F", "a%2Fb", "%ZZ", "%", "%C0%AE", "ü", "%F0%9F%98%80", "%E2%80%AE", ";x", ".", "~", "a:b", "x y",
        new string('a', 129), new string('b', 3000), "%25", "%FF%FE",
    ];

    private static readonly string[] Tokens =
        ["", "guest-token-0123456789", "operator-token-0123456789", "admin-token-0123456789", "nope", new string('x', 10_000)];

    private static readonly string[] ContentTypes =
        ["application/json", "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/json; charset=latin1", "", "*/*"];

    [Fact]
    public async Task Fuzz_EveryEndpoint_NeverA5xxAndMemoryBounded()
    {
        await using var brain = await RunningBrain.StartAsync(ApiAccessTests.Options(), isAddon: false,
            services => services.AddSingleton<IAppControl, FakeAppControl>());
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Parallel })
        {
            BaseAddress = brain.Client.BaseAddress,
            Timeout = TimeSpan.FromSeconds(10),
        };
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();
        var clock = Stopwatch.StartNew();
        var sent = 0;

        await System.Threading.Tasks.Parallel.ForAsync(0, Parallel, async (worker, cancellationToken) =>
        {
            var random = new Random(Seed + worker);
            while (clock.Elapsed < Budget)
            {
                var (request, what) = RandomRequest(random);
                using (request)
                {
                    int status;
                    try
                    {
                        using var response = await client.SendAsync(request, cancellationToken);
                        status = (int)response.StatusCode;
                    }
                    catch (HttpRequestException)
                    {
                        // Kestrel closes the connection on a body it refused before the client finished sending it; that is no 5xx,
                        // and the final health check shows the brain is still there.
                        status = 0;
                    }

                    lock (failures)
                    {
                        sent++;
                        statuses[status] = statuses.GetValueOrDefault(status) + 1;
                        if (status >= 500)
                        {
                            failures.Add($"{status} for {what}");
                        }
                    }
                }
            }
        });

        foreach (var raw in HostileRawRequests())
        {
            var status = await SendRawAsync(new Uri(brain.Client.BaseAddress!.ToString()), raw);
            if (status >= 500)
            {
                failures.Add($"{status} for raw {raw.Split('\r')[0]}");
            }
        }

        var health = await brain.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
        var after = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"{sent} requests in {clock.Elapsed.TotalSeconds:F1} s; statuses: " +
            string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")) + $"; managed heap {before / 1024} → {after / 1024} KiB");
        Assert.Empty(failures);
        Assert.True(sent > 100, $"only {sent} requests were sent");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.True(after - before < 64L * 1024 * 1024, $"the managed heap grew by {(after - before) / 1024} KiB");
    }

    [Fact]
    public async Task BodyOverTheLimit_IsRefusedWith413()
    {
        await using var brain = await RunningBrain.StartAsync();
        // Over Kestrel's 128 KiB limit, small enough that the client has sent it all before the answer comes.
        var body = new StringContent("[" + new string('1', 200 * 1024) + "]", Encoding.UTF8, "application/json");

        var response = await brain.Client.PutAsync(new Uri("/api/state/big/one", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task ChunkedBodyOverTheLimit_IsRefusedWith413()
    {
        await using var brain = await RunningBrain.StartAsync();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("[\"" + new string('x', 200 * 1024) + "\"]"));
        var body = new StreamContent(stream);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/state/big/chunked") { Content = body };
        request.Headers.TransferEncodingChunked = true;

        var response = await brain.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("error", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeepJson_Returns400()
    {
        await using var brain = await RunningBrain.StartAsync();
        var body = new StringContent(new string('[', 10_000) + new string(']', 10_000), Encoding.UTF8, "application/json");

        var response = await brain.Client.PutAsync(new Uri("/api/state/deep/one", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static (HttpRequestMessage Request, string What) RandomRequest(Random random)
    {
        var method = new HttpMethod(Pick(random, Methods));
        // A leading "//" or "\\" would name another host; the raw requests below cover what HttpClient cannot send.
        var path = "/" + RandomPath(random).TrimStart('/', '\\');
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        var token = Pick(random, Tokens);
        if (token.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Authorization", random.Next(4) == 0 ? $"Basic {token}" : $"Bearer {token}");
        }

        if (random.Next(6) == 0)
        {
            request.Headers.Host = Pick(random, ["evil.example", "poh.lan", "localhost", "127.0.0.1:1", "[::1]"]);
        }

        if (random.Next(5) == 0)
        {
            request.Headers.TryAddWithoutValidation("X-Remote-User-Id", Pick(random, ["admin", "", "%FF", new string('u', 500)]));
        }

        if (method != HttpMethod.Get && method != HttpMethod.Head && random.Next(4) != 0)
        {
            var content = new ByteArrayContent(RandomBody(random));
            var type = Pick(random, ContentTypes);
            if (type.Length > 0)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", type);
            }

            request.Content = content;
        }

        return (request, $"{method} {path} (token {(token.Length > 20 ? "long" : token)}, {request.Content?.Headers.ContentLength ?? 0} bytes)");
    }

    private static string RandomPath(Random random)
    {
        string Segment() => random.Next(3) == 0 ? Pick(random, Segments) : RandomText(random, random.Next(1, 12));
        return random.Next(9) switch
        {
            0 => "/healthz",
            1 => "/api/status",
            2 => "/api/apps",
            3 => $"/api/apps/{Pick(random, ["heating", "miners", Segment()])}/enabled",
            4 => $"/api/state/{Pick(random, ["heating.profiles", "overrides", Segment()])}/{Segment()}",
            5 => "/api/state/heating/active_profile",
            6 => "/" + string.Join('/', Enumerable.Range(0, random.Next(0, 7)).Select(_ => Segment())),
            7 => $"/api/audit?since={Uri.EscapeDataString(Pick(random, ["7d", "2026-12-07T10:00:00Z", Segment()]))}&limit={Uri.EscapeDataString(Pick(random, ["1", "1000", "-1", Segment()]))}",
            _ => $"/api/state/heating.profiles/{Pick(random, ["default", "home", Segment()])}",
        };
    }

    private static byte[] RandomBody(Random random) => random.Next(10) switch
    {
        0 => Encoding.UTF8.GetBytes(StateValidationTests.Profile(comfort: random.Next(-50, 60))),
        1 => Encoding.UTF8.GetBytes(new string('[', random.Next(1, 5000))),
        2 => Encoding.UTF8.GetBytes("{\"enabled\": " + Pick(random, ["true", "false", "1", "\"no\"", "null"]) + "}"),
        3 => [.. Enumerable.Range(0, random.Next(1, 300)).Select(_ => (byte)random.Next(256))],
        4 => Encoding.UTF8.GetBytes("\"" + new string('x', random.Next(60_000, 300_000)) + "\""),
        5 => [],
        6 => Encoding.UTF8.GetBytes("\"" + Pick(random, ["default", "", "home"]) + "\""),
        _ => Encoding.UTF8.GetBytes(RandomJson(random, random.Next(0, 6))),
    };

    private static string RandomJson(Random random, int depth)
    {
        if (depth == 0)
        {
            return random.Next(6) switch
            {
                0 => random.Next(-100, 100).ToString(System.Globalization.CultureInfo.InvariantCulture),
                1 => "1e308",
                2 => "null",
                3 => "true",
                4 => "\"" + RandomText(random, random.Next(0, 20)).Replace("\\", "", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal) + "\"",
                _ => "-0.5",
            };
        }

        var count = random.Next(0, 5);
        if (random.Next(2) == 0)
        {
            return "[" + string.Join(',', Enumerable.Range(0, count).Select(_ => RandomJson(random, depth - 1))) + "]";
        }

        var keys = new[] { "name", "presets", "comfort", "eco", "boost", "schedule", "days", "from", "to", "preset", "exceptions", "date", "default_preset", "x" };
        return "{" + string.Join(',', Enumerable.Range(0, count).Select(_ => $"\"{Pick(random, keys)}\": {RandomJson(random, depth - 1)}")) + "}";
    }

    private static string RandomText(Random random, int length) =>
        new([.. Enumerable.Range(0, length).Select(_ => (char)Pick<int>(random, [random.Next(0x21, 0x7f), random.Next(0xa0, 0x2000), '-', '_', '.']))]);

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static IEnumerable<string> HostileRawRequests() =>
    [
        "GET /api/state/%00/x HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "GET /../../../etc/passwd HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        "GET /api/status HTTP/1.0\r\n\r\n",
        "GET /api/status HTTP/1.1\r\nHost: \r\n\r\n",
        "GARBAGE\r\n\r\n",
        "PUT /api/state/a/b HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -5\r\n\r\n",
        "PUT /api/state/a/b HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "GET /api/status HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + new string('h', 70_000) + "\r\n\r\n",
        "GET /\u00ff\u00fe HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    ];

    private static async Task<int> SendRawAsync(Uri address, string request)
    {
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(address.Host, address.Port);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        try
        {
            await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        }
        catch (IOException)
        {
            // The server may close before it has read everything (an oversized header): it answered first or not at all.
        }

        var buffer = new byte[64];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var read = await stream.ReadAsync(buffer, timeout.Token);
        var line = Encoding.ASCII.GetString(buffer, 0, read);
        return line.StartsWith("HTTP/1.", StringComparison.Ordinal) && line.Length >= 12 ? int.Parse(line.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture) : 0;
    }
}
