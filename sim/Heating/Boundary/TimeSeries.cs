namespace ProofOfHeat.Sim.Heating.Boundary;

/// <summary>A regularly sampled series, read by linear interpolation (held flat past its ends).</summary>
public sealed class TimeSeries
{
    private readonly double[] _values;

    /// <summary>Creates the series; <paramref name="values"/>[i] is the value at <paramref name="start"/> + i·<paramref name="interval"/>.</summary>
    public TimeSeries(DateTimeOffset start, TimeSpan interval, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfZero(values.Count);
        Start = start;
        Interval = interval;
        _values = [.. values];
    }

    /// <summary>The first sample's instant.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>The sample spacing.</summary>
    public TimeSpan Interval { get; }

    /// <summary>The samples.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <summary>The instant just after the last sample's interval.</summary>
    public DateTimeOffset End => Start + (Interval * _values.Length);

    /// <summary>The interpolated value at <paramref name="at"/>.</summary>
    public double At(DateTimeOffset at)
    {
        var position = (at - Start) / Interval;
        if (position <= 0)
        {
            return _values[0];
        }

        var index = (int)Math.Floor(position);
        if (index >= _values.Length - 1)
        {
            return _values[^1];
        }

        var fraction = position - index;
        return _values[index] + (fraction * (_values[index + 1] - _values[index]));
    }
}
