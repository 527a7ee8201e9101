using ProofOfHeat.Control.Optimisation;

namespace ProofOfHeat.Control.Tests.Optimisation;

public class ModelIdentifierTests
{
    [Fact]
    public void Recovers_a_known_house_from_quantised_noisy_thermostat_data()
    {
        var truth = PlanFixtures.House;
        var samples = Synthetic(truth, days: 7, seed: 3);

        var result = ModelIdentifier.Fit(samples, TimeSpan.FromMinutes(1));

        var m = result.Model;
        Assert.InRange(m.HeatLossCoefficient / truth.HeatLossCoefficient, 0.85, 1.15);
        Assert.InRange(m.AirCapacity / truth.AirCapacity, 0.6, 1.6);
        Assert.InRange((m.AirCapacity + m.MassCapacity) / (truth.AirCapacity + truth.MassCapacity), 0.6, 1.5);
        Assert.InRange(m.SolarAperture, 3, 9);
        Assert.True(result.RootMeanSquareError < 0.15, $"rms {result.RootMeanSquareError}");
    }

    [Fact]
    public void Refuses_a_history_without_readings()
    {
        var samples = Enumerable.Repeat(new IdentificationSample(null, 0, 0, 0, 0), 500).ToList();
        Assert.Throws<ArgumentException>(() => ModelIdentifier.Fit(samples, TimeSpan.FromMinutes(1)));
    }

    /// <summary>A week under a hysteresis thermostat with a 3.5 kW heater, sensor quantised to 0.1 K with noise.</summary>
    internal static List<IdentificationSample> Synthetic(ThermalModel truth, int days, int seed)
    {
        var random = new Random(seed);
        var step = new DiscreteThermalModel(truth, TimeSpan.FromMinutes(1));
        var samples = new List<IdentificationSample>();
        double air = 20, mass = 19.5;
        var on = false;
        for (var minute = 0; minute < days * 1440; minute++)
        {
            var hours = minute / 60.0;
            var outdoor = 2 + (4 * Math.Sin(2 * Math.PI * (hours - 9) / 24)) + (3 * Math.Sin(2 * Math.PI * hours / 90));
            var solar = Math.Max(0, 400 * Math.Sin(2 * Math.PI * (hours - 7) / 24));
            var target = (minute / 60 % 24) is >= 8 and < 20 ? 18.0 : 21.0;
            var reading = Math.Round((air + (0.05 * Gaussian(random))) * 10) / 10;
            on = reading <= target - 0.3 || (on && reading < target + 0.3);
            var heat = on ? 3500.0 : 0;
            samples.Add(new IdentificationSample(reading, outdoor, solar, heat, 0));
            (air, mass) = step.Next(air, mass, heat + truth.InternalGainsWatts + (truth.SolarAperture * solar), 0, outdoor);
        }

        return samples;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
