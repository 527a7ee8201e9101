using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.Apps.Safety.Options;
using ProofOfHeat.Apps.Safety.Policies;

namespace ProofOfHeat.Apps.Safety.Tests.Policies;

public sealed class SensorHealthPolicyTests
{
    private const string Leak = "binary_sensor.leak_kitchen";
    private const string Battery = "sensor.leak_kitchen_battery";
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 18, 0, 0, TimeSpan.Zero);

    private static SensorHealthPolicy Policy() => new(
        new SensorHealthOptions { SilentAfter = TimeSpan.FromHours(25), BatteryLow = 15, Batteries = new Dictionary<string, string> { [Leak] = Battery } },
        [Leak]);

    [Fact]
    public void Unavailable_IsReportedOnce_AndResolvedWhenBack()
    {
        var policy = Policy();
        var states = new Dictionary<string, EntityState> { [Leak] = EntityState.Create(Leak, "unavailable", T0) };

        var first = policy.Evaluate(T0, id => states.GetValueOrDefault(id));
        var again = policy.Evaluate(T0.AddMinutes(1), id => states.GetValueOrDefault(id));
        states[Leak] = EntityState.Create(Leak, "off", T0.AddMinutes(2));
        var back = policy.Evaluate(T0.AddMinutes(2), id => states.GetValueOrDefault(id));

        Assert.Equal(SensorProblemKind.Unavailable, Assert.Single(first.Raised).Kind);
        Assert.Empty(again.Raised);
        Assert.Equal(SensorProblemKind.Unavailable, Assert.Single(back.Resolved).Kind);
    }

    [Fact]
    public void Silent_CountsTheBatteryEntitysUpdatesAsSignsOfLife()
    {
        var policy = Policy();
        var states = new Dictionary<string, EntityState>
        {
            [Leak] = EntityState.Create(Leak, "off", T0),
            [Battery] = EntityState.Create(Battery, "80", T0.AddHours(20)),
        };

        var alive = policy.Evaluate(T0.AddHours(30), id => states.GetValueOrDefault(id));
        var silent = policy.Evaluate(T0.AddHours(46), id => states.GetValueOrDefault(id));

        Assert.Empty(alive.Raised);
        Assert.Equal(SensorProblemKind.Silent, Assert.Single(silent.Raised).Kind);
    }

    [Fact]
    public void LowBattery_FromItsEntity_OrFromTheBatteryAttribute()
    {
        var fromEntity = Policy();
        var states = new Dictionary<string, EntityState>
        {
            [Leak] = EntityState.Create(Leak, "off", T0),
            [Battery] = EntityState.Create(Battery, "9", T0),
        };
        var fromAttribute = new SensorHealthPolicy(new SensorHealthOptions(), [Leak]);
        var withAttribute = EntityState.Create(Leak, "off", T0, new { battery = 12 });

        Assert.Equal(SensorProblemKind.BatteryLow, Assert.Single(fromEntity.Evaluate(T0, id => states.GetValueOrDefault(id)).Raised).Kind);
        Assert.Equal(SensorProblemKind.BatteryLow, Assert.Single(fromAttribute.Evaluate(T0, _ => withAttribute).Raised).Kind);
    }

    [Fact]
    public void UnknownToTheHome_IsUnavailable()
    {
        var decision = Policy().Evaluate(T0, _ => null);

        Assert.Equal("not known to the home", Assert.Single(decision.Raised).Detail);
    }
}
