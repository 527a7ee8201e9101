using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ProofOfHeat.Drivers.HeatSources.OpenTherm;
using ProofOfHeat.Drivers.HeatSources.OpenTherm.Codec;

namespace ProofOfHeat.Drivers.HeatSources.Devices.Tests.OpenTherm;

public sealed class OpenThermCodecTests
{
    [Fact]
    public void Parse_BoilerFlowTemperatureReport_DecodesF88()
    {
        // Read-Ack (type 4), id 25 (0x19), value 0x2B00 = 43.0 °C; eight ones, so no parity bit.
        var line = OtgwLineParser.Parse("B40192B00");

        Assert.Equal(OtgwLineKind.Report, line.Kind);
        Assert.Equal(OtgwReportSource.Boiler, line.Source);
        Assert.Equal(OpenThermMessageType.ReadAck, line.Frame.Type);
        Assert.Equal(OpenThermDataId.FlowTemperature, line.Frame.DataId);
        Assert.Equal(43.0, line.Frame.F88);
        Assert.True(line.Frame.ParityOk);
    }

    [Fact]
    public void F88_NegativeValue_IsSigned()
    {
        Assert.Equal(-0.5, OpenThermFrame.Create(OpenThermMessageType.ReadAck, 27, 0xFF80).F88);
        Assert.Equal(0xFF80, OpenThermFrame.ToF88(-0.5));
    }

    [Theory]
    [InlineData("CS: 45.00", "CS", "45.00")]
    [InlineData("CH: 1", "CH", "1")]
    [InlineData("  MM: 80 ", "MM", "80")]
    public void Parse_Reply_GivesCodeAndValue(string text, string code, string value)
    {
        var line = OtgwLineParser.Parse(text);

        Assert.Equal(OtgwLineKind.Reply, line.Kind);
        Assert.Equal(code, line.Command);
        Assert.Equal(value, line.Value);
    }

    [Theory]
    [InlineData("NG", OtgwErrorCode.NoGood)]
    [InlineData("SE", OtgwErrorCode.SyntaxError)]
    [InlineData("BV", OtgwErrorCode.BadValue)]
    [InlineData("OR", OtgwErrorCode.OutOfRange)]
    [InlineData("NS", OtgwErrorCode.NoSpace)]
    [InlineData("NF", OtgwErrorCode.NotFound)]
    [InlineData("OE", OtgwErrorCode.OverrunError)]
    public void Parse_ErrorReply_GivesTheCode(string text, OtgwErrorCode error)
    {
        var line = OtgwLineParser.Parse(text);

        Assert.Equal(OtgwLineKind.Error, line.Kind);
        Assert.Equal(error, line.Error);
    }

    [Theory]
    [InlineData("OpenTherm Gateway 4.2.5")]
    [InlineData("Error 02")]
    [InlineData("B4019")]
    [InlineData("X40192B00")]
    [InlineData("B40192B0G")]
    [InlineData("")]
    public void Parse_NoiseAndBanners_AreOther(string text) => Assert.Equal(OtgwLineKind.Other, OtgwLineParser.Parse(text).Kind);

    [Fact]
    public void Decoder_StatusFlags_FromBoilerOnly()
    {
        var flameAndCh = OtgwLineParser.Parse(OpenThermLine('B', OpenThermMessageType.ReadAck, 0, 0x030A));
        var fromThermostat = OtgwLineParser.Parse(OpenThermLine('T', OpenThermMessageType.ReadAck, 0, 0x0301));

        var status = OtgwBoilerStatusDecoder.Apply(OtgwBoilerStatus.Empty, flameAndCh, DateTimeOffset.UnixEpoch);
        status = OtgwBoilerStatusDecoder.Apply(status, fromThermostat, DateTimeOffset.UnixEpoch);

        Assert.True(status.Flame);
        Assert.True(status.CentralHeatingActive);
        Assert.False(status.Fault);
        Assert.False(status.HotWaterActive);
        Assert.Equal(1, status.ReportCount);
    }

