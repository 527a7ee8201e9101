namespace ProofOfHeat.Control;

/// <summary>
/// Delivers TPI's on-fraction to one source as Versatile Thermostat's TPI means it: the source runs at the upper of
/// the two levels that bracket the wanted power (on-fraction × top level) for the matching share of the cycle and at
/// the lower one for the rest, upper first. Versatile Thermostat (github.com/jmcollin78/versatile_thermostat,
/// prop_algo_tpi.py and its TPI documentation) takes on_percent once per cycle and keeps an over_switch heater on for
/// on_percent × cycle, skipping an on or off phase shorter than its minimal activation or deactivation delay. On an
/// on/off heater the two levels are off and on, so 30 % is on for 30 % of every cycle, not off because 30 % is nearer
/// to 0 than to full.
/// <para>
/// A phase that switches the source on or off is never shorter than its minimum on or off time (a miner's dwell): the
/// cycle is stretched until both phases fit, up to the longest allowed cycle. A share that no cycle up to that length
/// can hold becomes the nearest share that one can (or none, or all). A modulating source above its lowest level gets
/// the wanted power itself. The drive keeps only the current cycle; the source's on/off state comes from the caller.
/// </para>
/// </summary>
public sealed class TimeProportionalDrive
{
    /// <summary>
    /// The longest cycle by default: an hour, an eighth or less of a room's time constant (hours), so the ripple of a
    /// stretched cycle stays small, while a miner with a 15-minute dwell can still deliver a quarter of its power.
    /// </summary>
    public static readonly TimeSpan DefaultMaxCycle = TimeSpan.FromHours(1);

    private const double Epsilon = 1e-6;
    private readonly double[] _levels;
    private readonly double _lowestPositive;
    private readonly TimeSpan _cycle;
    private readonly TimeSpan _maxCycle;
    private CyclePlan? _plan;

    /// <summary>Creates the drive of one source.</summary>
    /// <param name="source">The source's levels and minimum times.</param>
    /// <param name="cycle">The TPI cycle (VTherm's <c>cycle_min</c>; 5–10 min for electric heat).</param>
    /// <param name="maxCycle">The longest a cycle may be stretched to fit the minimum times; at least <paramref name="cycle"/>.</param>
    public TimeProportionalDrive(TpiSourceLimits source, TimeSpan cycle, TimeSpan maxCycle)
    {
        ArgumentNullException.ThrowIfNull(source);
        source.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(cycle, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCycle, cycle);
        Source = source;
        _levels = [.. source.Levels.Distinct().Order()];
        _lowestPositive = _levels.FirstOrDefault(l => l > 0);
        _cycle = cycle;
        _maxCycle = maxCycle;
    }

    /// <summary>The source's levels and minimum times.</summary>
    public TpiSourceLimits Source { get; }

    /// <summary>The highest level, W.</summary>
    public double Top => _levels[^1];

    /// <summary>
    /// The level at <paramref name="now"/> for <paramref name="onFraction"/>. The fraction is taken when a cycle starts and
    /// holds for the cycle, unless the wanted power leaves the cycle's bracket (a new target, a zone turned off): then a
    /// new cycle starts at once, the source's minimum times permitting.
    /// </summary>
    public TpiDelivery Step(DateTimeOffset now, double onFraction, TpiSourceStatus status)
    {
        var wanted = (double.IsNaN(onFraction) ? 0 : Math.Clamp(onFraction, 0, 1)) * Top;
        if (_plan is not { } plan || now >= plan.Start + plan.Length || wanted < plan.Low - Epsilon || wanted > plan.High + Epsilon)
        {
            plan = NewPlan(now, wanted, status);
            _plan = plan;
        }

        return Deliver(plan, now, status);
    }

    private CyclePlan NewPlan(DateTimeOffset now, double wanted, TpiSourceStatus status)
    {
        var (low, high) = Bracket(wanted);
        if (high - low < Epsilon)
        {
            return new CyclePlan(now, _cycle, low, high, _cycle);
        }

        var share = (wanted - low) / (high - low);
        if (low > 0)
        {
            // Both levels run the source: changing between them switches nothing on or off, so no minimum time holds it.
            return new CyclePlan(now, _cycle, low, high, _cycle * share);
        }

        share = Achievable(share);
        if (share <= 0 || share >= 1)
        {
            return new CyclePlan(now, _cycle, low, high, share >= 1 ? _cycle : TimeSpan.Zero);
        }

        var length = Max(_cycle, Max(Source.MinimumOn / share, Source.MinimumOff / (1 - share)));
        // The cycle opens with the on phase: a source still serving its off time starts the cycle when it may.
        var start = !status.Running && status.SinceSwitch < Source.MinimumOff ? now + (Source.MinimumOff - status.SinceSwitch) : now;
        return new CyclePlan(start, length, low, high, length * share);
    }

    private TpiDelivery Deliver(CyclePlan plan, DateTimeOffset now, TpiSourceStatus status)
    {
        double level;
        DateTimeOffset next;
        if (now < plan.Start)
        {
            (level, next) = (plan.Low, plan.Start);
        }
        else if (now - plan.Start < plan.HighTime)
        {
            (level, next) = (plan.High, plan.Start + plan.HighTime);
        }
        else
        {
            (level, next) = (plan.Low, plan.Start + plan.Length);
        }

        // The plan keeps the minimum times between its own phases; this holds them across an early new cycle, the
        // start, and a switch the drive did not make.
        if ((level > 0) != status.Running)
        {
            var hold = status.Running ? Source.MinimumOn : Source.MinimumOff;
            if (status.SinceSwitch < hold)
            {
                level = status.Running ? Math.Max(plan.High, _lowestPositive) : 0;
                var free = now + (hold - status.SinceSwitch);
                next = free < next ? free : next;
            }
        }

        var share = plan.Length > TimeSpan.Zero ? plan.HighTime / plan.Length : 0;
        return new TpiDelivery(level, next, plan.Low, plan.High, share, plan.Length);
    }

    private (double Low, double High) Bracket(double wanted)
    {
        if (Source.Modulating && _lowestPositive > 0 && wanted >= _lowestPositive - Epsilon)
        {
            var power = Math.Min(Math.Max(wanted, _lowestPositive), Top);
            return (power, power);
        }

        var low = _levels[0];
        var high = Top;
        foreach (var level in _levels)
        {
            if (level <= wanted + Epsilon)
            {
                low = level;
            }

            if (level >= wanted - Epsilon && level < high)
            {
                high = level;
            }
        }

        return (low, Math.Max(low, high));
    }

    // The share nearest to the wanted one that a cycle no longer than the longest allowed can hold with both phases at
    // least their minimum times; none or all when the minimum times do not fit in the longest cycle at all.
    private double Achievable(double share)
    {
        var lowest = Source.MinimumOn / _maxCycle;
        var highest = 1 - (Source.MinimumOff / _maxCycle);
        if (share >= lowest && share <= highest)
        {
            return share;
        }

        double[] candidates = lowest <= highest ? [0, lowest, highest, 1] : [0, 1];
        // Ties go to the lower share, so a half-way answer never spends more than asked.
        return candidates.OrderBy(c => Math.Abs(c - share)).ThenBy(c => c).First();
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed record CyclePlan(DateTimeOffset Start, TimeSpan Length, double Low, double High, TimeSpan HighTime);
}
