using ProofOfHeat.Host.Configuration;

namespace ProofOfHeat.Host.Tests.Configuration;

public sealed class KeySuggesterTests
{
    [Theory]
    [InlineData("prot", "port")]
    [InlineData("bnd", "bind")]
    [InlineData("PORT", "port")]
    public void Suggest_CloseMisspelling_ReturnsKnownKey(string written, string expected) =>
        Assert.Equal(expected, KeySuggester.Suggest(written, ["bind", "port"]));

    [Fact]
    public void Suggest_NothingClose_ReturnsNull() => Assert.Null(KeySuggester.Suggest("homeassistant", ["bind", "port"]));
}
