namespace ProofOfHeat.Host.Api;

/// <summary>What <c>/healthz</c> answers.</summary>
/// <param name="Healthy">Whether the watchdog should leave the brain alone (200) or act (503).</param>
/// <param name="Status"><c>ok</c>, <c>starting</c>, <c>stopping</c> or <c>unhealthy</c>.</param>
/// <param name="Reason">Why it is unhealthy, in a few words that reveal nothing private; null when healthy.</param>
internal sealed record HealthVerdict(bool Healthy, string Status, string? Reason);
