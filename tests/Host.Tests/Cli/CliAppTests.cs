using ProofOfHeat.Host.Cli;
using ProofOfHeat.Host.Configuration;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Host.Tests.Cli;

public sealed class CliAppTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly StringWriter _out = new();
    private readonly SignallingWriter _error = new(BrainLauncher.ListeningPrefix);
    private readonly FakeTimeProvider _time = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task RunAsync_UnknownVerb_NamesItAndExits2()
    {
        var code = await Run("dmeo");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith("poh: unknown verb `dmeo`; did you mean `demo`?", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("usage: poh <verb>", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownFlag_NamesItAndExits2()
    {
        var code = await Run("demo", "--fast");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith("poh: unknown flag `--fast` for `demo`", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("usage: poh demo", _error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--for", "soon")]
    [InlineData("--speed", "-3")]
    [InlineData("--http-port", "70000")]
    [InlineData("--mqtt", "nope")]
    public async Task RunAsync_DemoBadFlagValue_Exits2(string flag, string value)
    {
        var code = await Run("demo", flag, value);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith($"poh: {flag} `{value}` is not valid", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_FlagWithoutValue_Exits2()
    {
        Assert.Equal(ExitCodes.Usage, await Run("demo", "--for"));
        Assert.Contains("needs a value", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoArguments_PrintsUsageAndExits2()
    {
        Assert.Equal(ExitCodes.Usage, await Run());
        Assert.Contains("usage: poh <verb>", _error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("help")]
    public async Task RunAsync_Help_PrintsUsageAndExits0(string word)
    {
        Assert.Equal(ExitCodes.Ok, await Run(word));
        Assert.Contains("check-config", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_HelpForVerb_PrintsItsFlags()
    {
        Assert.Equal(ExitCodes.Ok, await Run("help", "demo"));
        Assert.Contains("--speed N", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Version_PrintsVersion()
    {
        Assert.Equal(ExitCodes.Ok, await Run("--version"));
        Assert.StartsWith("poh ", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CheckConfigValid_PrintsOk()
    {
        var file = _dir.Write("poh.yaml", "http:\n  port: 9000\n");

        Assert.Equal(ExitCodes.Ok, await Run("check-config", "--config", file));
        Assert.Equal($"config OK: {file}", _out.ToString().Trim());
    }

    [Fact]
    public async Task RunAsync_CheckConfigNoFile_ReportsDefaults()
    {
        Assert.Equal(ExitCodes.Ok, await Run("check-config"));
        Assert.Contains("built-in defaults", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CheckConfigInvalid_PrintsEveryErrorAndExits2()
    {
        var file = _dir.Write("poh.yaml", "http:\n  port: abc\nlogging:\n  levl: debug\n");

        var code = await Run("check-config", "--config", file);

        Assert.Equal(ExitCodes.Usage, code);
        var lines = _error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith($"error: {file}:2:9: http.port:", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"error: {file}:4:3: logging.levl: unknown key `levl`; did you mean `level`?", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("poh: 2 configuration errors", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_RunWithoutHomeAssistant_Exits2()
    {
        Assert.Equal(ExitCodes.Usage, await Run("run", "--data", _dir.Combine("data")));
        Assert.Contains("homeassistant: `run` needs Home Assistant", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DemoFor_StopsByItselfAfterThatTime()
    {
        var run = Run("demo", "--for", "30s", "--http-port", "0", "--data", _dir.Combine("data"));
        await Task.WhenAny(_error.Seen, run).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(run.IsCompleted, _error.ToString());

        _time.Advance(TimeSpan.FromSeconds(31));

        Assert.Equal(ExitCodes.Ok, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(File.Exists(_dir.Combine("data/poh.db")));
    }

    private Task<int> Run(params string[] args) =>
        CliApp.RunAsync(args, new CliContext(_out, _error, new Dictionary<string, string>(), _dir.Path, _time, AppCatalog.Shipped(), Verbs), CancellationToken.None);

    // The brain's verbs plus the demo program's, as one command line offers them in these tests.
    private static readonly IReadOnlyList<ICliVerb> Verbs = [.. CliApp.Verbs, new ProofOfHeat.Demo.DemoVerb()];
}
