using ProofOfHeat.Control.Baselines;

namespace ProofOfHeat.Control.Tests.Baselines;

public sealed class PidControllerTests
{
    private static readonly DateTimeOffset T0 = new(2027, 1, 4, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Update_HandComputedTerms()
    {
        var pid = new PidController(new PidGains(Kp: 50, Ki: 0.01, Kd: 2000, Ke: 0.6));
        // First sample: P = 50·0.3 = 15, E = 0.6·20 = 12, no I or D yet.
        Assert.Equal(27, pid.Update(T0, 21.3, 21.0, 1.3), 9);
        // 600 s later at 20.9: P = 20, I = 0.01·0.4·600 = 2.4, D = −2000·(−0.1)/600 = 1/3, E = 12.
        Assert.Equal(20 + 2.4 + (1.0 / 3) + 12, pid.Update(T0.AddSeconds(600), 21.3, 20.9, 1.3), 9);
    }

    [Fact]
    public void Update_ClampsOutputAndIntegral()
    {
        var pid = new PidController(new PidGains(Kp: 10, Ki: 1, Kd: 0, Ke: 0));
        pid.Update(T0, 21, 15, null);
        Assert.Equal(100, pid.Update(T0.AddHours(1), 21, 15, null));
        Assert.Equal(100, pid.Integral);
        // Far above the setpoint the integral winds down but never below zero.
        pid.Update(T0.AddHours(2), 21, 30, null);
        Assert.Equal(0, pid.Integral);
        Assert.Equal(0, pid.Output);
    }

    [Fact]
    public void Reset_ClearsIntegral()
    {
        var pid = new PidController(new PidGains(Kp: 0, Ki: 0.01, Kd: 0, Ke: 0));
        pid.Update(T0, 21, 20, null);
        pid.Update(T0.AddSeconds(1000), 21, 20, null);
        Assert.Equal(10, pid.Integral, 9);
        pid.Reset();
        Assert.Equal(0, pid.Update(T0.AddSeconds(2000), 21, 20, null));
    }

    [Fact]
    public void Update_NaNTemperature_KeepsOutput()
    {
        var pid = new PidController(new PidGains(Kp: 10, Ki: 0, Kd: 0, Ke: 0));
        pid.Update(T0, 21, 20, null);
        Assert.Equal(10, pid.Update(T0.AddMinutes(1), 21, double.NaN, null));
    }
}
