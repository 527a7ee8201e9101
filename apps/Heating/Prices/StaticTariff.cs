using ProofOfHeat.Apps.Heating.Schedules;

namespace ProofOfHeat.Apps.Heating.Prices;

/// <summary>
/// Pure: the static time-of-use table as a series of slots (local wall-clock rows, so a DST change moves them with
/// the clock). Where rows overlap the later one wins; where none applies the flat price does.
/// </summary>
public sealed class StaticTariff
{
    private readonly IReadOnlyList<(IReadOnlySet<DayOfWeek> Days, TimeSpan From, TimeSpan To, double Price)> _rows;
    private readonly double _flat;

    /// <summary>Compiles (and so validates) the table.</summary>
    public StaticTariff(IReadOnlyList<TimeOfUseRate> rows, double flatPrice)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _rows = [.. rows.Select((r, i) => (
            ScheduleText.ParseDays(r.Days, $"prices.static[{i}].days"),
            ScheduleText.ParseTime(r.From, $"prices.static[{i}].from"),
            ScheduleText.ParseTime(r.To, $"prices.static[{i}].to", allowEndOfDay: true),
            double.IsFinite(r.Price) ? r.Price : throw new ArgumentException($"prices.static[{i}].price must be a number.")))];
        _flat = flatPrice;
    }

    /// <summary>The price at a local wall-clock time.</summary>
    public double PriceAt(DateTime local)
    {
        var price = _flat;
        var time = local.TimeOfDay;
        var previous = (DayOfWeek)(((int)local.DayOfWeek + 6) % 7);
        foreach (var (days, from, to, rowPrice) in _rows)
        {
            var wraps = to <= from;
            var today = days.Contains(local.DayOfWeek) && (wraps ? time >= from : time >= from && time < to);
            var spill = wraps && days.Contains(previous) && time < to;
            if (today || spill)
            {
                price = rowPrice;
            }
        }

        return price;
    }

    /// <summary>Slots of <paramref name="slot"/> from the one containing <paramref name="from"/> up to <paramref name="until"/>.</summary>
    public IEnumerable<PricePoint> Slots(DateTimeOffset from, DateTimeOffset until, TimeSpan slot, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var start = new DateTimeOffset(from.UtcTicks - (from.UtcTicks % slot.Ticks), TimeSpan.Zero);
        for (var at = start; at < until; at += slot)
        {
            yield return new PricePoint(at, slot, PriceAt(TimeZoneInfo.ConvertTime(at, zone).DateTime));
        }
    }
}
