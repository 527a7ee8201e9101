namespace ProofOfHeat.HomeAssistant;

/// <summary>The MQTT broker the Supervisor offers to add-ons (<c>GET /services/mqtt</c>).</summary>
/// <param name="Host">Broker host, for example <c>core-mosquitto</c>.</param>
/// <param name="Port">Broker port.</param>
/// <param name="Ssl">True when the broker expects TLS.</param>
/// <param name="Username">User name created for the add-on.</param>
/// <param name="Password">Password for it. Never log it.</param>
/// <param name="Protocol">MQTT protocol version, for example <c>3.1.1</c>.</param>
public sealed record SupervisorMqttService(string Host, int Port, bool Ssl, string? Username, string? Password, string? Protocol)
{
    /// <summary>Hides the password, so the record can be logged.</summary>
    public override string ToString() =>
        $"SupervisorMqttService {{ Host = {Host}, Port = {Port}, Ssl = {Ssl}, Username = {Username}, Protocol = {Protocol} }}";
}
