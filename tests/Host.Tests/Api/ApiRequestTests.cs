using ProofOfHeat.Host.Api.Http;

namespace ProofOfHeat.Host.Tests.Api;

/// <summary>What handlers read from a request: the query's values and the Host header's name.</summary>
public sealed class ApiRequestTests
{
    [Theory]
    [InlineData("limit=5&since=2026-12-07T10%3A00%3A00Z", "since", "2026-12-07T10:00:00Z")]
    [InlineData("limit=5&limit=6", "limit", "5")]
    [InlineData("q=a+b%2Bc", "q", "a b+c")]
    [InlineData("flag&x=1", "flag", "")]
    [InlineData("x=%ZZ", "x", "%ZZ")]
    [InlineData("", "limit", null)]
    [InlineData("Limit=5", "limit", null)]
    public void QueryValue_FirstValueUnescaped(string query, string name, string? expected)
    {
        var request = new ApiRequest("GET", "/api/audit", new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), ReadOnlyMemory<byte>.Empty, null, query);

        Assert.Equal(expected, request.QueryValue(name));
    }

    [Theory]
    [InlineData("localhost:8099", "localhost")]
    [InlineData("[::1]:8099", "[::1]")]
    [InlineData("[::1]", "[::1]")]
    [InlineData("poh.lan", "poh.lan")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void HostName_WithoutThePort(string? header, string? expected) => Assert.Equal(expected, ApiRequest.HostName(header));
}
