namespace ProofOfHeat.Sim.Miners.Avalon;

/// <summary>
/// How a simulated Avalon is built; <see cref="Nano3"/> (the original), <see cref="Nano3S"/> and <see cref="Mini3"/>
/// are the home models, each as its public documents and dumps show it.
/// </summary>
public sealed record AvalonSimulatorOptions
{
    /// <summary>
    /// The original Avalon Nano 3: 4 TH/s desktop heater, work levels at about 60 / 90 / 125 W (the maker's spec sheet), set
    /// with <c>worklevel,set</c>; it has no work modes, so <c>workmode</c> is an unknown option, and its status string
    /// has no <c>WORKMODE</c> and no <c>WALLPOWER</c> (a public Nano 3 status dump posted by a user of an open-source collector).
    /// </summary>
    public static AvalonSimulatorOptions Nano3 { get; } = new();

    /// <summary>
    /// An Avalon Nano 3S: 6 TH/s at about 140 W, work modes 0 / 1 / 2 (low / mid / high) set with <c>workmode,set</c>;
    /// no <c>WALLPOWER</c>: its watts are the last number of <c>PS[…]</c>; <c>ITemp[-273]</c> (no inlet sensor) and
    /// <c>OTemp</c> (a Nano 3S dump in an open-source collector's test fixture; pyasic reads its watts from PS[6]).
    /// </summary>
    public static AvalonSimulatorOptions Nano3S { get; } = new()
    {
        Hardware = new()
        {
            Model = "Avalon Nano3s",
            NominalPowerWatts = 140,
            MinimumPowerWatts = 50,
            JoulesPerTerahash = 23,
            SleepPowerWatts = 6,
            SettleTime = TimeSpan.FromSeconds(20),
            RestartDuration = TimeSpan.FromSeconds(60),
            WarmUpDuration = TimeSpan.FromSeconds(30),
            ChipRisePerKilowatt = 460,
            HashboardCount = 1,
            FanCount = 1,
            FanMaximumRpm = 3500,
        },
        Product = "Avalon Nano3s",
        ModelCode = "Nano3s",
        Firmware = "Nano3s-25021401_56abae7",
        HasWorkModes = true,
        ReportsWallPower = false,
        HasInletSensor = false,
        LevelWatts = [60, 90, 133],
        InitialLevel = 1,
    };

    /// <summary>
    /// An Avalon Mini 3: about 37.5 TH/s at 800 W; work modes 0 heating, 1 mining, 2 night (ajberti/ha-avalon-mini);
    /// watts in <c>PS[…]</c>, <c>ITemp</c> the room air it draws in. The heating and night watts are estimates.
    /// </summary>
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
        HasWorkModes = true,
        ReportsWallPower = false,
        LevelWatts = [600, 800, 400],
        InitialLevel = 1,
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

    /// <summary>
    /// The power limit (<c>MPO</c>) of each power setting, W, code 0 first: the work modes on a model with them,
    /// else the work levels.
    /// </summary>
    public IReadOnlyList<int> LevelWatts { get; init; } = [60, 90, 125];

    /// <summary>The power setting (work mode, or work level without modes) at start.</summary>
    public int InitialLevel { get; init; } = 1;

    /// <summary>
    /// Whether the model has work modes (<c>ascset 0,workmode,set,N</c>, <c>WORKMODE[n]</c>): the Nano 3S, Mini 3 and
    /// newer. Without them <c>workmode</c> is an unknown option and <c>worklevel,set</c> sets the power.
    /// </summary>
    public bool HasWorkModes { get; init; }

    /// <summary>Whether the status string carries <c>WALLPOWER</c> (the A-series does; the home models' public dumps do not).</summary>
    public bool ReportsWallPower { get; init; }

    /// <summary>Whether the model measures its inlet air (<c>ITemp</c>); without it the firmware writes -273.</summary>
    public bool HasInletSensor { get; init; } = true;

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
