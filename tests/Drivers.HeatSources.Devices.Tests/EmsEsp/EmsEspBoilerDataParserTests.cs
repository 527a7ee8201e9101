using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ProofOfHeat.Drivers.HeatSources.EmsEsp;

namespace ProofOfHeat.Drivers.HeatSources.Devices.Tests.EmsEsp;

public sealed class EmsEspBoilerDataParserTests
{
    [Fact]
    public void Nested_DhwObject_IsRead()
    {
        var merged = Merge("""{"heatingactivated":"on","burngas":"off","selflowtemp":45,"curflowtemp":41.5,"rettemp":35.2,"curburnpow":0,"dhw":{"seltemp":52,"curtemp":49.5}}""");

        Assert.True(merged.HeatingActivated);
        Assert.False(merged.BurnerOn);
        Assert.Equal(45, merged.SelectedFlowTemperature);
        Assert.Equal(41.5, merged.FlowTemperature);
        Assert.Equal(35.2, merged.ReturnTemperature);
        Assert.Equal(52, merged.DhwSetpoint);
        Assert.Equal(49.5, merged.DhwTemperature);
    }

    [Fact]
    public void Flat_LegacyWwKeys_AreRead()
    {
        var merged = Merge("""{"heatingactivated":1,"burngas":true,"wwseltemp":"55","wwcurtemp":50}""");

        Assert.True(merged.HeatingActivated);
        Assert.True(merged.BurnerOn);
        Assert.Equal(55, merged.DhwSetpoint);
        Assert.Equal(50, merged.DhwTemperature);
    }

    [Fact]
    public void DhwTopic_KeysAtTheTop_AreDhw()
    {
        Assert.True(EmsEspBoilerDataParser.TryMerge(EmsEspBoilerData.Empty, Encoding.UTF8.GetBytes("""{"seltemp":48}"""), dhwTopic: true, out var merged));
        Assert.Equal(48, merged.DhwSetpoint);
    }

    [Theory]
    [InlineData("\"on\"", true)]
    [InlineData("\"ON\"", true)]
    [InlineData("\"off\"", false)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("\"maybe\"", null)]
    [InlineData("null", null)]
    public void Flags_InEveryBooleanFormat(string json, bool? expected)
    {
        using var document = JsonDocument.Parse(json);
        Assert.Equal(expected, EmsEspBoilerDataParser.ParseFlag(document.RootElement));
    }

    [Fact]
    public void LaterPayload_KeepsWhatItDoesNotMention()
    {
        var first = Merge("""{"selflowtemp":45,"heatingactivated":"on"}""");
        Assert.True(EmsEspBoilerDataParser.TryMerge(first, Encoding.UTF8.GetBytes("""{"curflowtemp":40}"""), false, out var second));

        Assert.Equal(45, second.SelectedFlowTemperature);
        Assert.Equal(40, second.FlowTemperature);
        Assert.Equal(2, second.MessageCount);
    }

    [Theory]
    [InlineData("{\"curflowtemp\": 4")]
    [InlineData("[1,2,3]")]
    [InlineData("42")]
    [InlineData("")]
    [InlineData("\u00de\u00ad")]
    public void NotAJsonObject_IsRejectedAndChangesNothing(string payload)
    {
        Assert.False(EmsEspBoilerDataParser.TryMerge(EmsEspBoilerData.Empty, Encoding.UTF8.GetBytes(payload), false, out var merged));
        Assert.Same(EmsEspBoilerData.Empty, merged);
    }

    [Property]
    public Property AnyBytes_NeverThrow(byte[]? payload)
    {
        var ok = EmsEspBoilerDataParser.TryMerge(EmsEspBoilerData.Empty, payload ?? [], false, out var merged);
        return (ok ? merged.MessageCount == 1 : ReferenceEquals(merged, EmsEspBoilerData.Empty)).ToProperty();
    }

    [Property]
    public Property AnyValuesUnderKnownKeys_NeverThrowAndNumbersStayFinite(string? text, double number, bool flag)
    {
        var json = new Dictionary<string, object?>
        {
            ["curflowtemp"] = text,
            ["rettemp"] = double.IsFinite(number) ? number : 0,
            ["burngas"] = flag,
            ["heatingactivated"] = text,
            ["dhw"] = text,
        };
        EmsEspBoilerDataParser.TryMerge(EmsEspBoilerData.Empty, JsonSerializer.SerializeToUtf8Bytes(json), false, out var merged);
        return (merged.FlowTemperature is null || double.IsFinite(merged.FlowTemperature.Value)).ToProperty();
    }

    [Theory]
    [InlineData("{\"message\":\"OK\"}", false)]
    [InlineData("{\"message\":\"write not allowed\"}", true)]
    [InlineData("garbage", false)]
    public void Responses_OtherThanOk_AreRefusals(string response, bool refusal) =>
        Assert.Equal(refusal, EmsEspClient.IsRefusal(response));

    private static EmsEspBoilerData Merge(string json)
    {
        Assert.True(EmsEspBoilerDataParser.TryMerge(EmsEspBoilerData.Empty, Encoding.UTF8.GetBytes(json), false, out var merged));
        return merged;
    }
}
