namespace ProofOfHeat.Host.Composition;

/// <summary>Where the brain's MQTT connection goes, from config, <c>--mqtt</c> or the Supervisor; never logged with the password.</summary>
/// <param name="Url">The broker, <c>mqtt://</c> or <c>mqtts://</c>.</param>
/// <param name="Username">The user name, or null for anonymous.</param>
/// <param name="Password">The password, or null.</param>
/// <param name="Source">Where it came from, for the log: <c>config</c>, <c>--mqtt</c> or <c>supervisor</c>.</param>
internal sealed record MqttBroker(Uri Url, string? Username, string? Password, string Source)
{
    /// <summary>Hides the password, so the record can be logged.</summary>
    public override string ToString() => $"{Url.Scheme}://{Url.Host}:{Url.Port} (user {Username ?? "anonymous"}, from {Source})";
}
