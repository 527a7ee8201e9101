using ProofOfHeat.Apps.Miners;
using ProofOfHeat.Apps.Miners.Options;
using ProofOfHeat.Host.Cli;
using ProofOfHeat.Host.Configuration;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Host.Tests.Configuration;

/// <summary><c>poh check-config</c> refuses, all at once and with file:line, what run time would reject.</summary>
public sealed class CheckConfigTests : IDisposable
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
    public async Task CheckConfig_BadMinerEntry_ReportsEveryMistakeWithItsLine()
    {
        var file = _dir.Write("poh.yaml", """
            apps:
              miners:
                miners:
                  - id: good
                    family: braiins-os
                    host: 192.168.1.50
                  - id: Office
                    family: nosuch
                    host: 127.0.0.1:1
                    http_port: 99999
            """);

        var code = await Run(file);

        Assert.Equal(ExitCodes.Usage, code);
        var errors = ErrorLines();
        Assert.True(errors.Count == 4, string.Join("\n", errors));
        Assert.Contains(errors, e => e.StartsWith($"error: {file}:7:", StringComparison.Ordinal) && e.Contains("'Office'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith($"error: {file}:8:", StringComparison.Ordinal) && e.Contains("apps.miners.miners[1].family", StringComparison.Ordinal)
            && e.Contains("`nosuch`", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith($"error: {file}:9:", StringComparison.Ordinal) && e.Contains("apps.miners.miners[1].host", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith($"error: {file}:10:", StringComparison.Ordinal) && e.Contains("apps.miners.miners[1].http_port", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("miners[0]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CheckConfig_GoodMinerEntries_SaysOk()
    {
        var file = _dir.Write("poh.yaml", """
            apps:
              miners:
                miners:
                  - id: office_s19
                    family: antminer-stock
                    host: miner1.local
                    http_port: 8080
                  - id: garage
                    family: whatsminer-v2
                    host: "fe80::1"
            """);

        Assert.Equal(ExitCodes.Ok, await Run(file));
        Assert.StartsWith("config OK", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckConfig_DuplicateMinerIds_IsReportedAtTheFleetSection()
    {
        // Two miners with one id: at run time the second is disabled alone; check-config reports it (MinerEntryChecks).
        var file = _dir.Write("poh.yaml", """
            apps:
              miners:
                miners:
                  - id: a
                    family: braiins-os
                    host: 10.0.0.1
                  - id: a
                    family: braiins-os
                    host: 10.0.0.2
            """);

        Assert.Equal(ExitCodes.Usage, await Run(file));
        Assert.Contains("used twice", Assert.Single(ErrorLines()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckConfig_BindNotAnAddress_IsAnErrorWithItsLine()
    {
        var file = _dir.Write("poh.yaml", "http:\n  bind: not-an-ip\n");

        Assert.Equal(ExitCodes.Usage, await Run(file));
        var error = Assert.Single(ErrorLines());
        Assert.StartsWith($"error: {file}:2:9: http.bind: `not-an-ip` is not an IP address", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckConfig_EverythingWrongAtOnce_ListsItAll()
    {
        var file = _dir.Write("poh.yaml", """
            homeassistant:
              url: "http://127.0.0.1:"
              token: abc
            http:
              bind: not-an-ip
            apps:
              miners:
                miners:
                  - id: x
                    family: nosuch
                    host: 10.0.0.1
            """);

        Assert.Equal(ExitCodes.Usage, await Run(file));
        var errors = ErrorLines();
        Assert.Equal(3, errors.Count);
        Assert.StartsWith($"error: {file}:2:", errors[0], StringComparison.Ordinal);
        Assert.StartsWith($"error: {file}:5:", errors[1], StringComparison.Ordinal);
        Assert.StartsWith($"error: {file}:10:", errors[2], StringComparison.Ordinal);
    }

    private List<string> ErrorLines() =>
        [.. _error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("error: ", StringComparison.Ordinal))];

    private Task<int> Run(string file)
    {
        var schema = new AppCatalog().Register<MinerFleetOptions>(MinerFleetApp.AppId);
        var context = new CliContext(_out, _error, new Dictionary<string, string>(), _dir.Path, new FakeTimeProvider(), schema);
        return CliApp.RunAsync(["check-config", "--config", file], context, CancellationToken.None);
    }
}
