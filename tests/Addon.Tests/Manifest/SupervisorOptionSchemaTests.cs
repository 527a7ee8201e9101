namespace ProofOfHeat.Addon.Tests.Manifest;

/// <summary>The schema checker itself, so that the add-on's schema tests rest on a checker that refuses what the Supervisor refuses.</summary>
public sealed class SupervisorOptionSchemaTests
{
    [Theory]
    [InlineData("int(1,10)", "5", true)]
    [InlineData("int(1,10)", "11", false)]
    [InlineData("int(1,10)", "0", false)]
    [InlineData("int(5,)", "500", true)]
    [InlineData("int(5,)", "4", false)]
    [InlineData("int", "\"x\"", false)]
    [InlineData("int", "1.5", false)]
    [InlineData("float(0.5,2)", "1.5", true)]
    [InlineData("float(0.5,2)", "2.5", false)]
    [InlineData("str(3,)", "\"abc\"", true)]
    [InlineData("str(3,)", "\"ab\"", false)]
    [InlineData("str(,2)", "\"abc\"", false)]
    [InlineData("password", "\"s3cret\"", true)]
    [InlineData("bool", "true", true)]
    [InlineData("bool", "\"maybe\"", false)]
    [InlineData("port", "8099", true)]
    [InlineData("port", "0", false)]
    [InlineData("port", "70000", false)]
    [InlineData("url", "\"http://example.org/x\"", true)]
    [InlineData("url", "\"example.org\"", false)]
    [InlineData("email", "\"anna@example.org\"", true)]
    [InlineData("email", "\"anna\"", false)]
    [InlineData("list(a|b)", "\"b\"", true)]
    [InlineData("list(a|b)", "\"c\"", false)]
    [InlineData("match(^[a-z]+$)", "\"abc\"", true)]
    [InlineData("match(^[a-z]+$)", "\"ab1\"", false)]
    [InlineData("str", "[\"a\"]", false)]
    [InlineData("str", "null", false)]
    public void Element_AcceptsAndRefusesAsTheSupervisor(string type, string valueJson, bool accepted)
    {
        var schema = new SupervisorOptionSchema(new Dictionary<string, object?> { ["x"] = type });

        var errors = schema.Validate(PlainValues.Json($$"""{"x": {{valueJson}}}"""));

        Assert.Empty(schema.SchemaProblems);
        Assert.Equal(accepted, errors.Count == 0);
    }

    [Fact]
    public void Optional_MayBeMissingButRequiredMayNot()
    {
        var schema = new SupervisorOptionSchema(PlainValues.Json("""{"a": "str?", "b": "int", "ids": ["int?"], "hosts": ["str"]}"""));

        var errors = schema.Validate(PlainValues.Json("{}"));

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Contains("'b'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'hosts'", StringComparison.Ordinal));
    }

    [Fact]
    public void ListOfMappings_ChecksEveryItem()
    {
        var schema = new SupervisorOptionSchema(PlainValues.Json("""{"miners": [{"name": "str", "port": "port", "room": "str?"}]}"""));

        Assert.Empty(schema.Validate(PlainValues.Json("""{"miners": [{"name": "a", "port": 4028}]}""")));
        var errors = schema.Validate(PlainValues.Json("""{"miners": [{"name": "a", "port": 4028}, {"port": 99999}]}"""));
        Assert.Equal(2, errors.Count); // the second item: port out of range and name missing
        Assert.Single(schema.Validate(PlainValues.Json("""{"miners": "a"}""")));
    }

    [Theory]
    [InlineData("""{"x": "integer"}""")]
    [InlineData("""{"x": "str(a,b)"}""")]
    [InlineData("""{"x": [["str"]]}""")]
    [InlineData("""{"x": ["str", "int"]}""")]
    [InlineData("""{"a": {"b": {"c": {"d": "str"}}}}""")]
    [InlineData("""{"x": 5}""")]
    public void BadSchema_IsReported(string json)
    {
        Assert.NotEmpty(new SupervisorOptionSchema(PlainValues.Json(json)).SchemaProblems);
    }
}
