namespace ProofOfHeat.Bench.Heating.Tests;

public sealed class ProgramReuseTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "poh-bench-reuse-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    [Fact]
    public void Reuse_TakesTheNamedStrategiesRowsFromAnEarlierRun_AndReportRebuildsTheTable()
    {
        var first = Path.Combine(_out, "first");
        using var quiet = new StringWriter();
        Assert.Equal(0, BenchProgram.Run(["--filter", "P2-T3-B-mid-det", "--strategies", "HYST", "--test-days", "1", "--out", first], quiet, quiet));
        var earlier = Path.Combine(first, "results.json");

        // HYST is reused (not run again), TPI is run.
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var second = Path.Combine(_out, "second");
        var code = BenchProgram.Run(["--filter", "P2-T3-B-mid-det", "--strategies", "HYST,TPI", "--test-days", "1", "--reuse", earlier, "--reuse-strategies", "HYST", "--out", second], stdout, stderr);
        Assert.True(code == 0, stderr.ToString());
        Assert.Contains($"HYST × 1 from {earlier}", stdout.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("TPI × 1 from", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("P2-T3-B-mid-det TPI:", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("P2-T3-B-mid-det HYST:", stderr.ToString(), StringComparison.Ordinal);

        // --report runs nothing and writes the same rows again.
        using var report = new StringWriter();
        Assert.Equal(0, BenchProgram.Run(["--report", Path.Combine(second, "results.json"), "--out", Path.Combine(_out, "third")], report, quiet));
        Assert.Contains("| P2-T3-B-mid-det | TPI |", report.ToString(), StringComparison.Ordinal);
        Assert.Contains("| P2-T3-B-mid-det | HYST |", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reuse_WithoutItsStrategies_IsABadArgument()
    {
        using var stderr = new StringWriter();
        Assert.Equal(2, BenchProgram.Run(["--reuse", "x.json", "--filter", "P2-T3-B-mid-det", "--out", _out], TextWriter.Null, stderr));
        Assert.Contains("--reuse-strategies", stderr.ToString(), StringComparison.Ordinal);
    }
}
