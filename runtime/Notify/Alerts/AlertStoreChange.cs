using ProofOfHeat.AppModel.Alerts;

namespace ProofOfHeat.Notify.Alerts;

/// <summary>The latest state of one alert key for the store: the open alert to keep, or null when it was resolved.</summary>
/// <param name="Key">The alert's dedup key.</param>
/// <param name="Alert">The open alert (raised or acknowledged), or null to forget the key.</param>
public sealed record AlertStoreChange(string Key, Alert? Alert);
