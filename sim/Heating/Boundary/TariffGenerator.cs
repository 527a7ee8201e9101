using ProofOfHeat.Sim.Randomness;

namespace ProofOfHeat.Sim.Heating.Boundary;

/// <summary>
/// Generates the seeded tariffs. The synthetic spot has a night trough, morning and evening peaks,
/// a midday (solar) dip, cheaper weekends, a daily level that wanders as AR(1) (wind weeks) and
/// quarter-hour noise; the lowest 3 % of quarter-hours are then made negative, as on windy or
/// sunny days.
/// </summary>
public static class TariffGenerator
{
    /// <summary>Network charges added to the spot, €/kWh.</summary>
    public const double NetworkCharge = 0.15;

    /// <summary>VAT factor.</summary>
    public const double Vat = 1.2;

    /// <summary>Share of negative spot quarter-hours.</summary>
    public const double NegativeShare = 0.03;

    private static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);

    /// <summary>Generates <paramref name="length"/> of <paramref name="kind"/> from <paramref name="start"/> (a midnight).</summary>
    public static IReadOnlyList<TariffSlot> Generate(TariffKind kind, long seed, DateTimeOffset start, TimeSpan length)
    {
        var quarters = (int)Math.Ceiling(length / Quarter);
        var always = start - TimeSpan.FromDays(1);
        switch (kind)
        {
            case TariffKind.T1:
                return [.. Enumerable.Range(0, quarters).Select(i => new TariffSlot(start + (Quarter * i), Quarter, 0.30, always))];
            case TariffKind.T2:
                return [.. Enumerable.Range(0, quarters).Select(i =>
                {
                    var at = start + (Quarter * i);
                    var hour = at.UtcDateTime.Hour;
                    return new TariffSlot(at, Quarter, hour is >= 7 and < 22 ? 0.35 : 0.22, always);
                })];
            case TariffKind.T3:
            case TariffKind.T3Stress:
                var spot = Spot(seed, start, quarters, kind == TariffKind.T3Stress ? 2 : 1);
                return [.. spot.Select((w, i) =>
                {
                    var at = start + (Quarter * i);
                    return new TariffSlot(at, Quarter, Math.Round((w + NetworkCharge) * Vat, 5), Publication(at, start, 13));
                })];
            case TariffKind.T4:
                var wholesale = Spot(seed, start, quarters + 1, 1);
                var half = TimeSpan.FromMinutes(30);
                return [.. Enumerable.Range(0, (quarters + 1) / 2).Select(i =>
                {
                    var at = start + (half * i);
                    var w = (wholesale[2 * i] + wholesale[(2 * i) + 1]) / 2;
                    var peak = at.UtcDateTime.Hour is >= 16 and < 19 ? 0.12 : 0;
                    return new TariffSlot(at, half, Math.Round(Math.Min((2.2 * w) + peak, 0.78), 5), Publication(at, start, 16));
                })];
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    /// <summary>When a day-ahead price for <paramref name="at"/> is published: <paramref name="hour"/>:00 the day before.</summary>
    public static DateTimeOffset Publication(DateTimeOffset at, DateTimeOffset seriesStart, int hour)
    {
        var published = at.UtcDateTime.Date.AddDays(-1).AddHours(hour);
        var result = new DateTimeOffset(published, TimeSpan.Zero);
        // The first day has no "day before" in the series: treat it as known from the start.
        return result < seriesStart ? seriesStart - TimeSpan.FromDays(1) : result;
    }

    /// <summary>The synthetic spot price per quarter-hour, €/kWh (before charges and VAT).</summary>
    public static double[] Spot(long seed, DateTimeOffset start, int quarters, double spread)
    {
        var random = SeededRandom.For(seed, 21);
        var spot = new double[quarters];
        double level = 0;
        double noise = 0;
        var day = -1;
        for (var i = 0; i < quarters; i++)
        {
            var at = start + (Quarter * i);
            var utc = at.UtcDateTime;
            if (utc.DayOfYear != day)
            {
                day = utc.DayOfYear;
                level = (0.7 * level) + (0.025 * random.NextGaussian());
            }

            noise = (0.8 * noise) + (0.006 * random.NextGaussian());
            var h = utc.TimeOfDay.TotalHours;
            var shape = (0.045 * Bump(h, 8, 1.5)) + (0.07 * Bump(h, 18.5, 2)) - (0.035 * Bump(h, 13, 2)) - (0.03 * Bump(h, 3.5, 2.5));
            var weekend = utc.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? -0.015 : 0;
            spot[i] = 0.095 + (spread * (shape + weekend + level + noise));
        }

        var negatives = (int)Math.Round(quarters * NegativeShare);
        foreach (var index in Enumerable.Range(0, quarters).OrderBy(i => spot[i]).Take(negatives))
        {
            spot[index] = -0.005 - (0.04 * random.NextDouble());
        }

        return spot;
    }

    private static double Bump(double hour, double centre, double width)
    {
        var d = hour - centre;
        return Math.Exp(-0.5 * d * d / (width * width));
    }
}
