namespace ProofOfHeat.Drivers.Miners.VNish;

/// <summary>The REST paths used, relative to <c>/api/v1/</c> (VNish's OpenAPI document, as published in asic-rs).</summary>
internal static class VNishPaths
{
    /// <summary>Trades the web password for a token.</summary>
    public const string Unlock = "unlock";

    /// <summary>Firmware, model and uptime (no auth).</summary>
    public const string Info = "info";

    /// <summary>Hashrate, power, temperatures, fans, state (auth optional).</summary>
    public const string Summary = "summary";

    /// <summary>The current preset (no auth).</summary>
    public const string PerfSummary = "perf-summary";

    /// <summary>The preset list.</summary>
    public const string Presets = "autotune/presets";

    /// <summary>The settings (auth); a partial POST changes them.</summary>
    public const string Settings = "settings";

    /// <summary>Stops hashing, keeps the process.</summary>
    public const string Pause = "mining/pause";

    /// <summary>Resumes after a pause.</summary>
    public const string Resume = "mining/resume";

    /// <summary>Starts a stopped miner.</summary>
    public const string Start = "mining/start";

    /// <summary>Restarts mining (after a change that needs it).</summary>
    public const string Restart = "mining/restart";

    /// <summary>Reboots the miner.</summary>
    public const string Reboot = "system/reboot";
}
