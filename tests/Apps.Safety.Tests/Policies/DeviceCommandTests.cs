using ProofOfHeat.Apps.Safety.Actions;

namespace ProofOfHeat.Apps.Safety.Tests.Policies;

/// <summary>The service per domain and the state that confirms it, as HA documents its entity services.</summary>
public sealed class DeviceCommandTests
{
    [Theory]
    [InlineData("valve.main_water", DesiredState.Closed, "valve", "close_valve", "closed")]
    [InlineData("switch.main_water", DesiredState.Closed, "switch", "turn_off", "off")]
    [InlineData("switch.dishwasher", DesiredState.Off, "switch", "turn_off", "off")]
    [InlineData("light.hall", DesiredState.FullOn, "light", "turn_on", "on")]
    [InlineData("lock.front_door", DesiredState.Unlocked, "lock", "unlock", "unlocked")]
    [InlineData("climate.cellar", DesiredState.On, "climate", "set_hvac_mode", "heat")]
    [InlineData("climate.boiler", DesiredState.Off, "climate", "turn_off", "off")]
    [InlineData("fan.ventilation", DesiredState.Off, "fan", "turn_off", "off")]
    public void Command_UsesTheDomainsService_AndIsConfirmedByItsState(string entityId, DesiredState desired, string domain, string service, string confirming)
    {
        var command = new DeviceCommand(entityId, desired);

        var call = command.ToServiceCall();

        Assert.Equal((domain, service), (call.Domain, call.Service));
        Assert.Equal([entityId], call.Target!.EntityIds!);
        Assert.True(command.IsConfirmedBy(confirming));
        Assert.False(command.IsConfirmedBy("unavailable"));
    }

    [Fact]
    public void FullOn_AsksForFullBrightness()
    {
        var data = Assert.IsType<Dictionary<string, object>>(new DeviceCommand("light.hall", DesiredState.FullOn).ToServiceCall().Data);

        Assert.Equal(100, data["brightness_pct"]);
    }
}
