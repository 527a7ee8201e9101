namespace ProofOfHeat.Drivers.Miners.LuxOs;

/// <summary>What LuxOS's <c>config</c> tells (<c>CONFIG[0]</c>).</summary>
/// <param name="Model">The miner model, e.g. "Antminer S19j Pro".</param>
/// <param name="Profile">The active profile's name.</param>
/// <param name="IsCurtailed">Whether <c>curtail sleep</c> is in effect (<c>CurtailMode</c> other than "None").</param>
/// <param name="IsAtmEnabled">Whether Advanced Thermal Management may change the profile by itself.</param>
internal sealed record LuxOsConfig(string? Model, string? Profile, bool IsCurtailed, bool IsAtmEnabled);
