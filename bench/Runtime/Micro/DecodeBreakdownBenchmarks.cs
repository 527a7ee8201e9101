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

    /// <summary>The general path: a document of the whole message, then records read from it (the codec before the fast path).</summary>
    [Benchmark]
    public string DocumentPath()
    {
        var reader = new Utf8JsonReader(_frame);
        var root = HaFrameDecoder.Classify(JsonElement.ParseValue(ref reader)).Root;
        return HaMessageDecoder.ReadStateChange(root.GetProperty("event"u8)).EntityId;
    }

    /// <summary>The frame decoder as the reader loop calls it (fast path for state_changed).</summary>
    [Benchmark(Baseline = true)]
    public string FullDecode()
    {
        _messages.Clear();
        HaFrameDecoder.Decode(_frame, _messages);
        return _messages[0].StateChange!.EntityId;
    }
}
