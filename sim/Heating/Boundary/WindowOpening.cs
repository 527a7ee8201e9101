using ProofOfHeat.Sim.Randomness;

namespace ProofOfHeat.Sim.Heating.Boundary;

/// <summary>A window opened for a while, adding air-to-outdoor conductance.</summary>
/// <param name="Start">When it opens.</param>
/// <param name="Length">How long it stays open.</param>
/// <param name="ExtraConductance">Extra loss, W/K.</param>
public sealed record WindowOpening(DateTimeOffset Start, TimeSpan Length, double ExtraConductance)
{
    /// <summary>Whether the window is open at <paramref name="at"/>.</summary>
    public bool IsOpen(DateTimeOffset at) => at >= Start && at < Start + Length;

    /// <summary>
    /// Seeded openings: <paramref name="perWeek"/> a week, one in each equal part of the week, at a
    /// random minute between 07:00 and 21:00, each 10 min with 500 W/K (bench/Heating/README.md, Boundary conditions).
    /// </summary>
    public static IReadOnlyList<WindowOpening> Generate(long seed, DateTimeOffset start, TimeSpan length, int perWeek = 2)
    {
        var random = SeededRandom.For(seed, 31);
        var part = TimeSpan.FromDays(7.0 / perWeek);
        var list = new List<WindowOpening>();
        for (var at = start; at < start + length; at += part)
        {
            var day = Math.Floor(random.NextDouble() * part.TotalDays);
            var minute = Math.Floor(random.NextDouble() * 14 * 60);
            var when = at.UtcDateTime.Date.AddDays(day).AddHours(7).AddMinutes(minute);
            var opening = new DateTimeOffset(when, TimeSpan.Zero);
            if (opening >= start && opening < start + length)
            {
                list.Add(new WindowOpening(opening, TimeSpan.FromMinutes(10), 500));
            }
        }

        return list;
    }
}
