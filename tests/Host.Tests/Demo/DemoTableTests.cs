using ProofOfHeat.Apps.Heating;
using ProofOfHeat.Apps.Heating.Optimiser;
using ProofOfHeat.Control.Optimisation;
using ProofOfHeat.Demo;

namespace ProofOfHeat.Host.Tests.Demo;

public sealed class DemoTableTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 5, 17, 15, 0, TimeSpan.Zero);

    [Fact]
    public void A_planned_row_shows_the_price_the_band_and_each_sources_power_and_heat_cost()
    {
        var plan = new ZonePlan(0.42, 21, 22,
            [new SourceHeatCost("avalon_mini", 0.3417), new SourceHeatCost("bos_s19", 0.3636)],
            [new SourceSetting("avalon_mini", 800), new SourceSetting("bos_s19", 0)],
            21.2, null);
        var decision = new HeatingDecision(At, "living_room", 21.1, 1.5, 21, 1, 800, "plan: avalon_mini 800 W", plan);

        var row = DemoTable.FormatRow(decision, "avalon_mini 799 · bos_s19 zz");

        Assert.Equal(
            "2026-01-05 17:15    1.5 C  21.1 C  21.0 C    800 W    0.420  21.0-22.0  avalon_mini 800 (0.342) · bos_s19 off (0.364)  |  avalon_mini 799 · bos_s19 zz",
            row);
    }

    [Fact]
    public void A_safe_mode_row_says_so_and_a_thermostat_row_shows_its_reason()
    {
        var blind = new ZonePlan(0.28, 21, 22, [new SourceHeatCost("bos_s19", 0.22)], [new SourceSetting("bos_s19", 1000)], null, "room sensor silent");
        Assert.EndsWith("bos_s19 1000 (0.220)  SAFE MODE: room sensor silent",
            DemoTable.FormatRow(new HeatingDecision(At, "z", null, 1.5, 21, 1, 1000, "safe mode", blind)), StringComparison.Ordinal);

        var tpi = DemoTable.FormatRow(new HeatingDecision(At, "z", 20.0, null, 21, 0.6, 2000, "TPI 60%"));
        Assert.EndsWith("2000 W        -          -  TPI 60%", tpi, StringComparison.Ordinal);
    }
}
