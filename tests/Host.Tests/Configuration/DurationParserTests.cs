using ProofOfHeat.Host.Configuration;

namespace ProofOfHeat.Host.Tests.Configuration;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("30s", 30)]
    [InlineData("10m", 600)]
    [InlineData("1h", 3600)]
    [InlineData("1h30m", 5400)]
    [InlineData("1.5h", 5400)]
    [InlineData("500ms", 0.5)]
    [InlineData("2d", 172800)]
    public void TryParse_ValidText_ReturnsDuration(string text, double seconds)
    {
        Assert.True(DurationParser.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("30")]
    [InlineData("s")]
    [InlineData("10 parsecs")]
    [InlineData("5w")]
    public void TryParse_InvalidText_ReturnsFalse(string text) => Assert.False(DurationParser.TryParse(text, out _));
}