    [Fact]
    public void Decoder_SetpointWriteAckAndDataInvalid_AreAcknowledgedAndRefused()
    {
        var ack = OtgwLineParser.Parse(OpenThermLine('B', OpenThermMessageType.WriteAck, 1, OpenThermFrame.ToF88(55)));
        var refused = OtgwLineParser.Parse(OpenThermLine('B', OpenThermMessageType.DataInvalid, 1, OpenThermFrame.ToF88(80)));

        var acknowledged = OtgwBoilerStatusDecoder.Apply(OtgwBoilerStatus.Empty, ack, DateTimeOffset.UnixEpoch);
        var afterRefusal = OtgwBoilerStatusDecoder.Apply(acknowledged, refused, DateTimeOffset.UnixEpoch);

        Assert.Equal(55, acknowledged.AcknowledgedControlSetpoint);
        Assert.Null(afterRefusal.AcknowledgedControlSetpoint);
        Assert.Equal(80, afterRefusal.RefusedControlSetpoint);
        Assert.Equal(2, afterRefusal.ReportsOf(OpenThermDataId.ControlSetpoint));
    }

    [Fact]
    public void Decoder_BadParity_IsIgnored()
    {
        var frame = OpenThermFrame.Create(OpenThermMessageType.ReadAck, 25, OpenThermFrame.ToF88(60));
        var flipped = new OtgwLine(OtgwLineKind.Report, OtgwReportSource.Boiler, new OpenThermFrame(frame.Raw ^ 0x8000_0000));

        var status = OtgwBoilerStatusDecoder.Apply(OtgwBoilerStatus.Empty, flipped, DateTimeOffset.UnixEpoch);

        Assert.Null(status.FlowTemperature);
    }

    [Property]
    public Property Parse_AnyText_NeverThrows(string? text) =>
        Prop.ToProperty(Enum.IsDefined(OtgwLineParser.Parse(text ?? string.Empty).Kind));

    [Property]
    public Property Decoder_AnyLine_NeverThrows(string? text, uint raw)
    {
        var status = OtgwBoilerStatusDecoder.Apply(OtgwBoilerStatus.Empty, OtgwLineParser.Parse(text ?? string.Empty), DateTimeOffset.UnixEpoch);
        status = OtgwBoilerStatusDecoder.Apply(status, new OtgwLine(OtgwLineKind.Report, OtgwReportSource.Boiler, new OpenThermFrame(raw)), DateTimeOffset.UnixEpoch);
        return (status.ReportCount <= 1).ToProperty();
    }

    [Property]
    public Property Frame_CreateAndParseHex_RoundTripWithGoodParity(byte type, byte id, ushort value)
    {
        var frame = OpenThermFrame.Create((OpenThermMessageType)(type & 7), id, value);
        var parsed = OtgwLineParser.Parse("B" + frame.ToHex());
        return (frame.ParityOk && parsed.Frame == frame && parsed.Frame.DataId == id && parsed.Frame.Value == value).ToProperty();
    }

    [Property]
    public Property Splitter_AnyBytesInAnyChunks_SameLinesAndNoneTooLong(byte[]? bytes, PositiveInt chunk)
    {
        var data = bytes ?? [];
        var whole = Split(data, data.Length + 1);
        var chunked = Split(data, chunk.Get);
        return (whole.SequenceEqual(chunked) && whole.All(l => l.Length is > 0 and <= OtgwLineSplitter.MaxLineLength)).ToProperty();
    }

    [Fact]
    public void Splitter_OverlongRun_IsDroppedAndTheNextLineKept()
    {
        var splitter = new OtgwLineSplitter();
        var lines = new List<string>();
        splitter.Feed(System.Text.Encoding.ASCII.GetBytes(new string('x', 500) + "\r\nB40192B80\r\n"), lines.Add);

        Assert.Equal(["B40192B80"], lines);
        Assert.Equal(1, splitter.DroppedLineCount);
    }

    [Theory]
    [InlineData("45.00", "45.00", true)]
    [InlineData("45.00", "45", true)]
    [InlineData("45.00", "40.00", false)]
    [InlineData("1", "1", true)]
    public void SameValue_ComparesNumbersNumerically(string sent, string echoed, bool same) =>
        Assert.Equal(same, OtgwClient.SameValue(sent, echoed));

    private static List<string> Split(byte[] data, int chunk)
    {
        var splitter = new OtgwLineSplitter();
        var lines = new List<string>();
        for (var i = 0; i < data.Length; i += chunk)
        {
            splitter.Feed(data.AsSpan(i, Math.Min(chunk, data.Length - i)), lines.Add);
        }

        return lines;
    }

    private static string OpenThermLine(char source, OpenThermMessageType type, byte id, ushort value) =>
        source + OpenThermFrame.Create(type, id, value).ToHex();
}
