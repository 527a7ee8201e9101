namespace ProofOfHeat.Sim.Miners.Avalon;

/// <summary>How a simulated Avalon is built; <see cref="Nano3"/> and <see cref="Mini3"/> are the home models.</summary>
public sealed record AvalonSimulatorOptions
{
    /// <summary>An Avalon Nano 3: 4 TH/s desktop heater, work levels at about 60 / 90 / 125 W (the maker's spec sheet).</summary>
    public static AvalonSimulatorOptions Nano3 { get; } = new();

    /// <summary>An Avalon Mini 3: about 37.5 TH/s at 800 W; the lower levels are estimates.</summary>
    public static AvalonSimulatorOptions Mini3 { get; } = new()
    {
        Hardware = new()
        {
            Model = "Avalon Mini3",
            NominalPowerWatts = 800,
            MinimumPowerWatts = 350,
            JoulesPerTerahash = 21.3,
            SleepPowerWatts = 12,
            SettleTime = TimeSpan.FromSeconds(30),
            RestartDuration = TimeSpan.FromSeconds(60),
            WarmUpDuration = TimeSpan.FromSeconds(30),
            ChipRisePerKilowatt = 80,
            HashboardCount = 1,
            FanCount = 2,
            FanMaximumRpm = 4000,
        },
        Product = "Avalon Mini3",
        ModelCode = "Mini3",
        Firmware = "mini3-25021401_8a1b2c3",
        LevelWatts = [400, 600, 800],
        InitialLevel = 2,
    };

    /// <summary>The physics.</summary>
    public MinerHardwareSpec Hardware { get; init; } = new()
    {
        Model = "Avalon Nano3",
        NominalPowerWatts = 140,
        MinimumPowerWatts = 50,
        JoulesPerTerahash = 35,
        SleepPowerWatts = 6,
        SettleTime = TimeSpan.FromSeconds(20),
        RestartDuration = TimeSpan.FromSeconds(60),
        WarmUpDuration = TimeSpan.FromSeconds(30),
        ChipRisePerKilowatt = 460,
        HashboardCount = 1,
        FanCount = 1,
        FanMaximumRpm = 3500,
    };

    /// <summary>The product name in the <c>version</c> reply (<c>PROD</c>).</summary>
    public string Product { get; init; } = "Avalon Nano3";

    /// <summary>The model code in the <c>version</c> reply (<c>MODEL</c>).</summary>
    public string ModelCode { get; init; } = "Nano3";

    /// <summary>The firmware build (<c>Ver</c> in the status string).</summary>
    public string Firmware { get; init; } = "nano3-24071801_42c628d";

    /// <summary>The power limit (<c>MPO</c>) of each work level, W, level 0 first.</summary>
    public IReadOnlyList<int> LevelWatts { get; init; } = [60, 90, 125];

    /// <summary>The work level at start.</summary>
    public int InitialLevel { get; init; } = 1;

    /// <summary>
    /// The miner's own clock at start (Unix seconds). Home miners without NTP count from boot, as
    /// the fixture's <c>"When":986</c> shows; softoff/softon timestamps are on this clock.
    /// </summary>
    public long ClockAtStart { get; init; } = 600;

    /// <summary>Whether the API allows privileged commands (<c>ascset</c>, <c>restart</c>); when not, they are denied with code 45.</summary>
    public bool PrivilegedAccess { get; init; } = true;

    /// <summary>The air the miner draws in, °C.</summary>
    public double IntakeTemperature { get; init; } = 20;

    /// <summary>The fixed RPC port, or 0 for any free port.</summary>
    public int RpcPort { get; init; }

    /// <summary>The fixed web port, or 0 for any free port.</summary>
    public int HttpPort { get; init; }
}
