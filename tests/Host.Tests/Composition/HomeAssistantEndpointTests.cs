using ProofOfHeat.Host.Composition;

namespace ProofOfHeat.Host.Tests.Composition;

public sealed class HomeAssistantEndpointTests
{
    [Theory]
    [InlineData("http://homeassistant.local:8123", "ws://homeassistant.local:8123/api/websocket")]
    [InlineData("http://homeassistant.local:8123/", "ws://homeassistant.local:8123/api/websocket")]
    [InlineData("https://ha.example.org", "wss://ha.example.org/api/websocket")]
    [InlineData("ws://10.0.0.2:8123/api/websocket", "ws://10.0.0.2:8123/api/websocket")]
    [InlineData("ws://supervisor/core/websocket", "ws://supervisor/core/websocket")]
    [InlineData("wss://ha.example.org:8443", "wss://ha.example.org:8443/api/websocket")]
    public void ToWebSocketUri_BrowserOrWebSocketAddress_GivesTheWebSocketApi(string given, string expected)
    {
        Assert.Equal(new Uri(expected), HomeAssistantEndpoint.ToWebSocketUri(new Uri(given)));
    }

    [Fact]
    public void ToWebSocketUri_OtherScheme_Throws()
    {
        Assert.Throws<ArgumentException>(() => HomeAssistantEndpoint.ToWebSocketUri(new Uri("ftp://ha.local")));
    }
}
