using System.Globalization;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.AppModel.Services;

namespace ProofOfHeat.Demo;

/// <summary>
/// The simulated home's safety devices, on the simulated clock: a kitchen leak sensor that goes wet 12 minutes in and
/// dries 30 minutes in, the main water valve and a dishwasher that obey service calls, a towel heater, and the main
/// meter (600 W of base load, the towel heater, the miners' draw, and an oven of 4.5 kW from minute 24 to 45). What the
/// devices do is printed beside the table, so the valve closing shows in the demo's output.
/// </summary>
internal sealed class DemoSafetyDevices(DateTimeOffset start, TextWriter output)
{
    public const string Leak = "binary_sensor.leak_kitchen";
    public const string Valve = "valve.main_water";
    public const string Dishwasher = "switch.dishwasher";
    public const string TowelHeater = "switch.towel_heater";
    public const string Meter = "sensor.main_meter_power";
    public const double TowelHeaterWatts = 1500;
    private const double BaseWatts = 600;
    private const double OvenWatts = 4500;

    private static readonly TimeSpan LeakAt = TimeSpan.FromMinutes(12);
    private static readonly TimeSpan DryAt = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan OvenOn = TimeSpan.FromMinutes(24);
    private static readonly TimeSpan OvenOff = TimeSpan.FromMinutes(45);

    private readonly Dictionary<string, string> _states = new(StringComparer.Ordinal)
    {
        [Leak] = "off", [Valve] = "open", [Dishwasher] = "on", [TowelHeater] = "on",
    };

    /// <summary>Every device's state now.</summary>
    public IEnumerable<EntityState> States(DateTimeOffset now, double minerWatts) =>
        [.. _states.Select(s => State(s.Key, s.Value, now)), MeterState(now, minerWatts)];

    /// <summary>Moves the scripted devices to <paramref name="now"/>; returns the states that changed (the meter always).</summary>
    public IEnumerable<EntityState> Step(DateTimeOffset now, double minerWatts)
    {
        var elapsed = now - start;
        var wet = elapsed >= LeakAt && elapsed < DryAt ? "on" : "off";
        if (_states[Leak] != wet)
        {
            _states[Leak] = wet;
            Print(now, wet == "on" ? "the kitchen leak sensor is wet" : "the kitchen leak sensor is dry again");
            yield return State(Leak, wet, now);
        }

        if (elapsed >= OvenOn && elapsed < OvenOn + TimeSpan.FromMinutes(1))
        {
            Print(now, string.Create(CultureInfo.InvariantCulture, $"the oven is on: {OvenWatts:0} W more on the main meter (limit {DemoSafety.LimitWatts:0} W)"));
        }

        yield return MeterState(now, minerWatts);
    }

    /// <summary>Serves a service call on a device; false when it is not one of them.</summary>
    public bool TryCall(ServiceCall call, DateTimeOffset now, out EntityState? changed)
    {
        changed = null;
        if (call.Target?.EntityIds is not [var id] || id == Leak || !_states.TryGetValue(id, out var current))
        {
            return false;
        }

        var next = call.Service switch
        {
            "close_valve" => "closed",
            "open_valve" => "open",
            "turn_off" => "off",
            "turn_on" => "on",
            _ => throw new ServiceCallException("not_found", $"Service {call.Domain}.{call.Service} not found."),
        };
        if (current != next)
        {
            _states[id] = next;
            Print(now, $"{id} is {next} (asked by the brain: {call.Domain}.{call.Service})");
        }

        changed = State(id, next, now);
        return true;
    }

    private EntityState MeterState(DateTimeOffset now, double minerWatts)
    {
        var elapsed = now - start;
        var watts = BaseWatts + minerWatts + (_states[TowelHeater] == "on" ? TowelHeaterWatts : 0)
            + (elapsed >= OvenOn && elapsed < OvenOff ? OvenWatts : 0);
        return EntityState.Create(Meter, Math.Round(watts).ToString("F0", CultureInfo.InvariantCulture), now, new { unit_of_measurement = "W", friendly_name = "Main meter" });
    }

    private static EntityState State(string id, string state, DateTimeOffset now) =>
        EntityState.Create(id, state, now, new { friendly_name = id switch
        {
            Leak => "Kitchen sink",
            Valve => "Main water valve",
            _ => id,
        } });

    private void Print(DateTimeOffset now, string what) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{now:yyyy-MM-dd HH:mm}  safety devices: {what}"));
}
