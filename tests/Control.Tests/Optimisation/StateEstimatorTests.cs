using ProofOfHeat.Control.Optimisation;

namespace ProofOfHeat.Control.Tests.Optimisation;

public class StateEstimatorTests
{
    [Fact]
    public void Readings_pull_a_wrong_start_onto_the_house_including_the_unobserved_mass()
    {
        var house = PlanFixtures.House;
        var truth = new DiscreteThermalModel(house, TimeSpan.FromMinutes(15));
        var estimator = new StateEstimator(house, 18, 16, TimeSpan.FromMinutes(30));
        double air = 21, mass = 20.5;

        for (var k = 0; k < 96; k++)
        {
            (air, mass) = truth.Next(air, mass, 3000 + house.InternalGainsWatts, 0, 0);
            estimator.Advance(TimeSpan.FromMinutes(15), 3000, 0, 0, 0);
            estimator.Correct(air);
        }

        Assert.Equal(air, estimator.Air, 1);
        Assert.Equal(mass, estimator.Mass, 0);
    }

    [Fact]
    public void Hydronic_heat_arrives_through_the_lag()
    {
        var estimator = new StateEstimator(PlanFixtures.House, 20, 20, TimeSpan.FromMinutes(30));
        estimator.Advance(TimeSpan.FromMinutes(15), 0, 4000, 5, 0);
        Assert.InRange(estimator.HydronicDelivered, 1000, 2000);
        estimator.Advance(TimeSpan.FromHours(6), 0, 4000, 5, 0);
        Assert.Equal(4000, estimator.HydronicDelivered, 0);
    }
}
