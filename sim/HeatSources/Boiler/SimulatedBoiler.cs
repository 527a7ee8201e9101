using ProofOfHeat.Sim.Heating.Sources;

namespace ProofOfHeat.Sim.HeatSources.Boiler;

/// <summary>
/// A gas boiler and its water loop, as a controller sees it: the burner is the plant's <see cref="GasBoilerSource"/>
/// (modulation range, minimum on/off times, efficiency), steered towards a flow setpoint; the loop water has a heat
/// capacity and gives heat to emitters in a room. Flow and return temperatures, modulation and flame follow.
/// Not thread-safe: the simulators call it under their own lock.
/// </summary>
public sealed class SimulatedBoiler
{
    private const double WaterHeatCapacity = 4186;
    private readonly GasBoilerSource _burner;
    private DateTimeOffset _now;

    /// <summary>Creates the boiler cold, at room temperature, with CH enabled and no setpoint.</summary>
    public SimulatedBoiler(SimulatedBoilerOptions options, DateTimeOffset start)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _burner = new GasBoilerSource("boiler", options.MaximumThermalWatts, options.MinimumModulation, options.MinimumOnOff)
        {
            MaximumFlowTemperature = options.MaximumFlowTemperature,
        };
        _now = start;
        FlowTemperature = options.RoomTemperature;
        ReturnTemperature = options.RoomTemperature;
    }

    /// <summary>The options it was made with.</summary>
    public SimulatedBoilerOptions Options { get; }

    /// <summary>Whether central heating may run.</summary>
    public bool CentralHeatingEnabled { get; set; } = true;

    /// <summary>The flow temperature asked for, °C; 0 or below means no heat demand.</summary>
    public double ControlSetpoint { get; set; }

    /// <summary>The highest flow setpoint the boiler accepts, °C.</summary>
    public double MaxControlSetpoint { get; set; } = 75;

    /// <summary>The cap on the burner's modulation, %.</summary>
    public double MaxModulation { get; set; } = 100;

    /// <summary>The DHW setpoint, °C (reported only; this model heats no tank).</summary>
    public double DhwSetpoint { get; set; } = 50;

    /// <summary>A lockout fault: the burner stays off and the fault bit is set.</summary>
    public bool Fault { get; set; }

    /// <summary>Flow water temperature, °C.</summary>
    public double FlowTemperature { get; private set; }

    /// <summary>Return water temperature, °C.</summary>
    public double ReturnTemperature { get; private set; }

    /// <summary>The burner's modulation now, % of its maximum.</summary>
    public double Modulation => _burner.Level / Options.MaximumThermalWatts * 100;

    /// <summary>Whether the flame is on.</summary>
    public bool Flame => _burner.Running;

    /// <summary>Whether the boiler heats for central heating now.</summary>
    public bool CentralHeatingActive => Flame;

    /// <summary>Gas burnt over the last step, W (lower heating value).</summary>
    public double GasWatts { get; private set; }

    /// <summary>Heat into the water over the last step, W.</summary>
    public double HeatWatts { get; private set; }

    /// <summary>Burner starts so far.</summary>
    public int Starts => _burner.Starts;

    /// <summary>The boiler's clock.</summary>
    public DateTimeOffset Now => _now;

    /// <summary>
    /// Advances by <paramref name="step"/> in 5-second slices: the burner modulates on the flow error (on below the
    /// setpoint minus 2 K, off above it plus 5 K, as boilers' anti-cycling hysteresis does), the water warms by what
    /// the burner adds less what the emitters give the room.
    /// </summary>
    public void Step(TimeSpan step)
    {
        var slice = TimeSpan.FromSeconds(5);
        for (var left = step; left > TimeSpan.Zero; left -= slice)
        {
            var dt = left < slice ? left : slice;
            _now += dt;
            StepSlice(dt.TotalSeconds);
        }
    }

    private void StepSlice(double seconds)
    {
        var setpoint = Math.Min(ControlSetpoint, MaxControlSetpoint);
        var demand = !Fault && CentralHeatingEnabled && setpoint > Options.RoomTemperature;
        var wanted = 0.0;
        if (demand && (Flame ? FlowTemperature < setpoint + 5 : FlowTemperature < setpoint - 2))
        {
            var cap = Options.MaximumThermalWatts * Math.Clamp(MaxModulation, 0, 100) / 100;
            wanted = Math.Clamp((setpoint - FlowTemperature + 2) * Options.MaximumThermalWatts / 10, 0, cap);
            wanted = Math.Max(wanted, Options.MaximumThermalWatts * Options.MinimumModulation);
        }

        _burner.Command(_now, wanted, setpoint);
        _burner.Tick(_now);
        var output = _burner.Produce(new SourceConditions(0, Options.RoomTemperature, FlowTemperature, Options.MaximumThermalWatts));
        HeatWatts = output.HeatWatts;
        GasWatts = output.GasWatts;
        var emitted = Options.EmitterWattsPerKelvin * (((FlowTemperature + ReturnTemperature) / 2) - Options.RoomTemperature);
        FlowTemperature += (HeatWatts - emitted) * seconds / (Options.WaterLitres * WaterHeatCapacity);
        ReturnTemperature = FlowTemperature - (emitted / Options.CirculationWattsPerKelvin);
    }
}
