using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProofOfHeat.Host.Api;

namespace ProofOfHeat.Host.Tests.Api;

public sealed class BrainApiTests
{
    [Fact]
    public async Task Healthz_HostRunning_Returns200Ok()
    {
        await using var brain = await RunningBrain.StartAsync();

        var response = await brain.Client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Status_WithContributors_HasOneSectionEach()
    {
        await using var brain = await RunningBrain.StartAsync(services =>
        {
            services.AddSingleton<IStatusContributor>(new Contributor("demo", () => new { zones = 3 }));
            services.AddSingleton<IStatusContributor>(new Contributor("broken", () => throw new InvalidOperationException("boom")));
        });

        var status = await brain.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/status", UriKind.Relative));

        Assert.Equal("demo", status.GetProperty("host").GetProperty("mode").GetString());
        Assert.Equal(3, status.GetProperty("demo").GetProperty("zones").GetInt32());
        Assert.Equal("boom", status.GetProperty("broken").GetProperty("error").GetString());
    }

    [Fact]
    public async Task State_PutThenGet_ReturnsSameJson()
    {
        await using var brain = await RunningBrain.StartAsync();

        var put = await brain.Client.PutAsync(new Uri("/api/state/overrides/living", UriKind.Relative), Json("""{"target": 22.5, "until": "18:00"}"""));
        var get = await brain.Client.GetAsync(new Uri("/api/state/overrides/living", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var body = await get.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(22.5, body.GetProperty("target").GetDouble());
        Assert.Equal("18:00", body.GetProperty("until").GetString());
    }

    [Fact]
    public async Task State_GetUnknown_Returns404()
    {
        await using var brain = await RunningBrain.StartAsync();

        var response = await brain.Client.GetAsync(new Uri("/api/state/ns/absent", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task State_PutInvalidJson_Returns400WithReason()
    {
        await using var brain = await RunningBrain.StartAsync();

        var response = await brain.Client.PutAsync(new Uri("/api/state/ns/key", UriKind.Relative), Json("{not json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
        Assert.StartsWith("the body is not valid JSON", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task State_PutInvalidKey_Returns400()
    {
        await using var brain = await RunningBrain.StartAsync();

        var response = await brain.Client.PutAsync(new Uri("/api/state/ns/bad%20key", UriKind.Relative), Json("1"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("key `bad key` is not valid", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apps_NoAppControl_Returns503()
    {
        await using var brain = await RunningBrain.StartAsync(services => services.RemoveAll<IAppControl>());

        var list = await brain.Client.GetAsync(new Uri("/api/apps", UriKind.Relative));
        var set = await brain.Client.PutAsync(new Uri("/api/apps/heating/enabled", UriKind.Relative), Json("""{"enabled": false}"""));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, list.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, set.StatusCode);
        Assert.Contains("apps not available", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apps_SetEnabled_SwitchesTheApp()
    {
        await using var brain = await RunningBrain.StartAsync(services => services.AddSingleton<IAppControl, FakeAppControl>());

        var set = await brain.Client.PutAsync(new Uri("/api/apps/heating/enabled", UriKind.Relative), Json("""{"enabled": false}"""));
        var apps = await brain.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/apps", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.False(apps.EnumerateArray().Single(a => a.GetProperty("id").GetString() == "heating").GetProperty("enabled").GetBoolean());
    }

    [Theory]
    [InlineData("""{"enabled": "no"}""")]
    [InlineData("""{}""")]
    [InlineData("""[true]""")]
    [InlineData("""oops""")]
    public async Task Apps_SetEnabledBadBody_Returns400(string body)
    {
        await using var brain = await RunningBrain.StartAsync(services => services.AddSingleton<IAppControl, FakeAppControl>());

        var response = await brain.Client.PutAsync(new Uri("/api/apps/heating/enabled", UriKind.Relative), Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Apps_SetEnabledUnknownApp_Returns404()
    {
        await using var brain = await RunningBrain.StartAsync(services => services.AddSingleton<IAppControl, FakeAppControl>());

        var response = await brain.Client.PutAsync(new Uri("/api/apps/nope/enabled", UriKind.Relative), Json("""{"enabled": true}"""));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private sealed class Contributor(string name, Func<object> status) : IStatusContributor
    {
        public string Name => name;

        public object GetStatus() => status();
    }
}
