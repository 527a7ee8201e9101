using System.Globalization;
using System.Text.Json;
using ProofOfHeat.Host.Cli;
using ProofOfHeat.Host.Configuration;
using ProofOfHeat.Sim.Miners;
using ProofOfHeat.TestKit.Net;

namespace ProofOfHeat.Host.Tests.Miners;

/// <summary>
/// A driver family that is not in the brain: built as a separate assembly, dropped into the
/// plugins folder, named in the config, and used by <c>poh miners probe/set</c> against a miner
/// that speaks its protocol.
/// </summary>
public sealed class MinerPluginTests(SamplePluginBuild plugin) : IClassFixture<SamplePluginBuild>, IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();
    private readonly MinerFaults _faults = new();
    private SimHttpServer _miner = null!;
    private string _mode = "mining";
    private int _limit = 1500;
    private int _commands;

    public Task InitializeAsync()
    {
        _miner = new SimHttpServer(ServeAsync, _faults);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _miner.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Probe_detects_the_plugin_family_and_prints_capabilities_and_a_reading()
    {
        var code = await Run("miners", "probe", $"127.0.0.1:{_miner.Port}", "--config", Config(), "--rpc-port", Closed(), "--v3-port", Closed());

        Assert.True(code == ExitCodes.Ok, _error.ToString());
        using var json = JsonDocument.Parse(_out.ToString());
        var root = json.RootElement;
        Assert.Equal("sample-os", root.GetProperty("family").GetString());
        Assert.Equal("SampleOS (plugin)", root.GetProperty("firmware").GetString());
        Assert.True(root.GetProperty("detected").GetBoolean());
        Assert.Equal("continuous", root.GetProperty("capabilities").GetProperty("power_control").GetString());
        Assert.Equal(1500, root.GetProperty("reading").GetProperty("power_limit_watts").GetInt32());
        Assert.Equal("mining", root.GetProperty("reading").GetProperty("status").GetString());
        Assert.Equal(0, _commands);
    }

    [Fact]
    public async Task Set_changes_the_power_reads_it_back_and_a_repeat_sends_nothing()
    {
        var args = new[] { "miners", "set", $"127.0.0.1:{_miner.Port}", "--power", "900", "--config", Config(), "--family", "sample-os" };

        var first = await Run(args);
        var firstJson = _out.ToString();
        _out.GetStringBuilder().Clear();
        var second = await Run(args);

        Assert.True(first == ExitCodes.Ok, _error.ToString());
        Assert.Equal(ExitCodes.Ok, second);
        Assert.Contains("\"outcome\": \"applied\"", firstJson, StringComparison.Ordinal);
        Assert.Contains("\"outcome\": \"already_in_effect\"", _out.ToString(), StringComparison.Ordinal);
        Assert.Equal(900, _limit);
        Assert.Equal(1, _commands);
    }

    [Fact]
    public async Task A_plugin_that_is_not_there_is_a_config_error_naming_where_it_was_looked_for()
    {
        var config = _dir.Write("poh.yaml", $"plugins:\n  folder: {plugin.PluginsFolder}\n  load:\n    - Acme.Missing\n");

        var code = await Run("miners", "probe", $"127.0.0.1:{_miner.Port}", "--config", config);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("plugins.load: 'Acme.Missing' not found", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains(Path.Combine(plugin.PluginsFolder, "Acme.Missing.dll"), _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_no_assembly_is_refused_with_its_path()
    {
        var folder = _dir.Combine("broken");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "Junk.dll"), "not an assembly");
        var config = _dir.Write("poh.yaml", "plugins:\n  folder: broken\n  load:\n    - Junk\n");

        var code = await Run("miners", "probe", $"127.0.0.1:{_miner.Port}", "--config", config);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("'Junk'", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("is not a .NET assembly", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_plugin_the_family_is_unknown_and_the_known_ones_are_listed()
    {
        var code = await Run("miners", "set", $"127.0.0.1:{_miner.Port}", "--sleep", "--family", "sample-os");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--family `sample-os` is not a known family", _error.ToString(), StringComparison.Ordinal);
    }

    private string Config() =>
        _dir.Write("poh.yaml", $"plugins:\n  folder: {plugin.PluginsFolder}\n  load:\n    - {SamplePluginBuild.AssemblyName}\n");

    private static string Closed() => LoopbackPort.Unused().ToString(CultureInfo.InvariantCulture);

    private Task<SimHttpResponse> ServeAsync(SimHttpRequest request, CancellationToken cancellationToken)
    {
        switch (request.Method, request.Path)
        {
            case ("GET", "/"):
                return Task.FromResult(new SimHttpResponse(200, "<html><title>SampleOS miner</title></html>", "text/html"));
            case ("GET", "/sample/status"):
                var watts = _mode == "sleeping" ? 8 : _limit;
                return Task.FromResult(SimHttpResponse.Json(
                    string.Create(CultureInfo.InvariantCulture, $"{{\"mode\":\"{_mode}\",\"watts\":{watts},\"limit\":{_limit},\"ths\":{watts / 25.0}}}")));
            case ("POST", "/sample/limit"):
                _commands++;
                _limit = JsonDocument.Parse(request.Body).RootElement.GetProperty("watts").GetInt32();
                return Task.FromResult(SimHttpResponse.Json("{}"));
            case ("POST", "/sample/sleep"):
                _commands++;
                _mode = "sleeping";
                return Task.FromResult(SimHttpResponse.Json("{}"));
            case ("POST", "/sample/wake"):
                _commands++;
                _mode = "mining";
                return Task.FromResult(SimHttpResponse.Json("{}"));
            default:
                return Task.FromResult(SimHttpResponse.NotFound());
        }
    }

    private Task<int> Run(params string[] args) =>
        CliApp.RunAsync(args, new CliContext(_out, _error, new Dictionary<string, string>(), _dir.Path, TimeProvider.System, new AppCatalog()), CancellationToken.None);
}
