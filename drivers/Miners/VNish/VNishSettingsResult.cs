namespace ProofOfHeat.Drivers.Miners.VNish;

/// <summary>The answer to <c>POST /api/v1/settings</c>.</summary>
/// <param name="RestartRequired">Mining must restart for the change to apply.</param>
/// <param name="RebootRequired">The miner must reboot for the change to apply.</param>
internal sealed record VNishSettingsResult(bool RestartRequired, bool RebootRequired);
