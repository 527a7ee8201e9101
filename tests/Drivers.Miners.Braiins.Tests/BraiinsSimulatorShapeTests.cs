using System.Text;
using System.Text.Json.Nodes;

namespace ProofOfHeat.Drivers.Miners.Braiins.Tests;

/// <summary>
/// The simulator answers in the shape of the Braiins OS Public REST API OpenAPI 1.7.0, read here without our driver's
/// parser, so a misreading shared by driver and simulator cannot pass both.
/// </summary>
public sealed class BraiinsSimulatorShapeTests
{
    [Fact]
    public async Task Performance_mode_is_the_tunermode_oneof_of_the_openapi_example()
    {
        await using var rig = await BraiinsRig.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://{rig.Where.Host}:{rig.Where.HttpPort}/api/v1/") };
        using var body = new StringContent("""{"username":"root","password":"root"}""", Encoding.UTF8, "application/json");
        using var login = await http.PostAsync(new Uri("auth/login", UriKind.Relative), body);
        var token = JsonNode.Parse(await login.Content.ReadAsStringAsync())!["token"]!.GetValue<string>();
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", token);

        var mode = JsonNode.Parse(await http.GetStringAsync(new Uri("performance/mode", UriKind.Relative)))!;

        // GET /api/v1/performance/mode example: {"tunermode":{"target":{"powertarget":{"power_target":{"watt":2000}}}}}
        Assert.Equal(["tunermode"], mode.AsObject().Select(p => p.Key));
        Assert.Equal(3050, mode["tunermode"]!["target"]!["powertarget"]!["power_target"]!["watt"]!.GetValue<int>());
    }
}
