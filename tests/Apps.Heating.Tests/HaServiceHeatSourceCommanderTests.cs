using System.Text.Json;
using ProofOfHeat.AppModel.Services;
using ProofOfHeat.Apps.Heating.Sources;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Apps.Heating.Tests;

public sealed class HaServiceHeatSourceCommanderTests
{
    private readonly FakeHaContext _ha = new(new FakeTimeProvider());

    private async Task<ServiceCall> CommandAsync(HeatSourceKind kind, string entity, int watts, double? target = 21)
    {
        var commander = new HaServiceHeatSourceCommander(_ha, new HeatSourceOptions { Id = "s", Kind = kind, Entity = entity });
        await commander.CommandAsync(new HeatSourceCommand("s", watts, target, "test"), CancellationToken.None);
        return _ha.Calls[^1];
    }

    private static JsonElement Data(ServiceCall call) => JsonSerializer.SerializeToElement(call.Data);

    [Fact]
    public async Task Number_SetValueInWatts()
    {
        var call = await CommandAsync(HeatSourceKind.Number, "input_number.heater", 2000);
        Assert.Equal(("input_number", "set_value"), (call.Domain, call.Service));
        Assert.Equal(2000, Data(call).GetProperty("value").GetInt32());
        Assert.Equal(["input_number.heater"], call.Target!.EntityIds!);
    }

    [Fact]
    public async Task HydronicSource_GetsThePlannedFlowBeforeItsPower_AndNoFlowWhenNoneIsPlanned()
    {
        var source = new HeatSourceOptions
        {
            Id = "hp", Kind = HeatSourceKind.Number, Entity = "number.hp_power", FlowTemperatureEntity = "number.hp_flow", Hydronic = true,
        };
        var commander = new HaServiceHeatSourceCommander(_ha, source);

        await commander.CommandAsync(new HeatSourceCommand("hp", 4000, 21, "plan", FlowTemperature: 38.26), CancellationToken.None);
        await commander.CommandAsync(new HeatSourceCommand("hp", 0, 21, "plan"), CancellationToken.None);

        Assert.Equal(["number.hp_flow", "number.hp_power", "number.hp_power"], _ha.Calls.Select(c => c.Target!.EntityIds![0]));
        Assert.Equal(38.3, Data(_ha.Calls[0]).GetProperty("value").GetDouble());
        Assert.Equal(4000, Data(_ha.Calls[1]).GetProperty("value").GetInt32());
    }

    [Fact]
    public async Task Switch_OnAndOff()
    {
        Assert.Equal("turn_on", (await CommandAsync(HeatSourceKind.Switch, "switch.radiator", 1500)).Service);
        Assert.Equal("turn_off", (await CommandAsync(HeatSourceKind.Switch, "switch.radiator", 0)).Service);
    }

    [Fact]
    public async Task Climate_HeatWithSetpoint_OrOff()
    {
        var on = await CommandAsync(HeatSourceKind.Climate, "climate.heat_pump", 2500, 21.5);
        Assert.Equal(("climate", "set_temperature"), (on.Domain, on.Service));
        Assert.Equal(21.5, Data(on).GetProperty("temperature").GetDouble());
        Assert.Equal("heat", Data(on).GetProperty("hvac_mode").GetString());

        var off = await CommandAsync(HeatSourceKind.Climate, "climate.heat_pump", 0);
        Assert.Equal("set_hvac_mode", off.Service);
        Assert.Equal("off", Data(off).GetProperty("hvac_mode").GetString());
    }

    [Fact]
    public async Task Failure_Surfaces()
    {
        _ha.FailWith = _ => new ServiceCallException("not_found", "no such entity");
        await Assert.ThrowsAsync<ServiceCallException>(() => CommandAsync(HeatSourceKind.Number, "number.x", 1));
    }

    [Fact]
    public void FleetSource_Refused()
    {
        Assert.Throws<ArgumentException>(() => new HaServiceHeatSourceCommander(_ha, new HeatSourceOptions { Id = "m", Kind = HeatSourceKind.Fleet, Entity = "s21-1" }));
    }
}
