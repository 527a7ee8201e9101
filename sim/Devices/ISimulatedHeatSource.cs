using ProofOfHeat.Sim.House;

namespace ProofOfHeat.Sim.Devices;

/// <summary>
/// A heat source in the simulated home. Each kind (miner, heat pump, boiler, resistive heater)
/// takes its own commands, but the home only needs to advance it and collect its heat, so new
/// kinds slot in by implementing this.
/// </summary>
public interface ISimulatedHeatSource
{
    /// <summary>The source's id (also the stem of its entity ids).</summary>
    string Id { get; }

    /// <summary>Electric power drawn right now, W.</summary>
    double ElectricPowerWatts { get; }

    /// <summary>
    /// Advances the source over [<paramref name="now"/>, <paramref name="now"/> + <paramref name="duration"/>]
    /// and returns the mean heat it delivered to the house over that interval.
    /// </summary>
    HeatInput Advance(DateTimeOffset now, TimeSpan duration, double outdoorTemperature);
}
