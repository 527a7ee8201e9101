using ProofOfHeat.Host.Cli;
using ProofOfHeat.Host.Configuration;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Host.Tests.HaSide;

/// <summary><c>poh dashboards</c> and <c>poh alice</c> on the command line: files written where asked, config errors reported.</summary>
public sealed class HaSideVerbsTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    public void Dispose()
    {
        _dir.Dispose();
        _out.Dispose();
        _error.Dispose();
    }

    [Fact]
    public async Task Dashboards_WritesTheDashboardAndThePackage()
    {
        var config = _dir.Write("poh.yaml", HaSideConfigs.Dacha);

        var code = await RunAsync("dashboards", "--config", config, "--out", "ha");

        Assert.Equal(ExitCodes.Ok, code);
        var dashboard = await File.ReadAllTextAsync(_dir.Combine("ha/dashboards/proof_of_heat.yaml"));
        Assert.Contains("entity: climate.poh_gostinaya", dashboard, StringComparison.Ordinal);
        Assert.Contains("type: alarm-panel", dashboard, StringComparison.Ordinal);
        Assert.Contains("poh_house_profile", await File.ReadAllTextAsync(_dir.Combine("ha/packages/proof_of_heat.yaml")), StringComparison.Ordinal);
        Assert.Contains("3 zone(s), 2 miner(s)", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alice_WritesToStdoutOrAFile()
    {
        var config = _dir.Write("poh.yaml", HaSideConfigs.Demo);

        Assert.Equal(ExitCodes.Ok, await RunAsync("alice", "--config", config));
        Assert.Contains("room: Гостиная", _out.ToString(), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, await RunAsync("alice", "--config", config, "--out", "alice.yaml"));
        Assert.Contains("climate.poh_living_room:", await File.ReadAllTextAsync(_dir.Combine("alice.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadConfigOrMissingOut_IsAUsageError()
    {
        var config = _dir.Write("poh.yaml", "apps:\n  heating:\n    zones:\n      - { id: a }\n");

        Assert.Equal(ExitCodes.Usage, await RunAsync("dashboards", "--config", config));
        Assert.Contains("--out", _error.ToString(), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, await RunAsync("alice", "--config", config));
        Assert.Contains("poh.yaml:", _error.ToString(), StringComparison.Ordinal);
    }

    private Task<int> RunAsync(params string[] args) =>
        CliApp.RunAsync(args, new CliContext(_out, _error, new Dictionary<string, string>(), _dir.Path, new FakeTimeProvider(), AppCatalog.Shipped()), CancellationToken.None);
}
