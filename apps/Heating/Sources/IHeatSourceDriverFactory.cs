using ProofOfHeat.Drivers.HeatSources;

namespace ProofOfHeat.Apps.Heating.Sources;

/// <summary>
/// Builds the driver for a source of kind <see cref="HeatSourceKind.Driver"/> whose <see cref="HeatSourceOptions.Driver"/>
/// is <see cref="Kind"/>. The host registers one per protocol; the heating app never references a concrete driver.
/// </summary>
public interface IHeatSourceDriverFactory
{
    /// <summary>The driver's name as config writes it (<c>modbus</c>, <c>sg-ready</c>, <c>otgw</c>, <c>ems-esp</c>).</summary>
    string Kind { get; }

    /// <summary>The driver for <paramref name="source"/>'s device (its address, map and unit); does no I/O.</summary>
    /// <exception cref="ArgumentException">The source's address or map cannot be used (says which key and what to do).</exception>
    IHeatSourceDriver Create(HeatSourceOptions source, HeatSourceDriverContext context);
}
