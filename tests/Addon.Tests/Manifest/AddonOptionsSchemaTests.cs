namespace ProofOfHeat.Addon.Tests.Manifest;

/// <summary>The add-on's own options against its own schema, as the Supervisor checks them before it writes options.json.</summary>
public sealed class AddonOptionsSchemaTests
{
    private readonly Dictionary<string, object?> _config = AddonManifest.Values();

    private SupervisorOptionSchema Schema => new((Dictionary<string, object?>)_config["schema"]!);

    private Dictionary<string, object?> Defaults => (Dictionary<string, object?>)_config["options"]!;

    [Fact]
    public void Schema_IsValid()
    {
        Assert.Empty(Schema.SchemaProblems);
    }

    [Fact]
    public void DefaultOptions_AreAcceptedWithNothingDropped()
    {
        var schema = Schema;

        Assert.Empty(schema.Validate(Defaults));
        Assert.Empty(schema.Dropped);
    }

    [Fact]
    public void OptionalOptions_AreNotInTheDefaults()
    {
        // "A default in options makes it required; truly optional = ? and absent from options" (developers docs).
        var schema = (Dictionary<string, object?>)_config["schema"]!;
        Assert.All(schema.Where(s => s.Value is string type && type.EndsWith('?')), s => Assert.DoesNotContain(s.Key, Defaults.Keys));
    }

    [Theory]
    [InlineData("""{"log_level": "debug", "config_file": "poh.yaml", "log_format": "json"}""")]
    [InlineData("""{"log_level": "warning", "config_file": "house.yml"}""")]
    public void GoodOptions_AreAccepted(string json)
    {
        Assert.Empty(Schema.Validate(PlainValues.Json(json)));
    }

    [Theory]
    [InlineData("""{"log_level": "verbose", "config_file": "poh.yaml"}""", "log_level")]
    [InlineData("""{"log_level": 3, "config_file": "poh.yaml"}""", "log_level")]
    [InlineData("""{"log_level": "info", "config_file": "poh.yaml"}""", "log_level")]
    [InlineData("""{"log_level": "debug", "config_file": "../secrets.yaml"}""", "config_file")]
    [InlineData("""{"log_level": "debug", "config_file": "poh.json"}""", "config_file")]
    [InlineData("""{"log_level": "debug", "config_file": ""}""", "config_file")]
    [InlineData("""{"log_level": "debug", "config_file": "poh.yaml", "log_format": "xml"}""", "log_format")]
    [InlineData("""{"log_level": "debug", "config_file": "poh.yaml", "log_format": null}""", "log_format")]
    [InlineData("""{"config_file": "poh.yaml"}""", "log_level")]
    [InlineData("""{"log_level": "debug"}""", "config_file")]
    public void BadOptions_AreRefusedNamingTheOption(string json, string option)
    {
        var errors = Schema.Validate(PlainValues.Json(json));

        Assert.Contains(errors, e => e.Contains(option, StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownOption_IsDroppedNotRefused()
    {
        var schema = Schema;

        Assert.Empty(schema.Validate(PlainValues.Json("""{"log_level": "debug", "config_file": "poh.yaml", "colour": "red"}""")));
        Assert.Equal(["colour"], schema.Dropped);
    }
}
