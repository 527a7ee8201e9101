using ProofOfHeat.Sim.Devices;
using ProofOfHeat.Sim.House;
using ProofOfHeat.Sim.Miners;

namespace ProofOfHeat.Demo;

/// <summary>
/// A simulated miner (its protocol simulator's hardware) as a heat source of the demo house: the
/// heat over a plant step is the electric energy it drew in that step, all of it into the room air.
/// The hardware runs on the same simulated clock as the house.
/// </summary>
internal sealed class MinerHardwareHeatSource(string id, MinerHardware hardware) : ISimulatedHeatSource
{
    private double _energyAtLastStep = hardware.Read().EnergyJoules;

    /// <inheritdoc />
    public string Id => id;

    /// <inheritdoc />
    public double ElectricPowerWatts => hardware.Read().PowerWatts;

    /// <inheritdoc />
    public HeatInput Advance(DateTimeOffset now, TimeSpan duration, double outdoorTemperature)
    {
        // The hardware integrates its own power on the clock; the house asks per step.
        var energy = hardware.Read().EnergyJoules;
        var mean = (energy - _energyAtLastStep) / duration.TotalSeconds;
        _energyAtLastStep = energy;
        return new HeatInput(Math.Max(0, mean), 0);
    }
}
