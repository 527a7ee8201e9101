using BenchmarkDotNet.Attributes;
using ProofOfHeat.AppModel.Telemetry;
using ProofOfHeat.Telemetry.Ilp;

namespace ProofOfHeat.Bench.Telemetry;

/// <summary>The product's encoder on the recorder's path: 1,000 points into the reused buffer per operation.</summary>
[MemoryDiagnoser]
public class EncoderBenchmark
{
    public const int PointsPerOperation = 1000;
    private readonly IlpWriter _writer = new();
    private TelemetryPoint[] _points = [];

    [GlobalSetup]
    public void Setup()
    {
        _points = [.. Enumerable.Range(0, PointsPerOperation).Select(BenchPoints.Miner)];
        Encode();
    }

    /// <summary>Bytes of line protocol per point (for the README).</summary>
    public int BytesPerPoint => _writer.Length / PointsPerOperation;

    [Benchmark(OperationsPerInvoke = PointsPerOperation)]
    public int Encode()
    {
        _writer.Clear();
        var points = _points;
        for (var i = 0; i < points.Length; i++)
        {
            _writer.Write(points[i]);
        }

        return _writer.Length;
    }
}
