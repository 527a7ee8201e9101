using System.Globalization;
using System.Text.Json;
using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Telemetry;
using ProofOfHeat.Apps.Heating.Optimiser;
using ProofOfHeat.Apps.Heating.Prices;
using ProofOfHeat.Apps.Heating.Sources;
using ProofOfHeat.Control.Optimisation;

namespace ProofOfHeat.Apps.Heating;

/// <summary>
/// What the heating app records as telemetry (the tables of runtime/Telemetry.Store's schema):
/// <list type="bullet">
/// <item><c>source</c> (symbols <c>source</c>, <c>kind</c>, <c>carrier</c>) after each decision round and every minute:
/// <c>commanded_w</c>; <c>power_w</c>, the input power of its carrier, as read back (the fleet), else from its power
/// sensor, else what a resistive heater or a miner was commanded, else estimated with the planner's own model (a heat
/// pump's heat ÷ its COP at the flow and outdoor temperatures, a boiler's heat ÷ its efficiency); <c>heat_w</c> from
/// its heat meter, else its power for a heater or a miner (every watt becomes heat), else what it was commanded (a heat
/// pump's and a boiler's levels are heat output); <c>flow_c</c> from its flow sensor, else the planned flow.</item>
/// <item><c>price</c> whenever the electricity price in force, the gas price or the hashprice changed.</item>
/// <item><c>plan</c>, one row per source of every plan the optimiser made (symbols <c>source</c>, <c>zone</c>):
/// <c>slot_start</c>, <c>power_w</c>, <c>cost</c> (a kWh of the source's heat in the slot).</item>
/// <item><c>decision</c>, one row per zone and round (symbols <c>app</c>, <c>zone</c>): <c>duration_ms</c> of the
/// round, <c>action</c>, <c>sources</c> and <c>reason</c>.</item>
/// </list>
/// Recording only queues (<see cref="ITelemetryRecorder"/>); called from the app's decision round, under its lock.
/// </summary>
internal sealed class HeatingTelemetry(ITelemetryRecorder recorder, HeatingOptions options, IHaContext ha, IReadOnlyDictionary<string, IHeatSourceCommander> commanders)
{
    private const string AppId = "heating";
    private static readonly PlannerOptions Model = new();
    private readonly Dictionary<string, HeatSourceCommand> _commanded = new(StringComparer.Ordinal);
    private (double? Electricity, double Gas, double? Hashprice)? _prices;

    /// <summary>Records a zone's decision, and its plan when the optimiser made one.</summary>
    public void Decision(DateTimeOffset at, string zone, string action, IReadOnlyList<HeatSourceCommand> commands, string reason, ZonePlan? plan, TimeSpan took)
    {
        var sources = string.Join(", ", commands.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.SourceId} {c.PowerWatts} W")));
        recorder.Record(new TelemetryPoint("decision", at, [new("app", AppId), new("zone", zone)],
        [
            TelemetryField.Of("duration_ms", took.TotalMilliseconds),
            TelemetryField.Of("action", action),
            TelemetryField.Of("sources", sources),
            TelemetryField.Of("reason", reason),
        ]));
        if (plan is null)
        {
            return;
        }

        var slot = at.ToUnixTimeSeconds();
        foreach (var setting in plan.Settings)
        {
            var cost = plan.HeatCosts.FirstOrDefault(c => c.Id == setting.Id)?.EurPerKwhHeat;
            var fields = new List<TelemetryField>(3) { TelemetryField.Of("slot_start", slot), TelemetryField.Of("power_w", setting.Watts) };
            if (cost is { } eur && double.IsFinite(eur))
            {
                fields.Add(TelemetryField.Of("cost", eur));
            }

            recorder.Record(new TelemetryPoint("plan", at, [new("source", setting.Id), new("zone", zone)], fields));
        }

        Outlook(zone, plan.Outlook ?? []);
    }

    // The future slots and their prices, stamped on the 15-min grid: a replan writes the same timestamps again, and the
    // store keeps the latest value per series and second, so the rows ahead of now are always the newest plan's.
    private void Outlook(string zone, IReadOnlyList<PlannedSlot> outlook)
    {
        foreach (var step in outlook.Skip(1))
        {
            var start = OnSlotGrid(step.Start);
            if (double.IsFinite(step.ElectricityPrice))
            {
                recorder.Record(new TelemetryPoint("price", start, [], [TelemetryField.Of("electricity_per_kwh", step.ElectricityPrice)]));
            }

            foreach (var setting in step.Settings)
            {
                recorder.Record(new TelemetryPoint("plan", start, [new("source", setting.Id), new("zone", zone)],
                    [TelemetryField.Of("slot_start", start.ToUnixTimeSeconds()), TelemetryField.Of("power_w", setting.Watts)]));
            }
        }
    }

