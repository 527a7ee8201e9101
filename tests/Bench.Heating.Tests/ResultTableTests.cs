using ProofOfHeat.Bench.Heating.Kpis;
using ProofOfHeat.Bench.Heating.Report;

namespace ProofOfHeat.Bench.Heating.Tests;

public sealed class ResultTableTests
{
    private static RunKpis Run(string strategy, double electricity, double discomfort) =>
        new() { Scenario = "s", Strategy = strategy, ElectricityCost = electricity, DiscomfortKh = discomfort, Days = 14 };

    private static readonly RunKpis[] Runs =
    [
        Run("HYST", 100, 20),
        Run("TPI", 80, 60),
        Run("PRICE-RULE", 90, 5),
        Run("MPC", 60, 1),
        Run("ORACLE", 50, 0),
    ];

    [Fact]
    public void BestBaseline_IsTheCheapest_BestComfortWeighted_PaysForDiscomfort()
    {
        Assert.Equal("TPI", ResultTable.BestBaseline(Runs)!.Strategy);
        Assert.Equal("PRICE-RULE", ResultTable.BestComfortWeightedBaseline(Runs)!.Strategy);
    }

    [Fact]
    public void Markdown_HasSavingsAndCaptureAgainstTheRightBaselines()
    {
        var markdown = ResultTable.Markdown(Runs);
        // MPC: vs HYST (100 − 60)/100, vs best (80 − 60)/80, vs best-comf (90 − 60)/90, capture (80 − 60)/(80 − 50).
        Assert.Contains("| s | MPC | 60.00 | 60.00 | 0.00 | 40.0 % | 25.0 % | 33.3 % | 66.7 % |", markdown, StringComparison.Ordinal);
        Assert.Contains("| MPC | 1 |", markdown, StringComparison.Ordinal);
    }
}
