using Microsoft.Extensions.DependencyInjection;
using ProofOfHeat.MqttEntities.Zigbee2Mqtt;

namespace ProofOfHeat.MqttEntities.Tests.Hosting;

/// <summary>Mistakes in the wiring fail at registration, not at the first leak.</summary>
public sealed class RegistrationTests
{
    [Fact]
    public void AddZigbee2MqttDevices_WithoutAPrimaryBackend_Throws()
    {
        var services = new ServiceCollection();

        var ex = Assert.Throws<InvalidOperationException>(() => services.AddZigbee2MqttDevices(o =>
            o.Entities.Add(new Zigbee2MqttEntityOptions { FriendlyName = "leak", Property = "water_leak", EntityId = "binary_sensor.leak" })));

        Assert.Contains("IHomeBackend", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddZigbee2MqttDevices_InvalidEntity_ThrowsAtRegistration()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentException>(() => services.AddZigbee2MqttDevices(o =>
            o.Entities.Add(new Zigbee2MqttEntityOptions { FriendlyName = "leak", Property = "water_leak", EntityId = "camera.leak" })));
    }

    [Fact]
    public void AddMqttEntities_InvalidNodeId_ThrowsAtRegistration()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentException>(() => services.AddMqttEntities(o => o.NodeId = "my brain"));
    }
}
