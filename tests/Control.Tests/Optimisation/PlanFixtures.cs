using ProofOfHeat.Control.Optimisation;

namespace ProofOfHeat.Control.Tests.Optimisation;

/// <summary>Shared sources, models and requests for the planner tests.</summary>
internal static class PlanFixtures
{
    public static readonly TimeSpan Slot = TimeSpan.FromMinutes(15);

    public static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    public static ThermalModel House { get; } = new()
    {
        AirCapacity = 1.0 * 3.6e6,
        MassCapacity = 7.0 * 3.6e6,
        AirToMass = 1000,
        AirToOutdoor = 70,
        MassToOutdoor = 110,
        SolarAperture = 6,
        InternalGainsWatts = 300,
    };

    public static PlannerSource Miner { get; } = new(
        "miner", HeatSourceKind.Miner, [0, 875, 1750, 2625, 3500], false, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10), 17.5, 0.02);

    public static PlannerSource HeatPump { get; } = new(
        "hp", HeatSourceKind.HeatPump, [0, 2400, 8000], true, TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(10), Hydronic: true);

    public static PlannerSource Boiler { get; } = new(
        "gas", HeatSourceKind.GasBoiler, [0, 6000, 24000], true, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10), Hydronic: true);

    public static PlannerSource Resistive { get; } = new(
        "res", HeatSourceKind.Resistive, [0, 2000], false, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5));

    /// <summary>A request of <paramref name="count"/> slots with comfort 21–24 at night/evening and 15–30 weekday daytime.</summary>
    public static PlanRequest Request(
        IReadOnlyList<PlannerSource> sources, int count = 96, double outdoor = 2, Func<int, double>? price = null,
        double hashprice = 0.04, double? lower = null)
    {
        var slots = new List<PlanSlot>();
        for (var k = 0; k < count; k++)
        {
            var start = Start + (Slot * k);
            var occupied = start.Hour is >= 20 or < 8;
            slots.Add(new PlanSlot(start, outdoor, 0, price?.Invoke(k) ?? 0.30, lower ?? (occupied ? 21 : 15), occupied ? 24 : 30));
        }

        return new PlanRequest(House, slots, Slot, sources, 0.10, hashprice);
    }

    public static IReadOnlyList<SourceStatus> AllOff(IEnumerable<PlannerSource> sources) =>
        sources.Select(s => new SourceStatus(s.Id, 0, TimeSpan.FromHours(1))).ToList();
}
