using ProofOfHeat.Apps.Heating.Sources;

namespace ProofOfHeat.Apps.Heating.HeatSources.Tests;

/// <summary>A driver source's options: what it needs, said with the key to fix.</summary>
public sealed class DriverSourceOptionsTests
{
    [Fact]
    public void A_driver_source_needs_no_entity()
    {
        Source().Validate();
    }

    [Theory]
    [InlineData(null, "192.0.2.5:502", 1, "names its driver (driver: modbus")]
    [InlineData("modbus", null, 1, "address (address: 192.0.2.5:502)")]
    [InlineData("modbus", "192.0.2.5:502", 300, "unit is a device id from 0 to 255")]
    public void A_driver_source_missing_what_it_needs_says_which_key(string? driver, string? address, int unit, string message)
    {
        var source = Source();
        (source.Driver, source.Address, source.Unit) = (driver, address, unit);
        var error = Assert.Throws<ArgumentException>(source.Validate);
        Assert.Contains("sources: 'heat_pump'", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_driver_named_on_another_kind_is_refused()
    {
        var source = Source();
        source.Kind = HeatSourceKind.Number;
        Assert.Contains("kind must be driver", Assert.Throws<ArgumentException>(source.Validate).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_driver_lists_the_known_ones()
    {
        var factory = new DriverHeatSourceCommanderFactory([], TimeProvider.System);
        var source = Source();
        source.Driver = "otgw";
        Assert.Contains("driver 'otgw' is not known", Assert.Throws<ArgumentException>(() => factory.TryCreate(source)).Message, StringComparison.Ordinal);
    }

    private static HeatSourceOptions Source() => new()
    {
        Id = "heat_pump", Kind = HeatSourceKind.Driver, Driver = "modbus", Address = "192.0.2.5:502", Map = "generic-heat-pump", Unit = 1,
    };
}
