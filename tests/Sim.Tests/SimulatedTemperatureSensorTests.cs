using ProofOfHeat.Sim.Devices;
using ProofOfHeat.Sim.Randomness;

namespace ProofOfHeat.Sim.Tests;

public sealed class SimulatedTemperatureSensorTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 6, 0, 0, TimeSpan.Zero);

    private static SimulatedTemperatureSensor Quiet(TemperatureSensorOptions? options = null) =>
        new("room", (options ?? new TemperatureSensorOptions()) with { NoiseSigma = 0 }, new SeededRandom(1));

    [Fact]
    public void Sample_FirstReading_ReportsQuantisedValue()
    {
        var reading = Quiet().Sample(Start, 20.437);
        Assert.NotNull(reading);
        Assert.Equal(20.4, reading.Value);
        Assert.False(reading.IsHeartbeat);
    }

    [Fact]
    public void Sample_NoisySensor_AlwaysOnTheTenthGrid()
    {
        var sensor = new SimulatedTemperatureSensor("room", new TemperatureSensorOptions(), new SeededRandom(5));
        for (var i = 0; i < 500; i++)
        {
            if (sensor.Sample(Start.AddMinutes(i), 20 + (i * 0.013)) is { } reading)
            {
                Assert.Equal(Math.Round(reading.Value, 1), reading.Value);
            }
        }
    }

    [Fact]
    public void Sample_SmallChange_NoReport()
    {
        var sensor = Quiet();
        sensor.Sample(Start, 20.0);
        Assert.Null(sensor.Sample(Start.AddMinutes(1), 20.04));
    }

    [Fact]
    public void Sample_ChangeOfOneTenth_Reports()
    {
        var sensor = Quiet();
        sensor.Sample(Start, 20.0);
        var reading = sensor.Sample(Start.AddMinutes(1), 20.1);
        Assert.NotNull(reading);
        Assert.Equal(20.1, reading.Value);
    }

    [Fact]
    public void Sample_NoChangeForFiveMinutes_SendsHeartbeat()
    {
        var sensor = Quiet();
        sensor.Sample(Start, 20.0);
        for (var minute = 1; minute < 5; minute++)
        {
            Assert.Null(sensor.Sample(Start.AddMinutes(minute), 20.0));
        }

        var heartbeat = sensor.Sample(Start.AddMinutes(5), 20.04);
        Assert.NotNull(heartbeat);
        Assert.True(heartbeat.IsHeartbeat);
        Assert.Equal(20.0, heartbeat.Value);
    }

    [Fact]
    public void Sample_Silent_ReportsNothingEvenAfterHeartbeat()
    {
        var sensor = Quiet();
        sensor.Sample(Start, 20.0);
        sensor.IsSilent = true;
        Assert.Null(sensor.Sample(Start.AddMinutes(30), 25.0));
    }

    [Fact]
    public void Sample_PeriodicOnlySensor_ReportsOnlyOnPeriod()
    {
        var sensor = Quiet(TemperatureSensorOptions.Outdoor);
        sensor.Sample(Start, 2.0);
        Assert.Null(sensor.Sample(Start.AddMinutes(9), 5.0));
        var reading = sensor.Sample(Start.AddMinutes(10), 5.0);
        Assert.NotNull(reading);
        Assert.Equal(5.0, reading.Value);
        Assert.False(reading.IsHeartbeat);
    }

    [Fact]
    public void Sample_SameSeed_SameReadings()
    {
        var a = new SimulatedTemperatureSensor("room", new TemperatureSensorOptions(), new SeededRandom(9));
        var b = new SimulatedTemperatureSensor("room", new TemperatureSensorOptions(), new SeededRandom(9));
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(a.Sample(Start.AddMinutes(i), 20.05), b.Sample(Start.AddMinutes(i), 20.05));
        }
    }
}
