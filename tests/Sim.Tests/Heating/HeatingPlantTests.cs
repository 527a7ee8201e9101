using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ProofOfHeat.Sim.Heating;
using ProofOfHeat.Sim.Heating.Sources;
using ProofOfHeat.Sim.House;

namespace ProofOfHeat.Sim.Tests.Heating;

public sealed class HeatingPlantTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromSeconds(60);
    private static readonly DateTimeOffset Start = new(2027, 1, 4, 0, 0, 0, TimeSpan.Zero);

    private static HeatingPlant SetD(PlantOptions? options = null) => new(
        HouseParameters.Medium,
        [MinerSource.S21("miner"), HeatPumpSource.Standard("hp"), GasBoilerSource.Standard("boiler"), ResistiveSource.Standard("heater")],
        options ?? PlantOptions.Radiators,
        20,
        19);

    [Property(MaxTest = 60)]
    public Property Step_AnyCommandsAndWeather_HeatInMinusLossesEqualsStoredChange(
        int seed, int outdoor, int ghi, int window, bool underfloor)
    {
        var plant = SetD(underfloor ? PlantOptions.Underfloor : PlantOptions.Radiators);
        var random = new Random(seed);
        double sourceHeat = 0, gains = 0, windowLoss = 0, lost = 0;
        var before = plant.StoredHeat;
        var t = Start;
        for (var i = 0; i < 600; i++)
        {
            if (i % 15 == 0)
            {
                foreach (var source in plant.Sources)
                {
                    source.Command(t, random.NextDouble() < 0.4 ? 0 : random.NextDouble() * source.Levels[^1], random.NextDouble() < 0.5 ? null : 25 + (random.NextDouble() * 50));
                }
            }

            var result = plant.Step(t, Minute, new PlantBoundary(Range(outdoor, -20, 15) + (i % 5), Range(ghi, 0, 600), 300, i % 97 < 10 ? Range(window, 0, 500) : 0));
            sourceHeat += result.SourceHeat;
            gains += result.Gains;
            windowLoss += result.WindowLoss;
            lost += result.House.HeatLostToOutdoor;
            t += Minute;
        }

        var stored = plant.StoredHeat - before;
        var balance = sourceHeat + gains - windowLoss - lost - stored;
        var scale = Math.Max(1, sourceHeat + gains + Math.Abs(lost));
        return (Math.Abs(balance) <= 1e-6 * scale).Label($"balance {balance} J of {scale} J");
    }

    [Fact]
    public void Step_HydronicSource_DeliversWithFirstOrderLag()
    {
        var plant = new HeatingPlant(HouseParameters.Medium, [HeatPumpSource.Standard("hp")], PlantOptions.Radiators, 20, 20);
        plant.Source("hp").Command(Start, 3000, 55);
        var t = Start;
        var delivered = new List<double>();
        for (var i = 0; i < 120; i++)
        {
            var r = plant.Step(t, Minute, new PlantBoundary(0, 0, 0, 0));
            delivered.Add(r.SourceHeatToAir);
            t += Minute;
        }

        // After one time constant (30 min) the delivery reaches ≈ 1 − e⁻¹ of the produced 3 kW.
        Assert.InRange(delivered[29], 0.6 * 3000, 0.66 * 3000);
        Assert.InRange(delivered[119], 0.97 * 3000, 3000);
    }

    [Fact]
    public void Step_LowFlowTemperature_LimitsHeatPumpByEmitters()
    {
        var plant = new HeatingPlant(HouseParameters.Medium, [HeatPumpSource.Standard("hp")], PlantOptions.Radiators, 20, 20);
        plant.Source("hp").Command(Start, 8000, 30);
        var r = plant.Step(Start, Minute, new PlantBoundary(0, 0, 0, 0));
        var capacity = PlantOptions.Radiators.EmitterCapacity(30, 20);
        Assert.Equal(capacity, r.Outputs[0].HeatWatts, 6);
        Assert.True(capacity < 8000);
    }

    [Fact]
    public void Step_Miner_AllElectricityBecomesHeatInTheAir()
    {
        var plant = new HeatingPlant(HouseParameters.Medium, [MinerSource.S21("miner")], PlantOptions.Radiators, 20, 20);
        plant.Source("miner").Command(Start, 1750);
        var r = plant.Step(Start, Minute, new PlantBoundary(0, 0, 0, 0));
        Assert.Equal(1750, r.ElectricWatts);
        Assert.Equal(1750, r.SourceHeatToAir);
        Assert.Equal(0, r.SourceHeatToMass);
        Assert.Equal(1750 / (17.5 * (1 - (0.10 * (0.5 / 0.75)))), r.Outputs[0].TerahashPerSecond, 9);
    }

    [Fact]
    public void Step_OpenWindow_LosesExtraConductanceTimesDifference()
    {
        var plant = new HeatingPlant(HouseParameters.Medium, [ResistiveSource.Standard("heater")], PlantOptions.Radiators, 20, 20);
        var r = plant.Step(Start, Minute, new PlantBoundary(0, 0, 0, 500));
        Assert.Equal(500 * 20 * 60, r.WindowLoss, 6);
    }

    private static double Range(int raw, double low, double high) => low + ((high - low) * ((uint)raw % 10_001) / 10_000.0);
}
