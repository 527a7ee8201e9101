using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ProofOfHeat.Bench.Frames;
using ProofOfHeat.HomeAssistant.Codec;
using ProofOfHeat.HomeAssistant.Messages;

namespace ProofOfHeat.Bench.Micro;

/// <summary>Where the decoder's time goes on one thermostat frame: tokenising, building the document, reading records.</summary>
[MemoryDiagnoser]
public class DecodeBreakdownBenchmarks
{
    private readonly List<HaIncomingMessage> _messages = new(1);
    private byte[] _frame = [];

    /// <summary>Builds the thermostat frame.</summary>
    [GlobalSetup]
    public void Setup() => _frame = StateChangedFrames.Messages(1)[0];

    /// <summary>Only the tokenizer: the floor for any decoder reading every byte.</summary>
    [Benchmark]
    public int TokenizeOnly()
    {
        var reader = new Utf8JsonReader(_frame);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    /// <summary>Building a document of the whole message (what the frame decoder does first).</summary>
    [Benchmark]
    public JsonValueKind ParseDocument()
    {
        var reader = new Utf8JsonReader(_frame);
        return JsonElement.ParseValue(ref reader).ValueKind;
    }

    /// <summary>Frame decoder plus record reader: the whole codec path per event.</summary>
    [Benchmark(Baseline = true)]
    public string FullDecode()
    {
        _messages.Clear();
        HaFrameDecoder.Decode(_frame, _messages);
        return HaMessageDecoder.ReadStateChange(_messages[0].Root.GetProperty("event"u8)).EntityId;
    }
}
