using ProofOfHeat.Control.Optimisation;

namespace ProofOfHeat.Control.Tests.Optimisation;

public class DiscreteThermalModelTests
{
    [Fact]
    public void Exact_step_matches_a_fine_euler_integration()
    {
        var m = PlanFixtures.House;
        var discrete = new DiscreteThermalModel(m, TimeSpan.FromMinutes(15));
        var (air, mass) = discrete.Next(19, 18, 3000, 500, -3);

        double ea = 19, em = 18;
        const double dt = 0.1;
        for (var t = 0.0; t < 900; t += dt)
        {
            var da = (3000 + (m.AirToMass * (em - ea)) + (m.AirToOutdoor * (-3 - ea))) / m.AirCapacity;
            var dm = (500 + (m.AirToMass * (ea - em)) + (m.MassToOutdoor * (-3 - em))) / m.MassCapacity;
            ea += da * dt;
            em += dm * dt;
        }

        Assert.Equal(ea, air, 3);
        Assert.Equal(em, mass, 3);
    }

    [Fact]
    public void Long_steps_settle_at_the_steady_state_where_heat_in_equals_heat_lost()
    {
        var m = PlanFixtures.House;
        var discrete = new DiscreteThermalModel(m, TimeSpan.FromDays(30));
        var (air, _) = discrete.Next(10, 10, m.HeatLossCoefficient * 20, 0, 0);
        Assert.Equal(20, air, 2);
    }
}
