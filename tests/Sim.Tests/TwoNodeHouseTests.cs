using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ProofOfHeat.Sim.House;

namespace ProofOfHeat.Sim.Tests;

public sealed class TwoNodeHouseTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromSeconds(60);

    [Fact]
    public void Step_OneDayWithHeatAndCold_ConservesEnergy()
    {
        var house = new TwoNodeHouse(HouseParameters.Medium, 20, 19);
        double heatIn = 0, lost = 0;
        var storedBefore = house.StoredHeat;
        for (var i = 0; i < 24 * 60; i++)
        {
            var result = house.Step(Minute, -5 + (i % 7), new HeatInput(i % 3 == 0 ? 3000 : 0, 200));
            heatIn += result.HeatIn;
            lost += result.HeatLostToOutdoor;
        }

        var stored = house.StoredHeat - storedBefore;
        Assert.True(Math.Abs(heatIn - lost - stored) < 1e-6 * Math.Abs(heatIn), $"in {heatIn}, lost {lost}, stored {stored}");
    }

    [Property(MaxTest = 300)]
    public Property Step_AnyHouseAndInputs_HeatInMinusLossEqualsStoredChange(
        int airCapacity, int massCapacity, int airToMass, int airToOutdoor, int massToOutdoor,
        int airTemperature, int massTemperature, int outdoor, int airWatts, int massWatts, int stepSeconds)
    {
        var parameters = new HouseParameters
        {
            AirCapacity = Range(airCapacity, 1e5, 1e7),
            MassCapacity = Range(massCapacity, 1e6, 1e8),
            AirToMass = Range(airToMass, 50, 3000),
            AirToOutdoor = Range(airToOutdoor, 1, 500),
            MassToOutdoor = Range(massToOutdoor, 1, 500),
        };
        var house = new TwoNodeHouse(parameters, Range(airTemperature, -10, 35), Range(massTemperature, -10, 35));
        var before = house.StoredHeat;

        var result = house.Step(
            TimeSpan.FromSeconds(Range(stepSeconds, 1, 3600)),
            Range(outdoor, -30, 20),
            new HeatInput(Range(airWatts, 0, 10_000), Range(massWatts, 0, 5_000)));

        var balance = result.HeatIn - result.HeatLostToOutdoor - result.StoredHeatChange;
        var scale = Math.Max(1, Math.Max(Math.Abs(result.HeatIn), Math.Max(Math.Abs(result.HeatLostToOutdoor), Math.Abs(result.StoredHeatChange))));
        var storedMatches = Math.Abs(house.StoredHeat - before - result.StoredHeatChange) <= 1e-9 * Math.Abs(before) + 1e-6;
        return (Math.Abs(balance) <= 1e-6 * scale && storedMatches).ToProperty();
    }

    [Fact]
    public void Step_LongConstantInput_ReachesSteadyStateOfHeatLossCoefficient()
    {
        var parameters = HouseParameters.Medium;
        var house = new TwoNodeHouse(parameters, 5, 5);
        const double outdoor = 0;
        const double watts = 3000;
        for (var i = 0; i < 2000; i++)
        {
            house.Step(TimeSpan.FromHours(1), outdoor, new HeatInput(watts, 0));
        }

        Assert.Equal(outdoor + (watts / parameters.HeatLossCoefficient), house.AirTemperature, 6);
    }

    [Fact]
    public void Step_OneLongStep_EqualsManyShortSteps()
    {
        var coarse = new TwoNodeHouse(HouseParameters.Medium, 18, 17);
        var fine = new TwoNodeHouse(HouseParameters.Medium, 18, 17);
        var input = new HeatInput(2000, 100);

        coarse.Step(TimeSpan.FromMinutes(60), -3, input);
        for (var i = 0; i < 60; i++)
        {
            fine.Step(Minute, -3, input);
        }

        Assert.Equal(fine.AirTemperature, coarse.AirTemperature, 9);
        Assert.Equal(fine.MassTemperature, coarse.MassTemperature, 9);
    }

    [Fact]
    public void Step_NoHeatColdOutside_Cools()
    {
        var house = new TwoNodeHouse(HouseParameters.Light, 20, 20);
        house.Step(TimeSpan.FromHours(1), -5, HeatInput.None);
        Assert.True(house.AirTemperature < 20);
        Assert.True(house.MassTemperature < 20);
    }

    [Theory]
    [InlineData("medium", 169)]
    [InlineData("light", 300)]
    [InlineData("heavy", 110)]
    public void HeatLossCoefficient_Presets_MatchResearchNote(string preset, double expectedUa)
    {
        var parameters = preset switch
        {
            "medium" => HouseParameters.Medium,
            "light" => HouseParameters.Light,
            _ => HouseParameters.Heavy,
        };
        Assert.InRange(parameters.HeatLossCoefficient, expectedUa - 1.5, expectedUa + 1.5);
    }

    [Fact]
    public void Constructor_ZeroCapacity_Throws()
    {
        var parameters = HouseParameters.Medium with { AirCapacity = 0 };
        Assert.Throws<ArgumentOutOfRangeException>(() => new TwoNodeHouse(parameters, 20, 20));
    }

    private static double Range(int raw, double low, double high) => low + ((high - low) * ((uint)raw % 10_001) / 10_000.0);
}
