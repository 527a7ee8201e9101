namespace ProofOfHeat.Sim.Miners.Antminer;

/// <summary>How a simulated stock-firmware Antminer is built.</summary>
public sealed record AntminerSimulatorOptions
{
    /// <summary>The physics: an Antminer S19 Pro (the maker's spec sheet) unless set.</summary>
    public MinerHardwareSpec Hardware { get; init; } = new()
    {
        Model = "Antminer S19 Pro",
        NominalPowerWatts = 3250,
        MinimumPowerWatts = 2000,
        JoulesPerTerahash = 29.5,
    };

    /// <summary>Power in low-power mode (work mode 3), W.</summary>
    public int LowPowerWatts { get; init; } = 2440;

    /// <summary>Power in high-efficiency mode (work mode 2), W, or null when the model has no HEM.</summary>
    public int? HighEfficiencyWatts { get; init; }

    /// <summary>The web login user.</summary>
    public string Username { get; init; } = "root";

    /// <summary>The web login password.</summary>
    public string Password { get; init; } = "root";

    /// <summary>The Digest realm (the stock firmware's lighttpd uses this one).</summary>
    public string Realm { get; init; } = "antMiner Configuration";

    /// <summary>How long a Digest nonce stays valid before the server answers <c>stale=true</c>.</summary>
    public TimeSpan NonceLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long <c>set_miner_conf.cgi</c> takes to answer (about 21 s on S19j Pro firmware, asic-rs #245);
    /// zero unless set, so tests on a fake clock need not advance it.
    /// </summary>
    public TimeSpan SetConfigurationDelay { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// Whether <c>set_miner_conf.cgi</c> answers M000 but changes nothing, as some firmware does until
    /// a reboot (pyasic's stock-Antminer web API): a driver must see that by reading back.
    /// </summary>
    public bool AcknowledgeWithoutApplying { get; init; }

    /// <summary>
    /// Whether the RPC writes bmminer's known malformed JSON: no comma between the objects of the
    /// <c>STATS</c> array (<c>}{</c>, cgminer's API-README and pyasic's RPC client). Clients must repair it.
    /// </summary>
    public bool MalformedJson { get; init; }

    /// <summary>Chip temperature above which <c>summary.cgi</c> raises its temperature alarm, °C.</summary>
    public double TemperatureAlarm { get; init; } = 90;

    /// <summary>The work mode at start (0 normal, 1 sleep, 2 HEM, 3 LPM).</summary>
    public int InitialWorkMode { get; init; }

    /// <summary>The air the miner draws in, °C.</summary>
    public double IntakeTemperature { get; init; } = 20;

    /// <summary>The fixed RPC port, or 0 for any free port.</summary>
    public int RpcPort { get; init; }

    /// <summary>The fixed web port, or 0 for any free port.</summary>
    public int HttpPort { get; init; }
}
