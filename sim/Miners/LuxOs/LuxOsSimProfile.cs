namespace ProofOfHeat.Sim.Miners.LuxOs;

/// <summary>One of the simulated machine's LuxOS profiles.</summary>
/// <param name="Name">Its name, e.g. "default" or "495MHz".</param>
/// <param name="FrequencyMhz">Chip frequency, MHz.</param>
/// <param name="Voltage">Board voltage, V.</param>
/// <param name="Watts">Expected power, W.</param>
/// <param name="HashrateTerahash">Expected hashrate, TH/s.</param>
public sealed record LuxOsSimProfile(string Name, int FrequencyMhz, double Voltage, int Watts, double HashrateTerahash);
