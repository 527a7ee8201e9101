using ProofOfHeat.Sim.Heating.Sources;
using ProofOfHeat.Sim.House;

namespace ProofOfHeat.Sim.Heating;

/// <summary>
/// The PoH-Bench plant: a 2R2C house, its heat sources, a hydronic loop for water-side sources,
/// solar and internal gains and window openings, advanced in fixed steps with every input held
/// over the step. Air-side sources heat the air node; hydronic ones fill the loop, which delivers
/// with a first-order lag, limited by the emitters at the flow temperature.
/// </summary>
public sealed class HeatingPlant
{
    /// <summary>Creates the plant with the air at <paramref name="initialAir"/> and the mass at <paramref name="initialMass"/>.</summary>
    public HeatingPlant(HouseParameters house, IReadOnlyList<PlantSource> sources, PlantOptions options, double initialAir, double initialMass)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(options);
        if (sources.Select(s => s.Id).Distinct(StringComparer.Ordinal).Count() != sources.Count)
        {
            throw new ArgumentException("Source ids must be unique.", nameof(sources));
        }

        House = new TwoNodeHouse(house, initialAir, initialMass);
        Sources = sources;
        Options = options;
        Loop = new HydronicLoop(options.HydronicTimeConstant);
    }

    /// <summary>The house.</summary>
    public TwoNodeHouse House { get; }

    /// <summary>The sources, in the order given.</summary>
    public IReadOnlyList<PlantSource> Sources { get; }

    /// <summary>The house-side constants.</summary>
    public PlantOptions Options { get; }

    /// <summary>The water loop.</summary>
    public HydronicLoop Loop { get; }

    /// <summary>Total heat stored in the house and the loop, J.</summary>
    public double StoredHeat => House.StoredHeat + Loop.StoredHeat;

    /// <summary>The source with <paramref name="id"/>.</summary>
    public PlantSource Source(string id) =>
        Sources.FirstOrDefault(s => s.Id == id) ?? throw new KeyNotFoundException($"No source '{id}'.");

    /// <summary>Advances the plant over [<paramref name="now"/>, <paramref name="now"/> + <paramref name="step"/>].</summary>
    public PlantStepResult Step(DateTimeOffset now, TimeSpan step, PlantBoundary boundary)
    {
        var seconds = step.TotalSeconds;
        var room = House.AirTemperature;
        var outdoor = boundary.OutdoorTemperature;
        var flow = FlowTemperature(outdoor);
        var capacityLeft = Options.EmitterCapacity(flow, room);
        var outputs = new SourceOutput[Sources.Count];
        double airSide = 0;
        double waterSide = 0;
        for (var i = 0; i < Sources.Count; i++)
        {
            var source = Sources[i];
            source.Tick(now);
            var output = source.Produce(new SourceConditions(outdoor, room, flow, capacityLeft));
            outputs[i] = output;
            if (source.Hydronic)
            {
                waterSide += output.HeatWatts;
                capacityLeft = Math.Max(0, capacityLeft - output.HeatWatts);
            }
            else
            {
                airSide += output.HeatWatts;
            }
        }

        var loopBefore = Loop.StoredHeat;
        var delivered = Loop.Step(step, waterSide);
        var toMass = delivered * Options.HydronicShareToMass;
        var toAir = airSide + delivered - toMass;
        var gains = (boundary.SolarIrradiance * Options.SolarAperture) + boundary.InternalGainsWatts;
        // The window's extra loss is taken at the step's starting temperature; with 60 s steps and
        // 500 W/K against a 1 kWh/K air node that explicit term is far inside its stability limit.
        var window = boundary.ExtraAirConductance * (room - outdoor);
        var house = House.Step(step, outdoor, new HeatInput(toAir + gains - window, toMass));
        return new PlantStepResult(
            outputs,
            toAir,
            toMass,
            (airSide + waterSide) * seconds,
            gains * seconds,
            window * seconds,
            Loop.StoredHeat - loopBefore,
            house,
            flow);
    }

    private double FlowTemperature(double outdoor)
    {
        double? flow = null;
        var limit = double.MaxValue;
        foreach (var source in Sources.Where(s => s.Hydronic && s.Running))
        {
            var wanted = source.FlowTemperatureSetpoint
                ?? Options.DefaultCurve.FlowTemperature(Options.CurveRoomSetpoint, outdoor);
            flow = Math.Max(flow ?? double.MinValue, wanted);
            limit = Math.Min(limit, source switch
            {
                HeatPumpSource pump => pump.MaximumFlowTemperature,
                GasBoilerSource boiler => boiler.MaximumFlowTemperature,
                _ => double.MaxValue,
            });
        }

        if (Sources.Any(s => s is GasBoilerSource { Running: true }))
        {
            limit = Sources.OfType<GasBoilerSource>().Max(b => b.MaximumFlowTemperature);
        }

        return Math.Min(flow ?? Options.DefaultCurve.FlowTemperature(Options.CurveRoomSetpoint, outdoor), limit);
    }
}
