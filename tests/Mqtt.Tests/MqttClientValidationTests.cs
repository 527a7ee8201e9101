using System.Text;
using Xunit;

namespace ProofOfHeat.Mqtt.Tests;

/// <summary>Topic and QoS validation at the client's surface: bad input is refused before anything is queued or sent.</summary>
public sealed class MqttClientValidationTests
{
    private static MqttClient UnconnectedClient() =>
        new(new MqttClientOptions { Host = "127.0.0.1", Port = 1 }, TimeProvider.System);

    [Theory]
    [InlineData("a/+/c")]
    [InlineData("a/#")]
    [InlineData("")]
    [InlineData("a\0b")]
    public async Task PublishAsync_InvalidTopicName_ThrowsAndQueuesNothing(string topic)
    {
        await using var client = UnconnectedClient();

        await Assert.ThrowsAsync<ArgumentException>(async () => await client.PublishAsync(topic, "x"));

        Assert.Equal(0, client.QueuedMessageCount);
    }

    [Fact]
    public async Task PublishAsync_QoS2_ThrowsAndQueuesNothing()
    {
        await using var client = UnconnectedClient();

        await Assert.ThrowsAsync<ArgumentException>(async () => await client.PublishAsync("a", "x", (MqttQualityOfService)2));

        Assert.Equal(0, client.QueuedMessageCount);
    }

    [Fact]
    public async Task PublishAsync_ValidTopicWhileDisconnected_QueuedWithoutWaiting()
    {
        await using var client = UnconnectedClient();

        var receipt = await client.PublishAsync("a/b", "x", MqttQualityOfService.AtLeastOnce);

        Assert.Equal(1, client.QueuedMessageCount);
        Assert.False(receipt.Delivered.IsCompleted);
    }

    [Theory]
    [InlineData("a/#/c")]
    [InlineData("a+")]
    [InlineData("")]
    public async Task SubscribeAsync_InvalidTopicFilter_Throws(string filter)
    {
        await using var client = UnconnectedClient();

        await Assert.ThrowsAsync<ArgumentException>(() => client.SubscribeAsync(filter, (_, _) => ValueTask.CompletedTask));
    }

    [Fact]
    public void Constructor_WillTopicWithWildcard_Throws()
    {
        var options = new MqttClientOptions { LastWill = new MqttLastWill("poh/+", Encoding.UTF8.GetBytes("offline")) };

        Assert.Throws<ArgumentException>(() => new MqttClient(options, TimeProvider.System));
    }
}
