using BenchmarkDotNet.Attributes;
using ProofOfHeat.Bench.Frames;
using ProofOfHeat.HomeAssistant;
using ProofOfHeat.HomeAssistant.Codec;
using ProofOfHeat.HomeAssistant.Messages;

namespace ProofOfHeat.Bench.Micro;

/// <summary>BenchmarkDotNet micro-benchmarks of decoding one realistic state_changed frame (time and allocations).</summary>
[MemoryDiagnoser]
public class DecodeBenchmarks
{
    private readonly List<HaIncomingMessage> _messages = new(1);
    private byte[] _climateFrame = [];
    private byte[] _sensorFrame = [];

    /// <summary>Builds the frames: slot 0 is a thermostat with 15 attributes, slot 1 a sensor with 9.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var frames = StateChangedFrames.Messages(3);
        _climateFrame = frames[0];
        _sensorFrame = frames[1];
    }

    /// <summary>A thermostat's state_changed, the largest frame of the pool (about 1.6 kB).</summary>
    [Benchmark(Baseline = true)]
    public HaStateChange DecodeClimateFrame() => Decode(_climateFrame);

    /// <summary>A temperature sensor's state_changed (about 1.3 kB).</summary>
    [Benchmark]
    public HaStateChange DecodeSensorFrame() => Decode(_sensorFrame);

    private HaStateChange Decode(byte[] frame)
    {
        _messages.Clear();
        HaFrameDecoder.Decode(frame, _messages);
        return _messages[0].StateChange!;
    }
}
