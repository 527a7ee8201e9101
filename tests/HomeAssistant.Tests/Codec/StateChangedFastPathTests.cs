using System.Text;
using System.Text.Json;
using ProofOfHeat.HomeAssistant.Codec;
using ProofOfHeat.HomeAssistant.Messages;
using Xunit;

namespace ProofOfHeat.HomeAssistant.Tests.Codec;

/// <summary>
/// The frame decoder's state_changed fast path (<see cref="HaStateChangedReader"/>) must give exactly what the general
/// path (a document, then <see cref="HaMessageDecoder.ReadStateChange"/>) gives, and leave every unusual message to it.
/// </summary>
public sealed class StateChangedFastPathTests
{
    private const string Context = """{"id":"01KEH0000000000QZ7XN4V0B3WY","parent_id":null,"user_id":null}""";

    private static readonly string OldState = $$$"""
        {"entity_id":"climate.living_room","state":"heat","attributes":{"hvac_modes":["off","heat"],"current_temperature":20.1,"friendly_name":"Living °C","nested":{"a":[1,2,{"b":null}]}},"last_changed":"2026-01-09T10:32:34.391956+00:00","last_reported":"2026-01-09T10:32:34.391956+00:00","last_updated":"2026-01-09T10:32:34.391956+00:00","context":{{{Context}}}}
        """;

    private static readonly string NewState = $$$"""
        {"entity_id":"climate.living_room","state":"heat","attributes":{"hvac_modes":["off","heat"],"current_temperature":20.6,"friendly_name":"Living °C","nested":{"a":[1,2,{"b":null}]}},"last_changed":"2026-01-09T10:32:34.391956+00:00","last_reported":"2026-01-09T10:33:04.391956+00:00","last_updated":"2026-01-09T10:33:04.391956+00:00","context":{{{Context}}}}
        """;

    public static TheoryData<string> FastShapes => new()
    {
        Event(Data("climate.living_room", OldState, NewState)),
        Event(Data("climate.living_room", "null", NewState)),
        Event(Data("climate.living_room", OldState, "null")),
        Event($$$"""{"old_state":{{{OldState}}},"new_state":{{{NewState}}}}"""),
        Event(Data("\\u0063limate.living_room", OldState, NewState)),
        Event(Data("sensor.x", """{"entity_id":"sensor.x","state":"21.\u0035","attributes":{},"last_changed":"2026-01-09 10:33:04","context":null}""", NewState)),
        Event(Data("sensor.x", """{"entity_id":"sensor.x","state":21.5,"last_changed":12,"last_updated":"not a time"}""", """{"entity_id":"sensor.x","state":null,"attributes":[1],"last_changed":{"x":1},"extra":[{"y":2}]}""")),
        Event(Data("sensor.x", "[1,2]", "\"gone\"")),
        Event(Data("climate.living_room", OldState, OldState)),
        Event(Data("sensor.x", """{"entity_id":"sensor.x","attributes":1}""", """{"entity_id":"sensor.x","attributes":12}""")),
        Event(Data("sensor.x", """{"entity_id":"sensor.x","attributes":{"a":1}}""", """{"entity_id":"sensor.x","attributes":{"a":1},"state":"on"}""")),
        Event("{\"entity_id\":42,\"old_state\":" + OldState + ",\"new_state\":null}"),
        $$$"""{"type":"event","event":{"event_type":"state_changed","data":{{{Data("climate.living_room", OldState, NewState)}}},"origin":"LOCAL","time_fired":"2026-01-09T10:33:04.391956+00:00","context":{{{Context}}}},"id":7,"extra":{"z":[1]}}""",
    };

    public static TheoryData<string> GeneralShapes => new()
    {
        // event before type, data before event_type, repeated keys, non-integer ids, another event type.
        $$$"""{"id":7,"event":{"event_type":"state_changed","data":{{{Data("a.b", OldState, NewState)}}}},"type":"event"}""",
        $$$"""{"id":7,"type":"event","event":{"data":{{{Data("a.b", OldState, NewState)}}},"event_type":"state_changed"}}""",
        $$$"""{"id":7,"type":"event","type":"event","event":{"event_type":"state_changed","data":{{{Data("a.b", OldState, NewState)}}}}}""",
        """{"id":7,"type":"event","event":{"event_type":"state_changed","data":{"entity_id":"a.b","new_state":""" + NewState + ""","new_state":null}}}""",
        $$$"""{"id":7.5,"type":"event","event":{"event_type":"state_changed","data":{{{Data("a.b", OldState, NewState)}}}}}""",
        """{"id":7,"type":"event","event":{"event_type":"call_service","data":{"domain":"light"},"time_fired":"2026-01-09T10:33:04.391956+00:00"}}""",
        """{"id":7,"type":"result","success":true,"result":null}""",
    };

    [Theory]
    [MemberData(nameof(FastShapes))]
    public void Decode_UsualShape_TakesTheFastPathWithTheGeneralPathsResult(string frame)
    {
        var message = DecodeOne(frame);

        Assert.NotNull(message.StateChange);
        Assert.Equal(HaMessageType.Event, message.Type);
        Assert.Equal(7, message.Id);
        AssertSame(GeneralPath(frame), message.StateChange);
    }

