using System.Text.Json;
using ProofOfHeat.AppModel.Services;
using ProofOfHeat.MqttEntities.Zigbee2Mqtt;

namespace ProofOfHeat.MqttEntities.Tests.Zigbee2Mqtt;

/// <summary>Zigbee2MQTT values become HA-style states, and service calls become set values.</summary>
public sealed class Zigbee2MqttValueMapperTests
{
    private static readonly Zigbee2MqttEntityOptions Defaults = new() { FriendlyName = "x", Property = "p" };

    [Theory]
    [InlineData("binary_sensor", "true", "on")]
    [InlineData("binary_sensor", "false", "off")]
    [InlineData("switch", "\"ON\"", "on")]
    [InlineData("switch", "\"off\"", "off")]
    [InlineData("valve", "\"ON\"", "open")]
    [InlineData("valve", "\"OFF\"", "closed")]
    [InlineData("sensor", "21.5", "21.5")]
    [InlineData("sensor", "null", "unknown")]
    [InlineData("select", "\"eco\"", "eco")]
    public void ToState_MapsLikeHa(string domain, string json, string expected)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(expected, Zigbee2MqttValueMapper.ToState(domain, document.RootElement, Defaults));
    }

    [Theory]
    [InlineData("switch", "switch", "turn_off", "on", "\"OFF\"")]
    [InlineData("switch", "switch", "turn_on", "off", "\"ON\"")]
    [InlineData("switch", "switch", "toggle", "on", "\"OFF\"")]
    [InlineData("switch", "homeassistant", "turn_off", "on", "\"OFF\"")]
    [InlineData("valve", "valve", "close_valve", "open", "\"OFF\"")]
    [InlineData("valve", "valve", "toggle", "closed", "\"ON\"")]
    public void ToCommandValue_SwitchLike(string domain, string callDomain, string service, string current, string expected)
    {
        var value = Zigbee2MqttValueMapper.ToCommandValue(domain, new ServiceCall(callDomain, service, null, null), current, Defaults);

        Assert.Equal(expected, value.ToJsonString());
    }

    [Fact]
    public void ToCommandValue_NumberAndSelect_ReadTheirData()
    {
        Assert.Equal("22.5", Zigbee2MqttValueMapper.ToCommandValue("number", new ServiceCall("number", "set_value", null, new { value = 22.5 }), null, Defaults).ToJsonString());
        Assert.Equal("\"eco\"", Zigbee2MqttValueMapper.ToCommandValue("select", new ServiceCall("select", "select_option", null, new { option = "eco" }), null, Defaults).ToJsonString());
    }

    [Fact]
    public void ToCommandValue_UnsupportedOrMissingData_Throws()
    {
        var readOnly = Assert.Throws<ServiceCallException>(() =>
            Zigbee2MqttValueMapper.ToCommandValue("binary_sensor", new ServiceCall("binary_sensor", "turn_off", null, null), "on", Defaults));
        var noValue = Assert.Throws<ServiceCallException>(() =>
            Zigbee2MqttValueMapper.ToCommandValue("number", new ServiceCall("number", "set_value", null, null), null, Defaults));

        Assert.Equal("not_supported", readOnly.Code);
        Assert.Equal("invalid_data", noValue.Code);
    }

    [Fact]
    public void Options_EntityIdScheme_AndValidation()
    {
        Assert.Equal("sensor.kitchen_th_temperature", new Zigbee2MqttEntityOptions { FriendlyName = "Kitchen TH", Property = "temperature" }.ResolvedEntityId);
        Assert.Equal("binary_sensor.leak_kitchen", new Zigbee2MqttEntityOptions { FriendlyName = "leak", Property = "water_leak", EntityId = "binary_sensor.leak_kitchen" }.ResolvedEntityId);
        Assert.Throws<ArgumentException>(() => new Zigbee2MqttEntityOptions { FriendlyName = "a/+", Property = "p" }.Validate());
        Assert.Throws<ArgumentException>(() => new Zigbee2MqttEntityOptions { FriendlyName = "a", Property = "p", EntityId = "light.a" }.Validate());
        var duplicate = new Zigbee2MqttOptions();
        duplicate.Entities.Add(new Zigbee2MqttEntityOptions { FriendlyName = "a", Property = "p", EntityId = "sensor.a" });
        duplicate.Entities.Add(new Zigbee2MqttEntityOptions { FriendlyName = "b", Property = "p", EntityId = "sensor.a" });
        Assert.Throws<ArgumentException>(duplicate.Validate);
    }
}
