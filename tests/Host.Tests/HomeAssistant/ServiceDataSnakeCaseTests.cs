using ProofOfHeat.AppModel.Services;

namespace ProofOfHeat.Host.Tests.HomeAssistant;

/// <summary>An app's C# record as service data reaches Home Assistant with HA's snake_case field names.</summary>
public sealed class ServiceDataSnakeCaseTests
{
    [Fact]
    public async Task AppCallsWithARecord_FakeHaSeesSnakeCaseFields()
    {
        await using var brain = new HaBrainHarness([typeof(RecorderTestApp)]);
        await brain.StartAndWaitForAppsAsync("recorder");

        await brain.ContextOf("recorder").CallServiceAsync(new ServiceCall(
            "climate", "set_temperature", ServiceTarget.Entities("climate.living_room"),
            new SetTemperatureData("climate.living_room", HvacMode: "heat", Temperature: 21.5, TargetTempLow: null)));

        var call = Assert.Single(brain.Server.ServiceCalls);
        Assert.Equal(["climate.living_room"], call.TargetEntityIds);
        var data = call.ServiceData!;
        Assert.Equal(["entity_id", "hvac_mode", "temperature"], data.Select(p => p.Key));
        Assert.Equal("heat", data["hvac_mode"]!.GetValue<string>());
        Assert.Equal(21.5, data["temperature"]!.GetValue<double>());
    }

    [Fact]
    public void ToJson_DictionaryKeysAndJsonElementPassUnchanged_NestedRecordsSnakeCase()
    {
        var dictionary = ServiceData.ToJson(new Dictionary<string, object> { ["KeepMe"] = 1, ["brightness_pct"] = 40 })!.Value;
        var nested = ServiceData.ToJson(new { RgbColor = new[] { 255, 0, 0 }, Transition = new Fade(FadeSeconds: 2) })!.Value;
        var element = System.Text.Json.JsonSerializer.SerializeToElement(new { KeepMe = true });

        Assert.Equal(["KeepMe", "brightness_pct"], dictionary.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["rgb_color", "transition"], nested.EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, nested.GetProperty("transition").GetProperty("fade_seconds").GetInt32());
        Assert.Equal(element.GetRawText(), ServiceData.ToJson(element)!.Value.GetRawText());
        Assert.Null(ServiceData.ToJson(null));
    }

    private sealed record SetTemperatureData(string EntityId, string HvacMode, double Temperature, double? TargetTempLow);

    private sealed record Fade(int FadeSeconds);
}
