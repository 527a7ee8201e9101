namespace ProofOfHeat.Drivers.Miners.VNish;

/// <summary>One entry of <c>GET /api/v1/autotune/presets</c>.</summary>
/// <param name="Name">Its name, the watt figure as text (e.g. "2350"), or "disabled".</param>
/// <param name="Watts">Its power, W, when the name or the pretty text gives it.</param>
/// <param name="IsTuned">Whether the autotuner has tuned it (only tuned presets apply quickly).</param>
internal sealed record VNishPreset(string Name, int? Watts, bool IsTuned);
