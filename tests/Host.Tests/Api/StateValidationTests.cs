using System.Net;
using System.Text;
using System.Text.Json;

namespace ProofOfHeat.Host.Tests.Api;

/// <summary><c>PUT /api/state</c> on keys the heating app reads back: checked with the config's rules, 400 saying what is wrong.</summary>
public sealed class StateValidationTests
{
    [Fact]
    public async Task Profile_AllPresetsAtZero_Returns400AndStoresNothing()
    {
        await using var brain = await RunningBrain.StartAsync();

        var response = await PutAsync(brain, "heating.profiles/home", Profile(name: "home", comfort: 0, eco: 0, away: 0, antifreeze: 0, boost: 0));
        var stored = await brain.Client.GetAsync(new Uri("/api/state/heating.profiles/home", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("heating.profiles/home was not stored: profile 'home': the comfort temperature 0 is outside 5..35 °C.", await ErrorAsync(response));
        Assert.Equal(HttpStatusCode.NotFound, stored.StatusCode);
    }

    [Theory]
    [InlineData(36, "the boost temperature 36 is outside 5..35 °C")]
    [InlineData(-3, "the boost temperature -3 is outside 5..35 °C")]
    public async Task Profile_PresetOutsideRange_Returns400NamingIt(double boost, string expected)
    {
        await using var brain = await RunningBrain.StartAsync();

        var response = await PutAsync(brain, "heating.profiles/default", Profile(boost: boost));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await ErrorAsync(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name": "default", "presets": {"comfrot": 21}}""", "presets.comfrot: unknown key `comfrot`; did you mean `comfort`?")]
    [InlineData("""{"name": "default", "presets": {"comfort": "warm"}}""", "presets.comfort: expected a number, got \"warm\"")]
    [InlineData("""{"name": "default", "schedule": [{"from": "25:00", "to": "26:00"}]}""", "schedule[0]")]
    [InlineData("""{"name": "other"}""", "the profile's name must be its key: add \"name\": \"default\"")]
    [InlineData("""{"presets": {}}""", "the profile's name must be its key")]
    [InlineData("""[1, 2]""", "a heating profile must be a JSON object")]
    public async Task Profile_Malformed_Returns400SayingWhatIsWrong(string body, string expected)
    {
        await using var brain = await RunningBrain.StartAsync();

        var response = await PutAsync(brain, "heating.profiles/default", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await ErrorAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_Valid_IsStored()
    {
        await using var brain = await RunningBrain.StartAsync();

        var response = await PutAsync(brain, "heating.profiles/home", Profile(name: "home"));
        var stored = await brain.Client.GetStringAsync(new Uri("/api/state/heating.profiles/home", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(22, JsonDocument.Parse(stored).RootElement.GetProperty("presets").GetProperty("comfort").GetDouble());
    }

    [Theory]
    [InlineData("42")]
    [InlineData("\"\"")]
    [InlineData("{\"name\": \"default\"}")]
    public async Task ActiveProfile_NotAName_Returns400(string body)
    {
        await using var brain = await RunningBrain.StartAsync();

        var response = await PutAsync(brain, "heating/active_profile", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("the active profile must be a profile's name", await ErrorAsync(response), StringComparison.Ordinal);
    }

    internal static string Profile(string name = "default", double comfort = 22, double eco = 19, double away = 16, double antifreeze = 7, double boost = 23) =>
        JsonSerializer.Serialize(new
        {
            name,
            presets = new { comfort, eco, away, antifreeze, boost },
            default_preset = "eco",
            schedule = new[] { new { days = "weekdays", from = "06:30", to = "22:30", preset = "comfort" } },
        });

    private static Task<HttpResponseMessage> PutAsync(RunningBrain brain, string path, string body) =>
        brain.Client.PutAsync(new Uri($"/api/state/{path}", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

    private static async Task<string> ErrorAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString()!;
}