    [Theory]
    [MemberData(nameof(GeneralShapes))]
    public void Decode_UnusualShape_LeavesTheMessageToTheGeneralPath(string frame)
    {
        var message = DecodeOne(frame);

        var expected = HaFrameDecoder.Classify(JsonDocument.Parse(frame).RootElement);
        Assert.Null(message.StateChange);
        Assert.Equal(expected.Type, message.Type);
        Assert.Equal(expected.Id, message.Id);
        Assert.Equal(expected.Root.GetRawText(), message.Root.GetRawText());
    }

    [Fact]
    public void Decode_MalformedStateChanged_IsLeftToTheGeneralPathWhichRejectsIt()
    {
        var frame = Event(Data("a.b", """{"state":"on"}""", "null"));

        var message = DecodeOne(frame);

        Assert.Null(message.StateChange);
        Assert.ThrowsAny<Exception>(() => HaMessageDecoder.ReadStateChange(message.Root.GetProperty("event"u8)));
    }

    [Fact]
    public void Decode_CoalescedMix_KeepsWireOrderAndPathsApart()
    {
        var result = """{"id":8,"type":"result","success":true,"result":null}""";
        var frame = $"[{Event(Data("a.b", OldState, NewState))},{result},{Event(Data("c.d", "null", NewState))}]";
        var messages = new List<HaIncomingMessage>();

        HaFrameDecoder.Decode(Encoding.UTF8.GetBytes(frame), messages);

        Assert.Equal([HaMessageType.Event, HaMessageType.Result, HaMessageType.Event], messages.Select(m => m.Type));
        Assert.Equal("a.b", messages[0].StateChange!.EntityId);
        Assert.Null(messages[1].StateChange);
        Assert.Equal("c.d", messages[2].StateChange!.EntityId);
    }

    [Theory]
    [InlineData("""{"id":7,"type":"event","event":{"event_type":"state_changed","data":{"entity_id":"a.b","new_state":{"entity_id":"a.b",}}}}""")]
    [InlineData("""{"id":7,"type":"event","event":{"event_type":"state_changed","data":{"entity_id":"a.b"}}} {}""")]
    [InlineData("""{"id":7,"type":"event","event":{"event_type":"state_changed","data":{"entity_id":"a.b"}""")]
    public void Decode_SyntaxError_ThrowsJsonExceptionAsBefore(string frame) =>
        Assert.ThrowsAny<JsonException>(() => HaFrameDecoder.Decode(Encoding.UTF8.GetBytes(frame), []));

    [Fact]
    public void Decode_UnchangedAttributes_OldAndNewShareOneDocument()
    {
        var message = DecodeOne(Event(Data("climate.living_room", OldState, OldState)));

        Assert.Equal(message.StateChange!.OldState!.Attributes, message.StateChange.NewState!.Attributes);
    }

    [Fact]
    public void Decode_FastPathAttributes_OwnTheirMemory()
    {
        var bytes = Encoding.UTF8.GetBytes(Event(Data("climate.living_room", OldState, NewState)));
        var message = DecodeOne(bytes);
        Array.Fill(bytes, (byte)' ');

        Assert.Equal(20.6, message.StateChange!.NewState!.Attributes.GetProperty("current_temperature").GetDouble());
        Assert.Equal("Living °C", message.StateChange.OldState!.Attributes.GetProperty("friendly_name").GetString());
    }

    private static string Data(string entityId, string oldState, string newState) =>
        $$$"""{"entity_id":"{{{entityId}}}","old_state":{{{oldState}}},"new_state":{{{newState}}}}""";

    private static string Event(string data) =>
        $$$"""{"id":7,"type":"event","event":{"event_type":"state_changed","data":{{{data}}},"origin":"LOCAL","time_fired":"2026-01-09T10:33:04.391956+00:00","context":{{{Context}}}}}""";

    private static HaIncomingMessage DecodeOne(string frame) => DecodeOne(Encoding.UTF8.GetBytes(frame));

    private static HaIncomingMessage DecodeOne(byte[] frame)
    {
        var messages = new List<HaIncomingMessage>();
        HaFrameDecoder.Decode(frame, messages);
        return Assert.Single(messages);
    }

    private static HaStateChange GeneralPath(string frame) =>
        HaMessageDecoder.ReadStateChange(JsonDocument.Parse(frame).RootElement.GetProperty("event"u8));

    private static void AssertSame(HaStateChange expected, HaStateChange actual)
    {
        Assert.Equal(expected.EntityId, actual.EntityId);
        Assert.Equal(expected.TimeFired, actual.TimeFired);
        AssertSame(expected.OldState, actual.OldState);
        AssertSame(expected.NewState, actual.NewState);
    }

    private static void AssertSame(HaState? expected, HaState? actual)
    {
        if (expected is null || actual is null)
        {
            Assert.Equal(expected is null, actual is null);
            return;
        }

        Assert.Equal(expected with { Attributes = default }, actual with { Attributes = default });
        Assert.Equal(expected.Attributes.ValueKind, actual.Attributes.ValueKind);
        if (expected.Attributes.ValueKind != JsonValueKind.Undefined)
        {
            Assert.Equal(expected.Attributes.GetRawText(), actual.Attributes.GetRawText());
        }
    }
}
