using ProofOfHeat.Drivers.Miners.Antminer.Web;

namespace ProofOfHeat.Drivers.Miners.Antminer.Tests;

/// <summary>The Digest computations against the RFCs' own examples, and the challenge parser.</summary>
public sealed class DigestAuthTests
{
    [Fact]
    public void Rfc2617_example_response()
    {
        var response = DigestHash.Response(
            "MD5", "Mufasa", "testrealm@host.com", "Circle Of Life", "GET", "/dir/index.html",
            "dcd98b7102dd2f0e8b11d0f600bfb0c093", "auth", "00000001", "0a4f113b");

        Assert.Equal("6629fae49393a05397450978507c4ef1", response);
    }

    [Theory]
    [InlineData("MD5", "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData("SHA-256", "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void Rfc7616_example_responses(string algorithm, string expected)
    {
        var response = DigestHash.Response(
            algorithm, "Mufasa", "http-auth@example.org", "Circle of Life", "GET", "/dir/index.html",
            "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "auth", "00000001", "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ");

        Assert.Equal(expected, response);
    }

    [Fact]
    public void Rfc2069_form_without_qop_hashes_only_nonce_and_request()
    {
        var ha1 = DigestHash.Hex("MD5", "u:r:p");
        var ha2 = DigestHash.Hex("MD5", "GET:/x");

        Assert.Equal(DigestHash.Hex("MD5", $"{ha1}:n:{ha2}"), DigestHash.Response("MD5", "u", "r", "p", "GET", "/x", "n", null, "", ""));
    }

    [Fact]
    public void Challenge_parser_reads_quoted_escaped_and_token_values_and_picks_auth()
    {
        var challenge = DigestChallenge.Parse("""realm="antMiner \"Configuration\"", nonce="abc,def", qop="auth,auth-int", algorithm=MD5, opaque="op", stale=TRUE""");

        Assert.NotNull(challenge);
        Assert.Equal("antMiner \"Configuration\"", challenge.Realm);
        Assert.Equal("abc,def", challenge.Nonce);
        Assert.Equal("auth", challenge.Qop);
        Assert.Equal("MD5", challenge.Algorithm);
        Assert.Equal("op", challenge.Opaque);
        Assert.True(challenge.Stale);
    }

    [Theory]
    [InlineData("""realm="r", qop="auth" """)]
    [InlineData("""realm="r", nonce="n", qop="auth-int" """)]
    [InlineData("""realm="r", nonce="n", algorithm=SHA-512-256""")]
    [InlineData("""realm="r, nonce="n" """)]
    public void Challenges_this_client_cannot_answer_are_refused(string parameters) =>
        Assert.Null(DigestChallenge.Parse(parameters));

    [Fact]
    public void Authorization_counts_the_nonce_uses_and_echoes_the_opaque()
    {
        var authenticator = new DigestAuthenticator("root", "root");
        Assert.Null(authenticator.Authorize("GET", "/"));
        authenticator.Accept(DigestChallenge.Parse("""realm="antMiner Configuration", nonce="n1", qop="auth", opaque="o" """)!);

        var first = DigestParameters.Parse(authenticator.Authorize("GET", "/cgi-bin/get_miner_conf.cgi")!)!;
        var second = DigestParameters.Parse(authenticator.Authorize("GET", "/cgi-bin/get_miner_conf.cgi")!)!;

        Assert.Equal("00000001", first["nc"]);
        Assert.Equal("00000002", second["nc"]);
        Assert.Equal("o", first["opaque"]);
        Assert.Equal("/cgi-bin/get_miner_conf.cgi", first["uri"]);
        Assert.NotEqual(first["cnonce"], second["cnonce"]);
        Assert.Equal(
            DigestHash.Response("MD5", "root", "antMiner Configuration", "root", "GET", "/cgi-bin/get_miner_conf.cgi", "n1", "auth", "00000001", first["cnonce"]),
            first["response"]);
    }
}
