using ProofOfHeat.MqttEntities.Discovery;

namespace ProofOfHeat.MqttEntities;

/// <summary>A declaration registered at composition; the manager runs every one when it is built.</summary>
/// <param name="Declare">Declares devices and entities.</param>
internal sealed record MqttEntityDeclaration(Action<IMqttEntities> Declare);
