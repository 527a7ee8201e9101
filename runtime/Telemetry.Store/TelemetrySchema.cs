using ProofOfHeat.AppModel.Telemetry;

namespace ProofOfHeat.Telemetry.Store;

/// <summary>
/// The tables the brain records, their symbols (QuestDB SYMBOL columns, line-protocol tags) and their fields — the
/// shapes the recorder writes, <c>poh report</c> reads and the Grafana dashboard queries (its test checks every query
/// against this). In QuestDB each table also has the designated timestamp column <c>timestamp</c>. Units are in the
/// names: <c>_w</c> watts, <c>_c</c> °C, <c>_k</c> kelvin, <c>_ths</c> TH/s, prices per kWh and revenue per hour in
/// the configured currency.
/// </summary>
public static class TelemetrySchema
{
    /// <summary>The designated timestamp column in QuestDB.</summary>
    public const string TimestampColumn = "timestamp";

    /// <summary>A zone (a climate entity): room temperature, target, the half-width of the comfort band, the HVAC mode.</summary>
    public static TelemetryTable Zone { get; } = new("zone", ["zone"],
        [Real("room_c"), Real("target_c"), Real("band_k"), Text("hvac")]);

    /// <summary>Any other entity's state change: a number as <c>value</c>, anything else as text <c>state</c>.</summary>
    public static TelemetryTable State { get; } = new("state", ["domain", "entity"],
        [Real("value"), Text("state")]);

    /// <summary>
    /// A heat source (a miner, a heat pump, a boiler, a heater): commanded and measured input power, the heat it
    /// delivers and its flow temperature. <c>carrier</c> (<c>electricity</c> or <c>gas</c>) says which price its power
    /// costs; <c>kind</c> is <c>miner</c>, <c>heat_pump</c>, <c>boiler</c> or <c>heater</c>.
    /// </summary>
    public static TelemetryTable Source { get; } = new("source", ["source", "kind", "carrier"],
        [Real("commanded_w"), Real("power_w"), Real("heat_w"), Real("flow_c")]);

    /// <summary>A miner: hashrate, power, hottest chip and board temperatures, mode and what it earns per hour.</summary>
    public static TelemetryTable Miner { get; } = new("miner", ["miner", "family"],
        [Real("hashrate_ths"), Real("power_w"), Real("chip_temp_c"), Real("board_temp_c"), Text("mode"), Real("revenue_per_h")]);

    /// <summary>Prices: electricity and gas per kWh, and the hashprice per TH/s and day.</summary>
    public static TelemetryTable Price { get; } = new("price", [],
        [Real("electricity_per_kwh"), Real("gas_per_kwh"), Real("hashprice_per_ths_day")]);

    /// <summary>
    /// One slot of a plan per source, at the plan's time: the planned power for the slot starting at <c>slot_start</c>
    /// (Unix seconds) and what a kWh of heat from the source costs in it (<c>cost</c>, mining revenue taken off), for
    /// the zone it was planned for.
    /// </summary>
    public static TelemetryTable Plan { get; } = new("plan", ["source", "zone"],
        [Whole("slot_start"), Real("power_w"), Real("cost")]);

    /// <summary>
    /// A decision of an app for a zone: how long the decision round took, what it chose (<c>action</c>: heating, idle,
    /// off), which sources at which power (<c>sources</c>, e.g. <c>bos_s19 2200 W, avalon_mini 0 W</c>) and why.
    /// </summary>
    public static TelemetryTable Decision { get; } = new("decision", ["app", "zone"],
        [Real("duration_ms"), Text("action"), Text("sources"), Text("reason")]);

    /// <summary>An alert raised, updated or resolved.</summary>
    public static TelemetryTable Alert { get; } = new("alert", ["severity", "app"],
        [Text("key"), Text("message"), Text("state")]);

    /// <summary>
    /// A command to a device, as the audit trail has it: who asked and the correlation id that ties it to the trail,
    /// what was sent (<c>value</c>: the service, the miner command, the MQTT payload) and how it ended
    /// (<c>outcome</c>: the trail's result, e.g. <c>ok</c>, <c>sent: ok (…)</c>, <c>failed: …</c>).
    /// </summary>
    public static TelemetryTable Command { get; } = new("command", ["target"],
        [Text("action"), Text("by"), Text("correlation_id"), Boolean("ok"), Text("value"), Text("outcome")]);

    /// <summary>Every table.</summary>
    public static IReadOnlyList<TelemetryTable> Tables { get; } = [Zone, State, Source, Miner, Price, Plan, Decision, Alert, Command];

    /// <summary>
    /// The tables whose series are sampled measurements (a later value replaces an earlier one, and is held until the
    /// next): recorded at most once a second per series. The others are events, every row of which counts.
    /// </summary>
    public static IReadOnlySet<string> SampledTables { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "zone", "state", "source", "miner", "price",
    };

    /// <summary>Whether <paramref name="table"/> is one of <see cref="SampledTables"/>.</summary>
    public static bool IsSampled(string table) => SampledTables.Contains(table);

    private static TelemetryColumn Real(string name) => new(name, TelemetryFieldKind.Real);

    private static TelemetryColumn Whole(string name) => new(name, TelemetryFieldKind.Whole);

    private static TelemetryColumn Text(string name) => new(name, TelemetryFieldKind.Text);

    private static TelemetryColumn Boolean(string name) => new(name, TelemetryFieldKind.Boolean);
}
