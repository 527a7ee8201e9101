namespace ProofOfHeat.Control.Tests.TimeProportioning;

/// <summary>Runs a <see cref="TimeProportionalDrive"/> against a source that follows every command, and records what it ran at.</summary>
internal sealed class DriveRun
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 6, 0, 0, TimeSpan.Zero);

    private readonly TimeProportionalDrive _drive;
    private double _level;
    private DateTimeOffset _lastSwitch = Start - TimeSpan.FromDays(1);

    public DriveRun(TpiSourceLimits source, TimeSpan cycle, TimeSpan? maxCycle = null) =>
        _drive = new TimeProportionalDrive(source, cycle, maxCycle ?? TimeSpan.FromHours(1));

    /// <summary>The level at every step.</summary>
    public List<(DateTimeOffset At, double Watts)> Levels { get; } = [];

    /// <summary>Every on/off switch.</summary>
    public List<DateTimeOffset> Switches { get; } = [];

    /// <summary>Steps the drive every <paramref name="step"/> for <paramref name="length"/> with the fraction <paramref name="fraction"/> gives at each instant.</summary>
    public DriveRun Run(TimeSpan length, TimeSpan step, Func<DateTimeOffset, double> fraction)
    {
        for (var now = Start; now < Start + length; now += step)
        {
            var delivery = _drive.Step(now, fraction(now), new TpiSourceStatus(_level > 0, now - _lastSwitch));
            if ((delivery.Watts > 0) != (_level > 0))
            {
                _lastSwitch = now;
                Switches.Add(now);
            }

            _level = delivery.Watts;
            Levels.Add((now, _level));
        }

        return this;
    }

    /// <summary>The mean level over the steps from <paramref name="from"/> on, W.</summary>
    public double MeanFrom(DateTimeOffset from) => Levels.Where(l => l.At >= from).Average(l => l.Watts);

    /// <summary>The shortest time between two on/off switches.</summary>
    public TimeSpan ShortestPhase() =>
        Switches.Count < 2 ? TimeSpan.MaxValue : Switches.Zip(Switches.Skip(1), (a, b) => b - a).Min();
}
