using ProofOfHeat.AppModel.Runtime;
using ProofOfHeat.Host.Configuration;
using ProofOfHeat.Host.Hosting;
using ProofOfHeat.MqttEntities;

namespace ProofOfHeat.Demo;

/// <summary>The simulated house, its miner simulators and its MQTT entities, handed to the host's composition.</summary>
internal sealed class DemoHome : IDemoHome
{
    /// <inheritdoc />
    public IReadOnlyDictionary<string, AppSection> Add(IServiceCollection services, DemoOptions demo, IReadOnlyDictionary<string, AppSection> apps) =>
        DemoServices.Add(services, demo, apps);

    /// <inheritdoc />
    public void AddMqttEntities(IServiceCollection services)
    {
        services.AddMqttEntityDeclarations(DemoEntities.Declare);
        services.AddSingleton(AppDescriptor.For(typeof(DemoEntitiesApp)));
    }
}
