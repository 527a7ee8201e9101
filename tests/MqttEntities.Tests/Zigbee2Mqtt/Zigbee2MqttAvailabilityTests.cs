using System.Text;
using ProofOfHeat.MqttEntities.Zigbee2Mqtt;

namespace ProofOfHeat.MqttEntities.Tests.Zigbee2Mqtt;

/// <summary>Only the documented availability payloads count; anything else is a problem, never an exception.</summary>
public sealed class Zigbee2MqttAvailabilityTests
{
    [Theory]
    [InlineData("online", true)]
    [InlineData("offline", false)]
    [InlineData(" online\n", true)]
    [InlineData("""{"state":"online"}""", true)]
    [InlineData("""{"state":"offline"}""", false)]
    [InlineData("""{"state":"offline","extra":1}""", false)]
    public void DocumentedShapes_AreRead(string payload, bool online)
    {
        Assert.Equal(online, Zigbee2MqttAvailability.Parse(Encoding.UTF8.GetBytes(payload), out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("""{"state":1}""")]
    [InlineData("""{"state":true}""")]
    [InlineData("""{"state":null}""")]
    [InlineData("""{"state":"ONLINE"}""")]
    [InlineData("""{"state":{"state":"online"}}""")]
    [InlineData("""{}""")]
    [InlineData("""[{"state":"online"}]""")]
    [InlineData("\"online\"")]
    [InlineData("{")]
    [InlineData("""{"state":"online"} trailing""")]
    [InlineData("maybe")]
    [InlineData("")]
    public void AnyOtherPayload_IsAProblemNotAnException(string payload)
    {
        Assert.Null(Zigbee2MqttAvailability.Parse(Encoding.UTF8.GetBytes(payload), out var problem));
        Assert.False(string.IsNullOrEmpty(problem));
    }

    [Fact]
    public void DeeplyNestedOrHugePayload_IsAProblemNotAnException()
    {
        var deep = Encoding.UTF8.GetBytes(new string('{', 500));
        var huge = Encoding.UTF8.GetBytes("{\"state\":\"online\",\"pad\":\"" + new string('x', 10_000) + "\"}");

        Assert.Null(Zigbee2MqttAvailability.Parse(deep, out var deepProblem));
        Assert.NotNull(deepProblem);
        Assert.Null(Zigbee2MqttAvailability.Parse(huge, out var hugeProblem));
        Assert.Contains("bytes", hugeProblem, StringComparison.Ordinal);
    }
}
