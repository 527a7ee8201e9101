using ProofOfHeat.HomeAssistant.Tests.Support;
using ProofOfHeat.TestKit.HomeAssistant;
using ProofOfHeat.TestKit.Net;
using Xunit;

namespace ProofOfHeat.HomeAssistant.Tests.Rest;

/// <summary>The Supervisor services API client (add-on mode: the MQTT broker's credentials) against a loopback fake.</summary>
public sealed class SupervisorServicesTests : IAsyncLifetime, IDisposable
{
    private readonly FakeSupervisor _supervisor = new();
    private readonly HttpClient _http = new() { Timeout = TestTimeouts.Safety };
    private readonly ListLogger<HomeAssistantRestClient> _logger = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _supervisor.DisposeAsync();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task GetSupervisorMqttServiceAsync_BrokerProvided_ReturnsCredentialsUsingTheSupervisorToken()
    {
        _supervisor.ProvideService("mqtt", new
        {
            addon = "core_mosquitto",
            host = "core-mosquitto",
            port = 1883,
            ssl = false,
            protocol = "3.1.1",
            username = "addons",
            password = "s3cret-pass",
        });

        var mqtt = await Client(FakeSupervisor.ValidToken).GetSupervisorMqttServiceAsync(CancellationToken.None);

        Assert.Equal(new SupervisorMqttService("core-mosquitto", 1883, false, "addons", "s3cret-pass", "3.1.1"), mqtt);
        var request = Assert.Single(_supervisor.Requests);
        Assert.Equal(("GET", "/services/mqtt"), (request.Method, request.Path));
        Assert.Equal("Bearer " + FakeSupervisor.ValidToken, request.Header("Authorization"));
        Assert.DoesNotContain("s3cret-pass", mqtt.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_logger.Entries, e => e.Text.Contains(FakeSupervisor.ValidToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetSupervisorMqttServiceAsync_PortAsStringAndTls_Parsed()
    {
        _supervisor.ProvideService("mqtt", new { host = "broker.lan", port = "8883", ssl = true, username = "u", password = "p" });

        var mqtt = await Client(FakeSupervisor.ValidToken).GetSupervisorMqttServiceAsync(CancellationToken.None);

        Assert.Equal(("broker.lan", 8883, true, (string?)null), (mqtt.Host, mqtt.Port, mqtt.Ssl, mqtt.Protocol));
    }

    [Fact]
    public async Task GetSupervisorMqttServiceAsync_NoBrokerAddOn_ThrowsWithSupervisorsMessageAndWhatToDo()
    {
        var error = await Assert.ThrowsAsync<SupervisorApiException>(
            () => Client(FakeSupervisor.ValidToken).GetSupervisorMqttServiceAsync(CancellationToken.None));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal("Service not enabled", error.SupervisorMessage);
        Assert.Contains("/services/mqtt", error.Message, StringComparison.Ordinal);
        Assert.Contains("Service not enabled", error.Message, StringComparison.Ordinal);
        Assert.Contains("Mosquitto", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task GetSupervisorMqttServiceAsync_WrongToken_ThrowsAuthenticationError()
    {
        _supervisor.ProvideService("mqtt", new { host = "core-mosquitto", port = 1883 });

        var error = await Assert.ThrowsAsync<HomeAssistantAuthenticationException>(
            () => Client("not-the-token").GetSupervisorMqttServiceAsync(CancellationToken.None));

        Assert.Contains("SUPERVISOR_TOKEN", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500, """{"result":"error","message":"Supervisor is restarting"}""", "Supervisor is restarting", true)]
    [InlineData(502, "<html>Bad Gateway</html>", "<html>Bad Gateway</html>", true)]
    [InlineData(200, """{"result":"ok"}""", "has no data object", false)]
    [InlineData(200, """{"result":"ok","data":{"port":1883}}""", "has no host", false)]
    [InlineData(200, """{"result":"ok","data":{"host":"h","port":"x"}}""", "invalid port", false)]
    public async Task GetSupervisorMqttServiceAsync_UnusableReply_ThrowsSupervisorApiException(int status, string body, string expected, bool transient)
    {
        _supervisor.ForcedReply = (status, body);

        var error = await Assert.ThrowsAsync<SupervisorApiException>(
            () => Client(FakeSupervisor.ValidToken).GetSupervisorMqttServiceAsync(CancellationToken.None));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(transient, error.IsTransient);
    }

    [Fact]
    public async Task GetSupervisorServiceAsync_UnknownService_Throws404()
    {
        var error = await Assert.ThrowsAsync<SupervisorApiException>(
            () => Client(FakeSupervisor.ValidToken).GetSupervisorServiceAsync("nope", CancellationToken.None));

        Assert.Equal((404, "Service does not exist"), (error.StatusCode, error.SupervisorMessage));
    }

    [Fact]
    public async Task GetSupervisorMqttServiceAsync_SupervisorUnreachable_ThrowsConnectionError()
    {
        var closedPort = LoopbackPort.Unused();
        var client = new HomeAssistantRestClient(
            _http,
            new HomeAssistantRestOptions
            {
                ApiBaseUri = new Uri($"http://127.0.0.1:{closedPort}/core/api/"),
                AccessToken = "ha-token",
                SupervisorBaseUri = new Uri($"http://127.0.0.1:{closedPort}/"),
                SupervisorToken = FakeSupervisor.ValidToken,
            },
            _logger);

        var error = await Assert.ThrowsAsync<HomeAssistantConnectionException>(() => client.GetSupervisorMqttServiceAsync(CancellationToken.None));
        Assert.True(error.IsTransient);
    }

    private HomeAssistantRestClient Client(string supervisorToken) => new(
        _http,
        new HomeAssistantRestOptions
        {
            ApiBaseUri = new Uri(_supervisor.BaseUri, "core/api/"),
            AccessToken = "ha-token-not-for-the-supervisor",
            SupervisorBaseUri = _supervisor.BaseUri,
            SupervisorToken = supervisorToken,
        },
        _logger);
}
