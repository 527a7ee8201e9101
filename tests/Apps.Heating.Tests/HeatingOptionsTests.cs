using ProofOfHeat.Apps.Heating.Prices;
using ProofOfHeat.Apps.Heating.Profiles;
using ProofOfHeat.Apps.Heating.Schedules;
using ProofOfHeat.Apps.Heating.Sources;
using ProofOfHeat.Apps.Heating.Zones;

namespace ProofOfHeat.Apps.Heating.Tests;

public sealed class HeatingOptionsTests
{
    private static HeatingOptions Zoned(Action<HeatingOptions>? change = null)
    {
        var options = new HeatingOptions
        {
            Zones = [new HeatingZoneOptions { Id = "living", RoomTemperatureEntity = "sensor.living", Sources = ["miner"] }],
            Sources = [new HeatSourceOptions { Id = "miner", Entity = "number.miner_power" }],
        };
        change?.Invoke(options);
        return options;
    }

    [Fact]
    public void Validate_MinimalZonesAndOneZoneForm_Pass()
    {
        Zoned().Validate();
        new HeatingOptions { RoomTemperatureEntity = "sensor.lounge", HeaterPowerEntity = "number.heater" }.Validate();
    }

    [Fact]
    public void Validate_Defaults_ThrowBecauseNoEntityIsAssumed()
    {
        Assert.Throws<ArgumentException>(new HeatingOptions().Validate);
    }

    [Fact]
    public void Validate_ZonesBesideTheOneZoneKeys_ThrowsSayingWhereTheHeaterGoes()
    {
        var error = Assert.Throws<ArgumentException>(Zoned(o => o.HeaterPowerEntity = "number.heater").Validate);
        Assert.Contains("list the heater under sources:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AsZones_OneZoneForm_OneZoneWithOneNumberSource()
    {
        var options = new HeatingOptions
        {
            ZoneName = "Living room", RoomTemperatureEntity = "sensor.lounge", OutdoorTemperatureEntity = "sensor.outside",
            HeaterPowerEntity = "number.heater", PowerLevels = [0, 2000], ComfortTarget = 20.5,
        };

        var zoned = options.AsZones();

        var zone = Assert.Single(zoned.Zones);
        Assert.Equal("living_room", zone.Id);
        Assert.Equal("Living room", zone.DisplayName);
        Assert.Equal("sensor.lounge", zone.RoomTemperatureEntity);
        var source = Assert.Single(zoned.Sources);
        Assert.Equal(SourceSafeState.Off, source.SafeState);
        Assert.Equal(["heater"], zone.Sources);
        Assert.Equal(("heater", HeatSourceKind.Number, "number.heater"), (source.Id, source.Kind, source.Entity));
        Assert.Equal([0, 2000], source.PowerLevels);
        Assert.Equal("sensor.outside", zoned.OutdoorTemperatureEntity);
        Assert.Equal(20.5, HeatingZonesValidation.ProfilesOrDefault(zoned)[0].Presets.Comfort);
        Assert.Empty(options.Zones);
        var already = Zoned();
        Assert.Same(already, already.AsZones());
    }

    [Theory]
    [InlineData("Living Room", "not a zone id")]
    [InlineData("living", null)]
    public void Validate_ZoneId(string id, string? expected)
    {
        var options = Zoned(o => o.Zones[0].Id = id);
        if (expected is null)
        {
            options.Validate();
        }
        else
        {
            Assert.Contains(expected, Assert.Throws<ArgumentException>(options.Validate).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_DuplicateIds_Throw()
    {
        Assert.Contains("same id", Assert.Throws<ArgumentException>(
            Zoned(o => o.Zones = [o.Zones[0], o.Zones[0]]).Validate).Message, StringComparison.Ordinal);
        Assert.Contains("same id", Assert.Throws<ArgumentException>(
            Zoned(o => o.Sources = [o.Sources[0], o.Sources[0]]).Validate).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadProfile_ErrorNamesIt()
    {
        var bad = new HeatingProfile { Name = "home", DefaultPreset = "cosy" };
        var error = Assert.Throws<ArgumentException>(Zoned(o => o.Profiles = [bad]).Validate);
        Assert.Contains("profile 'home', default_preset", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DynamicPricesWithoutEntity_Throws()
    {
        var error = Assert.Throws<ArgumentException>(Zoned(o => o.Prices = new PriceOptions { Format = PriceFormat.Nordpool }).Validate);
        Assert.Contains("needs an entity", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownTimeZone_Throws()
    {
        var error = Assert.Throws<ArgumentException>(Zoned(o => o.TimeZone = "Mars/Olympus").Validate);
        Assert.Contains("time_zone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadStaticRow_Throws()
    {
        var error = Assert.Throws<ArgumentException>(
            Zoned(o => o.Prices = new PriceOptions { Static = [new TimeOfUseRate { From = "7am" }] }).Validate);
        Assert.Contains("prices.static[0].from", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FleetSourceTakesAPlainId()
    {
        Zoned(o => o.Sources = [new HeatSourceOptions { Id = "miner", Kind = HeatSourceKind.Fleet, Entity = "s21-attic" }]).Validate();
        Assert.Throws<ArgumentException>(Zoned(o => o.Sources = [new HeatSourceOptions { Id = "miner", Entity = "s21-attic" }]).Validate);
    }

    [Fact]
    public void PresetNames_RoundTrip()
    {
        Assert.Equal(["comfort", "eco", "away", "antifreeze", "boost"], HeatingPresetNames.All);
        foreach (var preset in Enum.GetValues<HeatingPreset>())
        {
            Assert.True(HeatingPresetNames.TryParse(HeatingPresetNames.Name(preset).ToUpperInvariant(), out var parsed));
            Assert.Equal(preset, parsed);
        }

        Assert.False(HeatingPresetNames.TryParse("none", out _));
    }

    [Theory]
    [InlineData(4, 0.5, null)]
    [InlineData(19, 0, null)]
    [InlineData(19, 0.5, 0)]
    public void SafeThermostat_OutOfRange_IsRefusedWithTheSource(double target, double hysteresis, int? watts)
    {
        var source = new HeatSourceOptions
        {
            Id = "heater", Entity = "number.heater", SafeState = SourceSafeState.Thermostat,
            SafeThermostat = new SafeThermostatOptions { Target = target, Hysteresis = hysteresis, Watts = watts },
        };

        var error = Assert.Throws<ArgumentException>(source.Validate);

        Assert.Contains("sources: 'heater': safe_thermostat.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, true, false)]
    [InlineData(18.4, false, true)]
    [InlineData(19.0, false, false)]
    [InlineData(19.0, true, true)]
    [InlineData(19.6, true, false)]
    public void SafeThermostat_Heats_WithADeadBand_AndNeverBlind(double? room, bool wasOn, bool heats) =>
        Assert.Equal(heats, new SafeThermostatOptions { Target = 19, Hysteresis = 0.5 }.Heats(room, wasOn));
}
