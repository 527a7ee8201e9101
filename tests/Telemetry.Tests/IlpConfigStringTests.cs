using ProofOfHeat.Telemetry.Http;
using Xunit;

namespace ProofOfHeat.Telemetry.Tests;

public sealed class IlpConfigStringTests
{
    [Fact]
    public void Reads_the_official_clients_keys()
    {
        var options = IlpConfigString.Parse("http::addr=questdb:9000;username=admin;password=qu;;est;auto_flush_rows=500;auto_flush_interval=250;request_timeout=5000;");

        Assert.Equal(new Uri("http://questdb:9000/"), options.Address);
        Assert.Equal("admin", options.Username);
        Assert.Equal("qu;est", options.Password);
        Assert.Equal(500, options.AutoFlushRows);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.AutoFlushInterval);
        Assert.Equal(TimeSpan.FromSeconds(5), options.RequestTimeout);
    }

    [Fact]
    public void Keeps_the_defaults_without_a_trailing_semicolon()
    {
        var options = IlpConfigString.Parse("https::addr=db.local:9000");

        Assert.Equal(new Uri("https://db.local:9000/"), options.Address);
        Assert.Equal(75_000, options.AutoFlushRows);
        Assert.Equal(TimeSpan.FromSeconds(1), options.AutoFlushInterval);
    }

    [Theory]
    [InlineData("tcp::addr=q:9009;")]
    [InlineData("http::username=a;")]
    [InlineData("http::addr=q:9000;auto_flush_rows=-1;")]
    [InlineData("http::addr=q:9000;protocol_version=2;")]
    [InlineData("http::addr=q:9000;colour=blue;")]
    [InlineData("addr=q:9000")]
    public void Refuses_what_it_cannot_honour(string text) =>
        Assert.Throws<FormatException>(() => IlpConfigString.Parse(text));
}
