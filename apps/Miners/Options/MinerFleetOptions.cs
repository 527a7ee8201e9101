namespace ProofOfHeat.Apps.Miners.Options;

/// <summary>Options of the miner fleet app (config section <c>apps.miners</c>).</summary>
public sealed class MinerFleetOptions
{
    /// <summary>How often each miner is read.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many miners are read at the same time at most.</summary>
    public int MaxConcurrentPolls { get; set; } = 8;

    /// <summary>The miners.</summary>
    public IReadOnlyList<FleetMinerOptions> Miners { get; set; } = [];

    /// <summary>Dwell times for every miner that sets none of its own.</summary>
    public MinerDwellOptions Dwell { get; set; } = new();

    /// <summary>Overheat protection.</summary>
    public MinerOverheatOptions Overheat { get; set; } = new();

    /// <summary>What the miners earn, currency per TH/s per day, from config; null when unknown.</summary>
    public double? Hashprice { get; set; }

    /// <summary>A sensor with the hashprice (same unit), preferred over <see cref="Hashprice"/> while available.</summary>
    public string? HashpriceEntity { get; set; }

    /// <summary>Converts the hashprice's currency into <see cref="Currency"/> (1 when they are the same).</summary>
    public double CurrencyRate { get; set; } = 1;

    /// <summary>The currency revenue is shown in (an ISO code, part of the sensor's unit).</summary>
    public string Currency { get; set; } = "USD";

    /// <summary>
    /// The HA service that tells people about overheat alerts (<c>domain.service</c>, called with <c>title</c> and
    /// <c>message</c>), or empty for none. The app model cannot fire events yet, so this stands in for a
    /// <c>poh_miner_alert</c> event.
    /// </summary>
    public string AlertService { get; set; } = "persistent_notification.create";

    /// <summary>Throws when the fleet as a whole cannot work (a miner entry's own mistakes are in <see cref="FindMinerProblems"/>).</summary>
    public void Validate()
    {
        if (PollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException("apps.miners: poll_interval must be positive.");
        }

        if (MaxConcurrentPolls < 1)
        {
            throw new ArgumentException("apps.miners: max_concurrent_polls must be at least 1.");
        }

        if (!(CurrencyRate > 0) || string.IsNullOrWhiteSpace(Currency))
        {
            throw new ArgumentException("apps.miners: currency_rate must be positive and currency set.");
        }

        if (!string.IsNullOrEmpty(AlertService) && AlertService.Split('.') is not [{ Length: > 0 }, { Length: > 0 }])
        {
            throw new ArgumentException("apps.miners: alert_service must be domain.service.");
        }

        (Dwell ?? throw new ArgumentException("apps.miners: dwell is missing.")).Validate("apps.miners: dwell");
        (Overheat ?? throw new ArgumentException("apps.miners: overheat is missing.")).Validate();
    }

    /// <summary>
    /// Every mistake of every miner entry (its own, and an id an earlier entry already uses), in the order written.
    /// <see cref="Validate"/> leaves these out: the fleet disables just the entries named here and runs the others.
    /// </summary>
    public IReadOnlyList<MinerEntryProblem> FindMinerProblems()
    {
        var problems = new List<MinerEntryProblem>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var miner in Miners ?? [])
        {
            if (miner is null)
            {
                continue;
            }

            problems.AddRange(miner.FindProblems());
            if (!string.IsNullOrEmpty(miner.Id) && !ids.Add(miner.Id))
            {
                problems.Add(new(miner, "id", $"the id '{miner.Id}' is used twice (an earlier miner has it)"));
            }
        }

        return problems;
    }

    /// <summary>
    /// The entries whose id can name entities (well formed, first of its id): the devices the fleet declares. An entry
    /// with other mistakes keeps its device, shown unavailable, so HA shows that the miner is not running.
    /// </summary>
    public IEnumerable<FleetMinerOptions> MinersWithUsableIds()
    {
        var badIds = FindMinerProblems().Where(p => p.Key == "id").Select(p => p.Miner).ToHashSet();
        return (Miners ?? []).Where(m => m is not null && !badIds.Contains(m));
    }
}
