using ProofOfHeat.Host.Configuration;

namespace ProofOfHeat.Host.Hosting;

/// <summary>
/// A simulated home for <see cref="RunMode.Demo"/>. The demo house, its simulators and its MQTT entities live in
/// their own executable (sim/Demo), not in the production brain; it hands the host this to compose with.
/// </summary>
internal interface IDemoHome
{
    /// <summary>
    /// Registers the home backend, its clock and what else the simulation needs, and returns the app sections to
    /// run with (the demo configures its own miners and heating over <paramref name="apps"/>).
    /// </summary>
    IReadOnlyDictionary<string, AppSection> Add(IServiceCollection services, DemoOptions demo, IReadOnlyDictionary<string, AppSection> apps);

    /// <summary>Declares the demo house's own MQTT entities and the app that keeps them current (with <c>--mqtt</c>).</summary>
    void AddMqttEntities(IServiceCollection services);
}
