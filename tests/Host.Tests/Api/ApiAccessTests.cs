using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProofOfHeat.Host.Api.Access;
using ProofOfHeat.Host.Configuration;
using ProofOfHeat.TestKit.Logging;

namespace ProofOfHeat.Host.Tests.Api;

/// <summary>Standalone mode with tokens: who may read, who may change what, and the Host check.</summary>
public sealed class ApiAccessTests
{
    private const string GuestToken = "guest-token-0123456789";
    private const string OperatorToken = "operator-token-0123456789";
    private const string AdminToken = "admin-token-0123456789";
    private const string Profile = """
        {"name": "default", "presets": {"comfort": 21, "eco": 18.5, "away": 16, "antifreeze": 7, "boost": 23},
         "default_preset": "eco", "schedule": [{"days": "weekdays", "from": "06:30", "to": "22:30", "preset": "comfort"}]}
        """;

    [Fact]
    public async Task Status_WithoutToken_Returns401WithBearerChallenge()
    {
        await using var brain = await StartAsync();

        var response = await brain.Client.GetAsync(new Uri("/api/status", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer realm=\"poh\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("Bearer not-the-token-at-all")]
    [InlineData("Basic YWRtaW46YWRtaW4=")]
    [InlineData("Bearer")]
    public async Task Status_BadCredentials_Returns401InvalidToken(string authorization)
    {
        await using var brain = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/status");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        var response = await brain.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_WithoutToken_Returns200()
    {
        await using var brain = await StartAsync();

        var response = await brain.Client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"ok"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Guest_Reads_ButMayNotChangeProfilesOrSwitches()
    {
        await using var brain = await StartAsync(services => services.AddSingleton<Host.Api.IAppControl, FakeAppControl>());

        var read = await SendAsync(brain, HttpMethod.Get, "/api/apps", GuestToken);
        var profile = await SendAsync(brain, HttpMethod.Put, "/api/state/heating.profiles/away", GuestToken, Profile.Replace("\"default\"", "\"away\"", StringComparison.Ordinal));
        var app = await SendAsync(brain, HttpMethod.Put, "/api/apps/heating/enabled", GuestToken, """{"enabled": false}""");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, profile.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, app.StatusCode);
        Assert.Contains("needs the operator role; token:tablet is guest", await profile.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(brain, HttpMethod.Get, "/api/state/heating.profiles/away", GuestToken)).StatusCode);
    }

    [Fact]
    public async Task Operator_ChangesProfilesAndSwitches_ButNotOtherState()
    {
        await using var brain = await StartAsync(services => services.AddSingleton<Host.Api.IAppControl, FakeAppControl>());

        var profile = await SendAsync(brain, HttpMethod.Put, "/api/state/heating.profiles/default", OperatorToken, Profile);
        var active = await SendAsync(brain, HttpMethod.Put, "/api/state/heating/active_profile", OperatorToken, "\"default\"");
        var app = await SendAsync(brain, HttpMethod.Put, "/api/apps/heating/enabled", OperatorToken, """{"enabled": false}""");
        var other = await SendAsync(brain, HttpMethod.Put, "/api/state/overrides/living", OperatorToken, "{}");
        var delete = await SendAsync(brain, HttpMethod.Delete, "/api/state/overrides/living", OperatorToken);

        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        Assert.Equal(HttpStatusCode.OK, app.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
    }

    [Fact]
    public async Task Admin_ChangesAnyState()
    {
        await using var brain = await StartAsync();

        var put = await SendAsync(brain, HttpMethod.Put, "/api/state/overrides/living", AdminToken, """{"target": 22}""");
        var delete = await SendAsync(brain, HttpMethod.Delete, "/api/state/overrides/living", AdminToken);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
    }

    [Fact]
    public async Task Token_GivenAsSha256_IsAccepted()
    {
        var options = Options();
        options.Http.Tokens = [new HttpTokenOptions { Name = "hashed", Role = ApiRole.Guest, Sha256 = ApiTokenHash.Of("hashed-token-0123456789") }];
        await using var brain = await RunningBrain.StartAsync(options, isAddon: false);

        var response = await SendAsync(brain, HttpMethod.Get, "/api/status", "hashed-token-0123456789");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("127.0.0.1.nip.io")]
    [InlineData("localhost.evil.example")]
    public async Task ForeignHost_IsRefusedWith421_EvenWithAValidToken(string host)
    {
        await using var brain = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/status");
        request.Headers.Host = host;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);

        var response = await brain.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MisdirectedRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("poh.lan")]
    [InlineData("POH.LAN:8099")]
    [InlineData("localhost:1234")]
    public async Task ConfiguredOrLoopbackHost_IsServed(string host)
    {
        await using var brain = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/status");
        request.Headers.Host = host;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", GuestToken);

        var response = await brain.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Changes_AreAuditedWithWhoWhatAndCorrelationId()
    {
        var logs = new CapturingLoggerProvider();
        await using var brain = await StartAsync(services => services.AddSingleton<ILoggerProvider>(logs));

        var put = await SendAsync(brain, HttpMethod.Put, "/api/state/overrides/living", AdminToken, "{}");
        var refused = await SendAsync(brain, HttpMethod.Put, "/api/state/overrides/living", GuestToken, "{}");

        var id = Assert.Single(put.Headers.GetValues("X-Correlation-Id"));
        var change = Assert.Single(logs.Lines, l => l.Category == "ProofOfHeat.Audit.Api" && l.Level == LogLevel.Information);
        Assert.Equal($"API change by token:owner: PUT /api/state/overrides/living answered 200 [{id}]", change.Message);
        var refusal = Assert.Single(logs.Lines, l => l.Category == "ProofOfHeat.Audit.Api" && l.Level == LogLevel.Warning);
        Assert.Contains($"403, this needs the admin role; token:tablet is guest [{Assert.Single(refused.Headers.GetValues("X-Correlation-Id"))}]",
            refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Lines, l => l.Message.Contains(AdminToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoTokensConfigured_LoopbackCallerIsAdmin()
    {
        await using var brain = await RunningBrain.StartAsync();

        var response = await brain.Client.PutAsync(new Uri("/api/state/anything/at-all", UriKind.Relative), Json("1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    internal static BrainOptions Options()
    {
        var options = new BrainOptions();
        options.Http.Hosts = ["poh.lan"];
        options.Http.Tokens =
        [
            new HttpTokenOptions { Name = "tablet", Role = ApiRole.Guest, Token = GuestToken },
            new HttpTokenOptions { Name = "family", Role = ApiRole.Operator, Token = OperatorToken },
            new HttpTokenOptions { Name = "owner", Role = ApiRole.Admin, Token = AdminToken },
        ];
        return options;
    }

    internal static Task<HttpResponseMessage> SendAsync(RunningBrain brain, HttpMethod method, string path, string token, string? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : Json(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return brain.Client.SendAsync(request);
    }

    private static Task<RunningBrain> StartAsync(Action<IServiceCollection>? configureServices = null) =>
        RunningBrain.StartAsync(Options(), isAddon: false, configureServices);

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
