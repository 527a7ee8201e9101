using ProofOfHeat.Sim.Miners.VNish;

namespace ProofOfHeat.Drivers.Miners.VNish.Tests;

/// <summary>Simulator options for the unusual cases.</summary>
internal sealed class VNishSimulatorOptionsBuilder
{
    private VNishSimulatorOptions _options = new();

    public VNishSimulatorOptionsBuilder OnlyOneTuned()
    {
        _options = _options with { Presets = [.. _options.Presets.Select(p => p with { IsTuned = p.Name == "3250" })] };
        return this;
    }

    public VNishSimulatorOptionsBuilder NoRestartForPresets()
    {
        _options = _options with { PresetChangeRequiresRestart = false };
        return this;
    }

    public VNishSimulatorOptions Build() => _options;
}
