using ProofOfHeat.Host.Api.Access;
using ProofOfHeat.Host.Configuration;

namespace ProofOfHeat.Host.Tests.Configuration;

/// <summary>The <c>http:</c> rules that keep the API closed: reported by the config loader with file:line.</summary>
public sealed class HttpOptionsValidationTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Load_NonLoopbackBindWithoutTokens_ErrorAtTheBindLine()
    {
        var file = _dir.Write("poh.yaml", "http:\n  port: 8099\n  bind: 0.0.0.0\n");

        var error = Assert.Single(Errors(file));

        Assert.Equal($"{file}:3:9", error.Location.ToString());
        Assert.Equal("http.bind", error.KeyPath);
        Assert.Contains("no token is configured", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.5")]
    [InlineData("::1")]
    [InlineData("localhost")]
    public void Load_LoopbackBindWithoutTokens_Accepted(string bind)
    {
        var file = _dir.Write("poh.yaml", $"http:\n  bind: \"{bind}\"\n");

        Assert.Equal(bind, Load(file).Options.Http.Bind);
    }

    [Fact]
    public void Load_NonLoopbackBindWithTokens_HashesTheTokenAndKeepsNoText()
    {
        const string token = "a-long-random-token-1234";
        _dir.Write("secrets.yaml", $"api_token: {token}\n");
        var file = _dir.Write("poh.yaml", "http:\n  bind: 0.0.0.0\n  hosts: [poh.lan]\n  tokens:\n    - { name: owner, role: admin, token: !secret api_token }\n");

        var config = Load(file);

        var bound = Assert.Single(config.Options.Http.Tokens);
        Assert.Equal(ApiRole.Admin, bound.Role);
        Assert.Null(bound.Token);
        Assert.Equal(ApiTokenHash.Of(token), bound.Sha256);
        Assert.Contains(token, config.SecretValues);
    }

    [Fact]
    public void Load_BadTokens_EveryProblemWithItsLine()
    {
        var file = _dir.Write("poh.yaml", """
            http:
              tokens:
                - { name: a, role: guest, token: short }
                - { name: b, role: operator }
                - { name: c, role: admin, sha256: nothex }
                - { name: a, role: guest, sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 }
                - { name: e, role: root, token: long-enough-token-1234 }
            """);

        var errors = Errors(file);

        Assert.Equal(["http.tokens[0].token", "http.tokens[1]", "http.tokens[2].sha256", "http.tokens[3].name", "http.tokens[4].role"],
            errors.Select(e => e.KeyPath));
        Assert.All(errors, e => Assert.True(e.Location.Line > 0, e.ToString()));
    }

    [Fact]
    public void Load_AddonWithBindOrTokens_ErrorsBecauseOnlyIngressIsServed()
    {
        var options = _dir.Write("options.json", """{"http": {"bind": "0.0.0.0", "tokens": []}}""");

        var errors = Assert.Throws<ConfigException>(() => ConfigLoader.Load(Request(null, new() { ["SUPERVISOR_TOKEN"] = "t", ["POH_OPTIONS_FILE"] = options }))).Errors;

        Assert.Equal(["http.bind", "http.tokens"], errors.Select(e => e.KeyPath));
        Assert.All(errors, e => Assert.Contains("not used in add-on mode", e.Problem, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_Addon_DoesNotBindEveryInterfaceByDefault()
    {
        var options = _dir.Write("options.json", "{}");

        var config = ConfigLoader.Load(Request(null, new() { ["SUPERVISOR_TOKEN"] = "t", ["POH_OPTIONS_FILE"] = options }));

        Assert.Equal("127.0.0.1", config.Options.Http.Bind);
        Assert.Equal("172.30.32.2", config.Options.Http.IngressProxy);
    }

    [Fact]
    public void Load_BadHostName_Error()
    {
        var file = _dir.Write("poh.yaml", "http:\n  hosts: [\"http://poh.lan:80/\"]\n");

        var error = Assert.Single(Errors(file));

        Assert.Equal("http.hosts[0]", error.KeyPath);
        Assert.Equal(2, error.Location.Line);
    }

    private LoadedConfig Load(string file) => ConfigLoader.Load(Request(file, null));

    private IReadOnlyList<ConfigError> Errors(string file) => Assert.Throws<ConfigException>(() => Load(file)).Errors;

    private ConfigRequest Request(string? file, Dictionary<string, string>? env) => new(file, env ?? [], _dir.Path, new AppCatalog());
}
