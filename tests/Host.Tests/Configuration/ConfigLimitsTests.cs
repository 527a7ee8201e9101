using System.Diagnostics;
using System.Text;
using ProofOfHeat.Host.Configuration;
using Xunit.Abstractions;

namespace ProofOfHeat.Host.Tests.Configuration;

/// <summary>Hostile documents end in a config error quickly, without building what they describe.</summary>
public sealed class ConfigLimitsTests(ITestOutputHelper output) : IDisposable
{
    // Generous for a loaded CI machine; the unguarded loader needed minutes (and gigabytes) for these files.
    private static readonly TimeSpan Fast = TimeSpan.FromSeconds(10);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Load_AliasBomb_IsAConfigErrorFast()
    {
        // The "billion laughs": nine levels of nine aliases each expand to 9^9 (387 million) strings.
        var yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 1; level <= 9; level++)
        {
            var previous = $"*a{level - 1}";
            yaml.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"a{level}: &a{level} [{string.Join(", ", Enumerable.Repeat(previous, 9))}]\n");
        }

        var file = _dir.Write("poh.yaml", yaml.ToString());
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();

        var errors = LoadErrors(file);

        output.WriteLine($"alias bomb refused in {clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.True(clock.Elapsed < Fast, $"took {clock.Elapsed}");
        var error = Assert.Single(errors);
        Assert.Contains("aliases", error.Problem, StringComparison.Ordinal);
        Assert.Equal(file, error.Location.Source);
        Assert.True(error.Location.Line > 0);
        Assert.True(GC.GetTotalMemory(forceFullCollection: true) - memoryBefore < 64L * 1024 * 1024);
    }

    [Fact]
    public void Load_HalfAMillionUnknownKeys_IsAConfigErrorFast()
    {
        var yaml = new StringBuilder();
        for (var i = 0; i < 500_000; i++)
        {
            yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $"k{i}: {i}\n");
        }

        var file = _dir.Write("poh.yaml", yaml.ToString());
        var clock = Stopwatch.StartNew();

        var error = Assert.Single(LoadErrors(file));

        output.WriteLine($"500,000 keys refused in {clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.True(clock.Elapsed < Fast, $"took {clock.Elapsed}");
        Assert.Contains("above the limit", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TensOfThousandsOfUnknownKeysUnderTheSizeLimit_ListsAHundredAndCountsTheRest()
    {
        var yaml = new StringBuilder();
        for (var i = 0; i < 10_000; i++)
        {
            yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $"k{i}: {i}\n");
        }

        var file = _dir.Write("poh.yaml", yaml.ToString());
        var clock = Stopwatch.StartNew();

        var errors = LoadErrors(file);

        output.WriteLine($"10,000 unknown keys reported in {clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.True(clock.Elapsed < Fast, $"took {clock.Elapsed}");
        Assert.Equal(ConfigLoader.MaxErrorsShown + 1, errors.Count);
        Assert.Equal($"{file}:1:1", errors[0].Location.ToString());
        Assert.Contains("9,900 more problems", errors[^1].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TooManyValues_IsAConfigError()
    {
        var yaml = "list: [" + string.Join(", ", Enumerable.Repeat("1", YamlSizeGuard.MaxExpandedNodes + 10)) + "]\n";
        var file = _dir.Write("poh.yaml", yaml);

        Assert.Contains("100,000 values", Assert.Single(LoadErrors(file)).Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(200_000)]
    [InlineData(100)]
    public void Load_DeepNesting_IsAConfigErrorNotAStackOverflow(int depth)
    {
        var file = _dir.Write("poh.yaml", "a: " + new string('[', depth) + new string(']', depth) + "\n");

        var error = Assert.Single(LoadErrors(file));

        Assert.Contains("nests more than 64 levels", error.Problem, StringComparison.Ordinal);
        Assert.Equal(1, error.Location.Line);
    }

    [Fact]
    public void Load_AliasOfItsOwnAnchor_IsAConfigError()
    {
        var file = _dir.Write("poh.yaml", "a: &x [1, *x]\n");

        Assert.NotEmpty(LoadErrors(file));
    }

    [Fact]
    public void Load_FewAliases_StillWork()
    {
        var file = _dir.Write("poh.yaml", "x: &port 9000\nhttp:\n  port: *port\n");

        var errors = LoadErrors(file);

        // `x` is not a key of the config, but the alias itself was expanded and bound.
        Assert.Equal("x", Assert.Single(errors).KeyPath);
    }

    private IReadOnlyList<ConfigError> LoadErrors(string file) =>
        Assert.Throws<ConfigException>(() => ConfigLoader.Load(new ConfigRequest(file, new Dictionary<string, string>(), _dir.Path, new AppCatalog()))).Errors;
}
