using System.Globalization;
using System.Text.Json;
using ProofOfHeat.Host.Cli;
using ProofOfHeat.Host.Configuration;
using ProofOfHeat.Sim.Miners;
using ProofOfHeat.Sim.Time;
using ProofOfHeat.TestKit.Net;

namespace ProofOfHeat.Host.Tests.Miners;

/// <summary><c>poh miners probe</c> and <c>set</c> against every family's protocol simulator, with the built-in drivers.</summary>
public sealed class MinersCliTests : IAsyncLifetime
{
    private readonly MinerFarm _farm = new(TimeProvider.System);
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();
    private readonly TempDirectory _dir = new();

    public static TheoryData<string> Families => [.. MinerFarm.Families];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _farm.DisposeAsync();
        _dir.Dispose();
    }

    [Theory]
    [MemberData(nameof(Families))]
    public async Task Probe_identifies_each_simulators_family_and_reads_it(string family)
    {
        var miner = await _farm.StartAsync(family);

        var code = await Run("miners", "probe", $"{miner.Host}:{miner.HttpPort}", "--rpc-port", Port(miner.RpcPort), "--v3-port", Port(miner.V3Port));

        Assert.True(code == ExitCodes.Ok, _error.ToString());
        using var json = JsonDocument.Parse(_out.ToString());
        Assert.Equal(family, json.RootElement.GetProperty("family").GetString());
        Assert.True(json.RootElement.GetProperty("detected").GetBoolean());
        Assert.Equal("mining", json.RootElement.GetProperty("reading").GetProperty("status").GetString());
        Assert.True(json.RootElement.GetProperty("reading").GetProperty("hashrate_terahash").GetDouble() > 0);
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("capabilities").GetProperty("model").GetString()));
    }

    [Fact]
    public async Task Set_changes_a_braiins_miners_power_target_and_reads_it_back()
    {
        var miner = await _farm.StartAsync("braiins-os");

        var code = await Run("miners", "set", $"{miner.Host}:{miner.HttpPort}", "--power", "2000", "--rpc-port", Port(null));

        Assert.True(code == ExitCodes.Ok, _error.ToString());
        using var json = JsonDocument.Parse(_out.ToString());
        Assert.Equal("applied", json.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(2000, json.RootElement.GetProperty("reading").GetProperty("power_limit_watts").GetInt32());
        Assert.Equal(2000, miner.Hardware.Read().TargetPowerWatts);
    }

    [Fact]
    public async Task Set_that_the_miner_acknowledges_but_ignores_exits_1_and_says_in_one_line_what_was_expected_and_read()
    {
        // Ten times real time for the miner and the CLI alike: the read-back's 30 s settle window passes in 3 s.
        var clock = new ScaledTimeProvider(new DateTimeOffset(2026, 1, 5, 6, 0, 0, TimeSpan.Zero), speed: 10);
        await using var farm = new MinerFarm(clock);
        var miner = await farm.StartAsync("avalon");
        miner.Faults.IgnoreCommands = true;

        var code = await CliApp.RunAsync(
            ["miners", "set", $"{miner.Host}:{miner.HttpPort}", "--tier", "night", "--rpc-port", Port(miner.RpcPort)],
            new CliContext(_out, _error, new Dictionary<string, string>(), _dir.Path, clock, new AppCatalog()),
            CancellationToken.None);

        Assert.Equal(ExitCodes.Failure, code);
        var line = Assert.Single(_error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(
            $"poh: {miner.Host}: set tier night not applied: expected mode night, about 400 W measured (±10 %); read mining, mode mining, power target 800 W, 800 W measured",
            line.TrimEnd());
        using var json = JsonDocument.Parse(_out.ToString());
        Assert.Equal("not_applied", json.RootElement.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Probe_of_a_host_without_a_miner_says_what_it_saw_and_exits_1()
    {
        var code = await Run("miners", "probe", $"127.0.0.1:{Port(null)}", "--rpc-port", Port(null), "--v3-port", Port(null));

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("no known firmware", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("web no answer, rpc no answer, v3 port closed", _error.ToString(), StringComparison.Ordinal);
    }

    // A port that nothing listens on, for the probes a family does not answer.
    private static string Port(int? port)
    {
        if (port is { } known)
        {
            return known.ToString(CultureInfo.InvariantCulture);
        }

        return LoopbackPort.Unused().ToString(CultureInfo.InvariantCulture);
    }

    private Task<int> Run(params string[] args) =>
        CliApp.RunAsync(args, new CliContext(_out, _error, new Dictionary<string, string>(), _dir.Path, TimeProvider.System, new AppCatalog()), CancellationToken.None);
}
