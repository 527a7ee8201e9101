using ProofOfHeat.HomeAssistant.Tests.Support;
using ProofOfHeat.TestKit.HomeAssistant;
using Xunit;

namespace ProofOfHeat.HomeAssistant.Tests.Rest;

/// <summary>
/// HA's REST API as an add-on reaches it, through the Supervisor's proxy at <c>/core/api/</c>; the fake Supervisor
/// answers with scripted replies and records what was asked.
/// </summary>
public sealed class HomeAssistantRestClientTests : IAsyncLifetime, IDisposable
{
    private const string HaToken = "ha-rest-token";
    private readonly FakeSupervisor _proxy = new();
    private readonly HttpClient _http = new() { Timeout = TestTimeouts.Safety };
    private HomeAssistantRestClient _client = null!;

    public Task InitializeAsync()
    {
        _client = new HomeAssistantRestClient(
            _http,
            new HomeAssistantRestOptions { ApiBaseUri = new Uri(_proxy.BaseUri, "core/api/"), AccessToken = HaToken },
            new ListLogger<HomeAssistantRestClient>());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _proxy.DisposeAsync();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task GetStateAsync_Known_ParsedWithTheHaToken()
    {
        _proxy.ForcedReply = (200, """
            {"entity_id":"sensor.flow_temp","state":"41.5","attributes":{"unit_of_measurement":"°C"},
             "last_changed":"2026-01-09T10:30:37.585143+00:00","last_updated":"2026-01-09T10:33:04.388104+00:00"}
            """);

        var state = await _client.GetStateAsync("sensor.flow_temp", CancellationToken.None);

        Assert.Equal(("sensor.flow_temp", "41.5"), (state!.EntityId, state.State));
        Assert.Equal("°C", state.Attributes.GetProperty("unit_of_measurement").GetString());
        Assert.Equal(new DateTimeOffset(2026, 1, 9, 10, 33, 4, TimeSpan.Zero).AddTicks(3881040), state.LastUpdated);
        var request = Assert.Single(_proxy.Requests);
        Assert.Equal(("GET", "/core/api/states/sensor.flow_temp"), (request.Method, request.Path));
        Assert.Equal("Bearer " + HaToken, request.Header("Authorization"));
    }

    [Fact]
    public async Task GetStateAsync_Unknown404_ReturnsNull()
    {
        _proxy.ForcedReply = (404, """{"message":"Entity not found."}""");

        Assert.Null(await _client.GetStateAsync("sensor.nope", CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_Refused401_ThrowsAuthenticationError()
    {
        _proxy.ForcedReply = (401, "401: Unauthorized");

        await Assert.ThrowsAsync<HomeAssistantAuthenticationException>(() => _client.GetAsync("config", CancellationToken.None));
    }

    [Fact]
    public async Task PostAsync_ServerError_ThrowsCommandErrorWithStatusAndBody()
    {
        _proxy.ForcedReply = (500, """{"message":"boom"}""");

        var error = await Assert.ThrowsAsync<HomeAssistantCommandException>(
            () => _client.FireEventAsync("poh_test", new { n = 1 }, CancellationToken.None));

        Assert.Equal("http_500", error.Code);
        Assert.Contains("boom", error.Message, StringComparison.Ordinal);
        Assert.Equal(("POST", "/core/api/events/poh_test"), (_proxy.Requests[0].Method, _proxy.Requests[0].Path));
    }
}
