namespace ProofOfHeat.Drivers.Miners.LuxOs;

/// <summary>One entry of LuxOS's <c>profiles</c> (<c>PROFILES[]</c>).</summary>
/// <param name="Name">Its name (<c>Profile Name</c>), e.g. "default" or "545MHz".</param>
/// <param name="Watts">Its expected power, W.</param>
/// <param name="HashrateTerahash">Its expected hashrate, TH/s.</param>
/// <param name="IsTuned">Whether the autotuner has tuned it on this machine.</param>
internal sealed record LuxOsProfile(string Name, int Watts, double? HashrateTerahash, bool IsTuned);
