using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProofOfHeat.Host.Api.Access;
using ProofOfHeat.Host.Configuration;

namespace ProofOfHeat.Host.Tests.Api;

/// <summary>
/// Add-on mode: only requests from the ingress proxy's address count, with the user it names. The proxy is played
/// by a client whose connections come from 127.0.0.2; ordinary clients come from 127.0.0.1.
/// </summary>
public sealed class IngressAccessTests
{
    private static readonly IPAddress Proxy = IPAddress.Parse("127.0.0.2");
    private const string AdminUser = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
    private const string OtherUser = "0f0e0d0c0b0a09080706050403020100";

    [Fact]
    public async Task FromProxy_HaAdmin_MayChangeAnyState()
    {
        await using var brain = await StartAsync();
        using var proxy = brain.ClientFrom(Proxy);

        var response = await proxy.SendAsync(Put("/api/state/overrides/living", "{}", AdminUser, "owner"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task FromProxy_OtherHaUser_IsGuest_OnlyHaAdminsChangeThings()
    {
        await using var brain = await StartAsync();
        using var proxy = brain.ClientFrom(Proxy);

        var read = await proxy.SendAsync(Get("/api/status", OtherUser));
        var active = await proxy.SendAsync(Put("/api/state/heating/active_profile", "\"default\"", OtherUser, "kid"));
        var other = await proxy.SendAsync(Put("/api/state/overrides/living", "{}", OtherUser, "kid"));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, active.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("ha:kid is guest", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromProxy_ForeignHostHeader_IsServed_BecauseIngressPassesTheBrowsersHost()
    {
        await using var brain = await StartAsync();
        using var proxy = brain.ClientFrom(Proxy);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/status");
        request.Headers.Host = "homeassistant.local:8123";
        request.Headers.Add(ApiGate.UserIdHeader, OtherUser);

        var response = await proxy.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task IdentityHeaders_FromAnotherAddress_AreIgnored()
    {
        await using var brain = await StartAsync();

        var read = await brain.Client.SendAsync(Get("/api/status", AdminUser));
        var write = await brain.Client.SendAsync(Put("/api/state/overrides/living", "{}", AdminUser, "owner"));

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Contains("only Home Assistant ingress", await write.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BearerToken_InAddonMode_IsNotAWayIn()
    {
        var options = ApiAccessTests.Options();
        await using var brain = await RunningBrain.StartAsync(options, isAddon: true, UsersWithOneAdmin);

        var response = await ApiAccessTests.SendAsync(brain, HttpMethod.Get, "/api/status", "admin-token-0123456789");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task FromProxy_WithoutUser_IsRefused()
    {
        await using var brain = await StartAsync();
        using var proxy = brain.ClientFrom(Proxy);

        var response = await proxy.GetAsync(new Uri("/api/status", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Healthz_FromAnyAddress_Answers()
    {
        await using var brain = await StartAsync();

        var response = await brain.Client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AddonMode_ListensOnlyWhereTheProxyCanReach_NeverOnEveryInterface()
    {
        // The proxy 127.0.0.2 is on the loopback subnet, so the brain listens on loopback and nowhere else.
        await using var brain = await StartAsync();

        var url = new Uri(Assert.Single(brain.Urls));

        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(url.Host)), url.ToString());
    }

    private static Task<RunningBrain> StartAsync()
    {
        var options = new BrainOptions();
        options.Http.IngressProxy = Proxy.ToString();
        return RunningBrain.StartAsync(options, isAddon: true, UsersWithOneAdmin);
    }

    private static void UsersWithOneAdmin(IServiceCollection services)
    {
        services.RemoveAll<IHomeAssistantUsers>();
        services.AddSingleton<IHomeAssistantUsers>(new FakeHomeAssistantUsers(AdminUser));
    }

    private static HttpRequestMessage Get(string path, string userId)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(ApiGate.UserIdHeader, userId);
        return request;
    }

    private static HttpRequestMessage Put(string path, string body, string userId, string userName)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(ApiGate.UserIdHeader, userId);
        request.Headers.Add(ApiGate.UserNameHeader, userName);
        return request;
    }

    private sealed class FakeHomeAssistantUsers(string adminId) : IHomeAssistantUsers
    {
        public Task<bool?> IsAdminAsync(string userId, CancellationToken cancellationToken) => Task.FromResult<bool?>(userId == adminId);
    }
}
