namespace ProofOfHeat.Sim.Miners.VNish;

/// <summary>One of the simulated miner's autotune presets.</summary>
/// <param name="Name">Its name: the watt figure as text, or "disabled".</param>
/// <param name="Watts">Its power, W (0 for "disabled").</param>
/// <param name="HashrateTerahash">Its expected hashrate, TH/s.</param>
/// <param name="IsTuned">Whether the autotuner has tuned it on this machine.</param>
/// <param name="ModdedPsuRequired">Whether it needs a modified PSU.</param>
public sealed record VNishSimPreset(string Name, int Watts, double HashrateTerahash, bool IsTuned, bool ModdedPsuRequired = false);
