using System.Net;
using ProofOfHeat.Host.Hosting;

namespace ProofOfHeat.Host.Tests.Api;

public sealed class ApiListenAddressesTests
{
    [Theory]
    [InlineData("172.30.32.2", "172.30.33.5", 23, true)]
    [InlineData("172.30.32.2", "172.30.34.5", 23, false)]
    [InlineData("127.0.0.2", "127.0.0.1", 8, true)]
    [InlineData("10.0.0.1", "10.0.0.1", 32, true)]
    [InlineData("10.0.0.1", "10.0.0.2", 32, false)]
    public void SameSubnet_ComparesThePrefix(string a, string b, int prefix, bool expected) =>
        Assert.Equal(expected, ApiListenAddresses.SameSubnet(IPAddress.Parse(a), IPAddress.Parse(b), prefix));

    [Fact]
    public void ForAddon_NeverEveryInterface_AlwaysLoopback()
    {
        var addresses = ApiListenAddresses.ForAddon(IPAddress.Parse("172.30.32.2"));

        Assert.Equal(IPAddress.Loopback, addresses[0]);
        Assert.DoesNotContain(IPAddress.Any, addresses);
        Assert.DoesNotContain(IPAddress.IPv6Any, addresses);
        Assert.All(addresses.Skip(1), a => Assert.True(ApiListenAddresses.SameSubnet(a, IPAddress.Parse("172.30.32.2"), 16), a.ToString()));
    }
}
