namespace ProofOfHeat.Apps.Heating.Prices;

/// <summary>One row of a static time-of-use table (<c>- days: weekdays, from: "07:00", to: "23:00", price: 0.32</c>).</summary>
public sealed class TimeOfUseRate
{
    /// <summary>The days it applies on (as in schedules: <c>daily</c>, <c>weekdays</c>, <c>mon-fri</c> …).</summary>
    public string Days { get; set; } = "daily";

    /// <summary>The local start, <c>HH:mm</c>.</summary>
    public string From { get; set; } = "00:00";

    /// <summary>The local end, <c>HH:mm</c> (<c>24:00</c> allowed; before <see cref="From"/> runs past midnight).</summary>
    public string To { get; set; } = "24:00";

    /// <summary>The price, currency per kWh.</summary>
    public double Price { get; set; }
}
