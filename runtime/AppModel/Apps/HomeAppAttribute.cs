namespace ProofOfHeat.AppModel.Apps;

/// <summary>
/// Marks a class as an app (NetDaemon's <c>[NetDaemonApp]</c>). The runtime finds it, builds it
/// with constructor injection in its own scope, and starts and stops it with the connection.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class HomeAppAttribute : Attribute
{
    /// <summary>The app id used in config (<c>apps.&lt;id&gt;</c>), logs and the switch; defaults to the class name in snake_case.</summary>
    public string? Id { get; init; }

    /// <summary>
    /// Safety apps set this: they keep running while Home Assistant is disconnected (they may act on
    /// MQTT devices and drivers that do not need HA), instead of being stopped until it returns.
    /// </summary>
    public bool KeepRunningWhenDisconnected { get; init; }
}
