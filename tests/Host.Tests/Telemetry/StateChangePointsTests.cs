using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.AppModel.Telemetry;
using ProofOfHeat.Host.Telemetry;

namespace ProofOfHeat.Host.Tests.Telemetry;

public sealed class StateChangePointsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void From_Climate_IsAZoneWithRoomAndTarget()
    {
        var state = EntityState.Create("climate.living_room", "heat", At, new { current_temperature = 20.5, temperature = 21 });

        var point = StateChangePoints.From(state, valueChanged: false)!;

        Assert.Equal("zone", point.Table);
        Assert.Equal(At, point.Timestamp);
        Assert.Equal([new KeyValuePair<string, string>("zone", "living_room")], point.Symbols);
        Assert.Equal([TelemetryField.Of("hvac", "heat"), TelemetryField.Of("room_c", 20.5), TelemetryField.Of("target_c", 21.0)], point.Fields);
    }

    [Fact]
    public void From_NumericSensor_IsAFloatValueWithDomainAndEntity()
    {
        var point = StateChangePoints.From(EntityState.Create("sensor.poh_s19_hashrate", "104.2", At), valueChanged: true)!;

        Assert.Equal("state", point.Table);
        Assert.Equal([new KeyValuePair<string, string>("domain", "sensor"), new KeyValuePair<string, string>("entity", "poh_s19_hashrate")], point.Symbols);
        Assert.Equal([TelemetryField.Of("value", 104.2)], point.Fields);
    }

    [Fact]
    public void From_TextState_IsAString()
    {
        var point = StateChangePoints.From(EntityState.Create("select.poh_s19_mode", "heat", At), valueChanged: true)!;

        Assert.Equal([TelemetryField.Of("state", "heat")], point.Fields);
    }

    [Fact]
    public void From_UnavailableOrAttributeOnlyChange_RecordsNothing()
    {
        Assert.Null(StateChangePoints.From(EntityState.Create("sensor.x", "unavailable", At), valueChanged: true));
        Assert.Null(StateChangePoints.From(EntityState.Create("sensor.x", "3", At), valueChanged: false));
    }
}
