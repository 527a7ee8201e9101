namespace ProofOfHeat.Drivers.Miners.Braiins;

/// <summary>The REST paths used, relative to <c>/api/v1/</c> (Braiins OS Public REST API).</summary>
internal static class BraiinsPaths
{
    /// <summary>State, model and uptime.</summary>
    public const string Details = "miner/details";

    /// <summary>Hashrate and approximated power.</summary>
    public const string Stats = "miner/stats";

    /// <summary>Per-board temperatures.</summary>
    public const string Hashboards = "miner/hw/hashboards";

    /// <summary>Active errors.</summary>
    public const string Errors = "miner/errors";

    /// <summary>Fans.</summary>
    public const string Cooling = "cooling/state";

    /// <summary>The tuner's mode, with the power target.</summary>
    public const string PerformanceMode = "performance/mode";

    /// <summary>Sets the power target (<c>PUT {"watt":N}</c>).</summary>
    public const string PowerTarget = "performance/power-target";

    /// <summary>The power-target bounds.</summary>
    public const string Constraints = "configuration/constraints";

    /// <summary>Pauses mining (boards stop, configuration kept).</summary>
    public const string Pause = "actions/pause";

    /// <summary>Resumes mining.</summary>
    public const string Resume = "actions/resume";
}
