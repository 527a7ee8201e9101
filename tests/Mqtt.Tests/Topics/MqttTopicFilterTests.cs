using ProofOfHeat.Mqtt.Topics;
using Xunit;

namespace ProofOfHeat.Mqtt.Tests.Topics;

public sealed class MqttTopicFilterTests
{
    [Theory]
    [InlineData("sport/tennis/player1/#", "sport/tennis/player1", true)]
    [InlineData("sport/tennis/player1/#", "sport/tennis/player1/ranking", true)]
    [InlineData("sport/tennis/player1/#", "sport/tennis/player1/score/wimbledon", true)]
    [InlineData("sport/#", "sport", true)]
    [InlineData("#", "anything/at/all", true)]
    [InlineData("sport/tennis/+", "sport/tennis/player1", true)]
    [InlineData("sport/tennis/+", "sport/tennis/player1/tournament", false)]
    [InlineData("sport/+", "sport", false)]
    [InlineData("sport/+", "sport/", true)]
    [InlineData("+/+", "/finance", true)]
    [InlineData("/+", "/finance", true)]
    [InlineData("+", "/finance", false)]
    [InlineData("a/b", "a/b", true)]
    [InlineData("a/b", "a/b/c", false)]
    [InlineData("a/b/c", "a/b", false)]
    [InlineData("a//b", "a//b", true)]
    [InlineData("#", "$SYS/broker/uptime", false)]
    [InlineData("+/monitor/Clients", "$SYS/monitor/Clients", false)]
    [InlineData("$SYS/#", "$SYS/broker/uptime", true)]
    [InlineData("$SYS/monitor/+", "$SYS/monitor/Clients", true)]
    [InlineData("Home/+", "home/x", false)]
    public void IsMatch_SpecExamples_MatchAsSpecified(string filter, string topic, bool expected)
    {
        Assert.Equal(expected, MqttTopicFilter.IsMatch(filter, topic));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("/")]
    [InlineData("a//b")]
    [InlineData("$SYS/x")]
    [InlineData(" ")]
    public void ValidateTopicName_Valid_DoesNotThrow(string topic) => MqttTopicValidator.ValidateTopicName(topic, "topic");

    [Theory]
    [InlineData("")]
    [InlineData("a/+")]
    [InlineData("a/#")]
    [InlineData("a\0b")]
    public void ValidateTopicName_Invalid_ThrowsArgumentException(string topic)
    {
        Assert.Throws<ArgumentException>(() => MqttTopicValidator.ValidateTopicName(topic, "topic"));
    }

    [Fact]
    public void ValidateTopicName_LoneSurrogate_ThrowsArgumentException()
    {
        var topic = "a/" + (char)0xD800;

        Assert.Throws<ArgumentException>(() => MqttTopicValidator.ValidateTopicName(topic, "topic"));
    }

    [Fact]
    public void ValidateTopicName_Over65535Utf8Bytes_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => MqttTopicValidator.ValidateTopicName(new string('ä', 32768), "topic"));
        MqttTopicValidator.ValidateTopicName(new string('a', 65535), "topic");
    }

    [Theory]
    [InlineData("#")]
    [InlineData("+")]
    [InlineData("a/+/c")]
    [InlineData("a/#")]
    [InlineData("+/+/#")]
    [InlineData("/#")]
    public void ValidateTopicFilter_Valid_DoesNotThrow(string filter) => MqttTopicValidator.ValidateTopicFilter(filter, "filter");

    [Theory]
    [InlineData("")]
    [InlineData("a/#/c")]
    [InlineData("a#")]
    [InlineData("a/b#")]
    [InlineData("a+/b")]
    [InlineData("a/+b")]
    [InlineData("##")]
    public void ValidateTopicFilter_Invalid_ThrowsArgumentException(string filter)
    {
        Assert.Throws<ArgumentException>(() => MqttTopicValidator.ValidateTopicFilter(filter, "filter"));
    }
}