    private static DateTimeOffset OnSlotGrid(DateTimeOffset at)
    {
        var slot = PredictiveController.Slot.Ticks;
        return new DateTimeOffset(at.UtcTicks / slot * slot, TimeSpan.Zero);
    }

    /// <summary>Notes the commands of a round and records every source.</summary>
    public void Commanded(DateTimeOffset at, IReadOnlyList<HeatSourceCommand> sent, double? outdoor)
    {
        foreach (var command in sent)
        {
            _commanded[command.SourceId] = command;
        }

        Sources(at, outdoor);
    }

    /// <summary>Records every source commanded so far: what it was told, draws and delivers now.</summary>
    public void Sources(DateTimeOffset at, double? outdoor)
    {
        foreach (var source in options.Sources)
        {
            if (Source(source, at, outdoor) is { } point)
            {
                recorder.Record(point);
            }
        }
    }

    /// <summary>Records the prices in force when they differ from the last recorded.</summary>
    public void Prices(DateTimeOffset at, PriceSeries prices, double? hashprice)
    {
        var now = (prices.PriceAt(at), options.Optimiser.GasPrice, hashprice);
        if (_prices == now)
        {
            return;
        }

        _prices = now;
        var fields = new List<TelemetryField>(3) { TelemetryField.Of("gas_per_kwh", now.GasPrice) };
        if (now.Item1 is { } electricity)
        {
            fields.Add(TelemetryField.Of("electricity_per_kwh", electricity));
        }

        if (hashprice is { } perTh)
        {
            fields.Add(TelemetryField.Of("hashprice_per_ths_day", perTh));
        }

        recorder.Record(new TelemetryPoint("price", at, [], fields));
    }

    private TelemetryPoint? Source(HeatSourceOptions source, DateTimeOffset at, double? outdoor)
    {
        var command = _commanded.GetValueOrDefault(source.Id);
        var delivered = command is { Delivery: CommandDelivery.Delivered } ? command.PowerWatts : (double?)null;
        var type = source.EffectiveType;
        var flow = Read(source.FlowSensorEntity) ?? (delivered > 0 ? command?.FlowTemperature : null);
        var measured = (commanders.GetValueOrDefault(source.Id) as IHeatSourceReadback)?.DeliveredWatts ?? Read(source.PowerSensorEntity);
        var heat = Read(source.HeatOutputEntity) ?? type switch
        {
            HeatSourceType.Resistive or HeatSourceType.Miner => measured ?? delivered,
            _ => delivered,
        };
        var power = measured ?? type switch
        {
            HeatSourceType.Resistive or HeatSourceType.Miner => delivered,
            HeatSourceType.GasBoiler => heat / Model.BoilerEfficiency,
            _ when heat is 0 => 0,
            _ when heat is { } output && flow is { } supply && outdoor is { } outside => output / SourceEconomics.HeatPumpCop(supply, outside, Model),
            _ => null,
        };
        var fields = new List<TelemetryField>(4);
        Add(fields, "commanded_w", command?.PowerWatts);
        Add(fields, "power_w", power);
        Add(fields, "heat_w", heat);
        Add(fields, "flow_c", flow);
        if (fields.Count == 0)
        {
            return null;
        }

        var kind = type switch
        {
            HeatSourceType.Miner => "miner",
            HeatSourceType.HeatPump => "heat_pump",
            HeatSourceType.GasBoiler => "boiler",
            _ => "heater",
        };
        var carrier = type == HeatSourceType.GasBoiler ? "gas" : "electricity";
        return new TelemetryPoint("source", at, [new("source", source.Id), new("kind", kind), new("carrier", carrier)], fields);
    }

    // A power or heat meter in kW is converted to W, as the optimiser's own reading of it does.
    private double? Read(string? entityId)
    {
        if (entityId is null || ha.GetState(entityId) is not { IsUnavailable: false } state || state.AsNumber() is not { } value)
        {
            return null;
        }

        var unit = state.Attribute("unit_of_measurement");
        var kilowatts = unit?.ValueKind == JsonValueKind.String && string.Equals(unit.Value.GetString(), "kW", StringComparison.OrdinalIgnoreCase);
        return kilowatts ? value * 1000 : value;
    }

    private static void Add(List<TelemetryField> fields, string name, double? value)
    {
        if (value is { } number && double.IsFinite(number))
        {
            fields.Add(TelemetryField.Of(name, number));
        }
    }
}
