using ProofOfHeat.Apps.Heating.Zones;

namespace ProofOfHeat.Apps.Heating.Tests;

public sealed class WindowDetectorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);
    private static readonly WindowOptions Options = new() { SlopeSampleInterval = TimeSpan.FromMinutes(1) };

    private static DateTimeOffset Min(double minutes) => T0 + TimeSpan.FromMinutes(minutes);

    [Fact]
    public void Contact_OpenShorterThanDelay_NoPause()
    {
        var detector = new WindowDetector(Options, hasContact: true);
        detector.SetContact(T0, open: true);
        Assert.False(detector.Evaluate(T0 + TimeSpan.FromSeconds(29)).Paused);
        detector.SetContact(T0 + TimeSpan.FromSeconds(29), open: false);
        Assert.False(detector.Evaluate(T0 + TimeSpan.FromSeconds(40)).Paused);
    }

    [Fact]
    public void Contact_OpenPastDelay_PausesUntilClosed()
    {
        var detector = new WindowDetector(Options, hasContact: true);
        detector.SetContact(T0, open: true);
        Assert.Equal(new WindowStatus(true, "window open"), detector.Evaluate(T0 + TimeSpan.FromSeconds(30)));
        Assert.True(detector.Evaluate(Min(60)).Paused);
        detector.SetContact(Min(61), open: false);
        Assert.Equal(WindowStatus.Closed, detector.Evaluate(Min(61)));
    }

    [Fact]
    public void Contact_OpenPastMaximumPause_HeatingResumes()
    {
        var detector = new WindowDetector(Options, hasContact: true);
        detector.SetContact(T0, open: true);
        var end = T0 + Options.ContactDelay + Options.ContactMaxPause;
        Assert.True(detector.Evaluate(end - TimeSpan.FromSeconds(1)).Paused);
        var after = detector.Evaluate(end);
        Assert.False(after.Paused);
        Assert.Equal("window open too long, heating resumed", after.Reason);
    }

    [Fact]
    public void Slope_SteadyCooling_NoDetection()
    {
        var detector = new WindowDetector(Options, hasContact: false);
        for (var i = 0; i <= 12; i++)
        {
            // 1 K/h, below the 3 K/h threshold.
            detector.AddTemperature(Min(i * 5), 21 - (i * 5 / 60.0));
        }

        Assert.False(detector.Evaluate(Min(60)).Paused);
        Assert.Equal(-1, detector.Slope, 6);
    }

    [Fact]
    public void Slope_FastDrop_PausesAfterFourSamples_ResumesWhenRising()
    {
        var detector = new WindowDetector(Options, hasContact: false);
        detector.AddTemperature(Min(0), 21.0);
        detector.AddTemperature(Min(2), 20.8);
        detector.AddTemperature(Min(4), 20.6);
        Assert.False(detector.Evaluate(Min(4)).Paused);

        // The fourth sample: 6 K/h down.
        detector.AddTemperature(Min(6), 20.4);
        Assert.Equal(new WindowStatus(true, "window open (temperature drop)"), detector.Evaluate(Min(6)));

        detector.AddTemperature(Min(8), 20.5);
        Assert.False(detector.Evaluate(Min(8)).Paused);
    }

    [Fact]
    public void Slope_StillDroppingPastMaximumPause_ResumesAndDoesNotReopenUntilRecovered()
    {
        var detector = new WindowDetector(Options, hasContact: false);
        var temperature = 21.0;
        for (var i = 0; i <= 4; i++)
        {
            detector.AddTemperature(Min(i * 2), temperature -= 0.2);
        }

        Assert.True(detector.Evaluate(Min(8)).Paused);
        Assert.False(detector.Evaluate(Min(38)).Paused);
        detector.AddTemperature(Min(40), temperature -= 0.2);
        Assert.False(detector.Evaluate(Min(40)).Paused);

        detector.AddTemperature(Min(42), temperature += 0.1);
        detector.AddTemperature(Min(44), temperature -= 0.3);
        Assert.True(detector.Evaluate(Min(44)).Paused);
    }

    [Fact]
    public void Slope_SamplesSecondsApartAndOutliers_Ignored()
    {
        var detector = new WindowDetector(Options, hasContact: false);
        detector.AddTemperature(Min(0), 21.0);
        detector.AddTemperature(Min(0.1), 20.9);
        detector.AddTemperature(Min(5), 21.0);
        detector.AddTemperature(Min(6), 15.0);
        detector.AddTemperature(Min(10), 21.0);
        detector.AddTemperature(Min(15), 21.0);
        Assert.False(detector.Evaluate(Min(15)).Paused);
        Assert.Equal(0, detector.Slope, 6);
    }

    [Fact]
    public void Slope_DefaultInterval_QuantisedNoiseEveryMinute_NoDetection()
    {
        var detector = new WindowDetector(new WindowOptions(), hasContact: false);
        double[] noisy = [19.5, 19.4, 19.5, 19.4, 19.3, 19.4, 19.5, 19.4, 19.3, 19.4, 19.4, 19.3, 19.4, 19.5, 19.4, 19.3, 19.4, 19.3, 19.4, 19.5, 19.4];
        var paused = false;
        for (var i = 0; i < noisy.Length; i++)
        {
            detector.AddTemperature(Min(i), noisy[i]);
            paused |= detector.Evaluate(Min(i)).Paused;
        }

        Assert.False(paused);
    }

    [Fact]
    public void Slope_DefaultInterval_WindowDropsOneKelvinInFiveMinutes_Detected()
    {
        var detector = new WindowDetector(new WindowOptions(), hasContact: false);
        for (var i = 0; i <= 20; i++)
        {
            detector.AddTemperature(Min(i), 20.0);
        }

        for (var i = 1; i <= 5; i++)
        {
            detector.AddTemperature(Min(20 + i), 20.0 - (i * 0.2));
        }

        Assert.True(detector.Evaluate(Min(25)).Paused);
    }

    [Fact]
    public void Slope_WithContactSensor_SlopeIgnored()
    {
        var detector = new WindowDetector(Options, hasContact: true);
        for (var i = 0; i <= 6; i++)
        {
            detector.AddTemperature(Min(i * 2), 21 - i);
        }

        Assert.False(detector.Evaluate(Min(12)).Paused);
    }
}
