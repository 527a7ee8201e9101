namespace ProofOfHeat.Sim.Heating.Boundary;

/// <summary>
/// BOPTEST's residential comfort schedule: occupied from 20:00 to 08:00 on weekdays and all
/// weekend, with the band [21, 24] °C; unoccupied weekday daytime [15, 30] °C.
/// </summary>
public sealed record ComfortSchedule
{
    /// <summary>Lower bound while occupied, °C.</summary>
    public double OccupiedLower { get; init; } = 21;

    /// <summary>Upper bound while occupied, °C.</summary>
    public double OccupiedUpper { get; init; } = 24;

    /// <summary>Lower bound while unoccupied, °C.</summary>
    public double UnoccupiedLower { get; init; } = 15;

    /// <summary>Upper bound while unoccupied, °C.</summary>
    public double UnoccupiedUpper { get; init; } = 30;

    /// <summary>First unoccupied hour on weekdays.</summary>
    public int LeaveHour { get; init; } = 8;

    /// <summary>First occupied hour after the weekday absence.</summary>
    public int ReturnHour { get; init; } = 20;

    /// <summary>BOPTEST's schedule.</summary>
    public static ComfortSchedule Residential { get; } = new();

    /// <summary>Whether the home is occupied at <paramref name="at"/>.</summary>
    public bool Occupied(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        if (utc.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return true;
        }

        return utc.Hour < LeaveHour || utc.Hour >= ReturnHour;
    }

    /// <summary>The band at <paramref name="at"/>.</summary>
    public (double Lower, double Upper) Band(DateTimeOffset at) =>
        Occupied(at) ? (OccupiedLower, OccupiedUpper) : (UnoccupiedLower, UnoccupiedUpper);
}
