namespace ProofOfHeat.Sim.Miners.Whatsminer;

/// <summary>How a simulated Whatsminer is built.</summary>
public sealed record WhatsminerSimulatorOptions
{
    /// <summary>The API generation of the firmware.</summary>
    public WhatsminerApiGeneration Generation { get; init; } = WhatsminerApiGeneration.V2;

    /// <summary>The physics; null picks an M30S (v2) or an M50S (v3).</summary>
    public MinerHardwareSpec? Hardware { get; init; }

    /// <summary>The firmware version; null picks one dated for the generation (the date is what tells v2 from v3).</summary>
    public string? FirmwareVersion { get; init; }

    /// <summary>The API v2 admin password (the one write commands are keyed with).</summary>
    public string AdminPassword { get; init; } = "admin";

    /// <summary>The salt of the admin password, as the miner's get_token hands it out.</summary>
    public string PasswordSalt { get; init; } = "BQ5hoXV9";

    /// <summary>Whether the v2 write API is enabled (off: writes and get_token answer code 45).</summary>
    public bool WriteApiEnabled { get; init; } = true;

    /// <summary>The API v3 account for writes.</summary>
    public string V3Account { get; init; } = "super";

    /// <summary>The API v3 account's password.</summary>
    public string V3Password { get; init; } = "super";

    /// <summary>The API v3 signing salt (get.device.info).</summary>
    public string V3Salt { get; init; } = "Xy3kP9aB";

    /// <summary>Whether <c>set.miner.power_limit</c> restarts mining, as the v2 power limit does (as users report on hass-miner and pyasic).</summary>
    public bool V3PowerLimitRestarts { get; init; } = true;

    /// <summary>Intake air temperature, °C.</summary>
    public double IntakeTemperature { get; init; } = 20;

    /// <summary>The RPC port to bind (0 = any free port).</summary>
    public int RpcPort { get; init; }

    /// <summary>The v3 port to bind (0 = any free port).</summary>
    public int V3Port { get; init; }

    /// <summary>The web port to bind (0 = any free port).</summary>
    public int HttpPort { get; init; }

    /// <summary>An M30S: 3400 W, 38 J/TH, limit down to 1700 W.</summary>
    public static MinerHardwareSpec M30S { get; } = new()
    {
        Model = "M30S", NominalPowerWatts = 3400, MinimumPowerWatts = 1700, JoulesPerTerahash = 38,
        RestartDuration = TimeSpan.FromMinutes(3),
    };

    /// <summary>An M50S: 3300 W, 26 J/TH, limit down to 1650 W.</summary>
    public static MinerHardwareSpec M50S { get; } = new()
    {
        Model = "M50S", NominalPowerWatts = 3300, MinimumPowerWatts = 1650, JoulesPerTerahash = 26,
        RestartDuration = TimeSpan.FromMinutes(3),
    };

    internal MinerHardwareSpec EffectiveHardware => Hardware ?? (Generation == WhatsminerApiGeneration.V2 ? M30S : M50S);

    internal string EffectiveFirmwareVersion => FirmwareVersion ?? (Generation == WhatsminerApiGeneration.V2 ? "20230803.11.REL" : "20250321.14.Rel");
}
