using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.AppModel.Telemetry;
using ProofOfHeat.Telemetry.Outbox;
using ProofOfHeat.Telemetry.Recording;
using ProofOfHeat.TestKit.Time;
using Xunit;

namespace ProofOfHeat.Telemetry.Tests;

public sealed class ThrottlingTelemetryRecorderTests : IDisposable
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly CapturingRecorder _inner = new();
    private readonly ThrottlingTelemetryRecorder _throttle;

    public ThrottlingTelemetryRecorderTests()
    {
        _inner.Clock = _time;
        _throttle = new ThrottlingTelemetryRecorder(_inner, _time, Second, table => table is "miner" or "zone");
    }

    public void Dispose() => _throttle.Dispose();

    [Fact]
    public void A_quiet_series_is_recorded_at_once()
    {
        _throttle.Record(Miner("s19", 100));

        Assert.Equal([100.0], _inner.Hashrates("s19"));
    }

    [Fact]
    public void A_storm_on_one_series_is_one_point_a_second_and_the_latest_value_wins()
    {
        // 1,000 changes a second for 5 s: the first passes, then one point per second carries that second's last value.
        for (var second = 0; second < 5; second++)
        {
            for (var i = 1; i <= 1000; i++)
            {
                _throttle.Record(Miner("s19", (second * 1000) + i));
                _time.Advance(TimeSpan.FromMilliseconds(1));
            }
        }

        _time.Advance(Second);

        Assert.Equal([1.0, 1000, 2000, 3000, 4000, 5000], _inner.Hashrates("s19"));
        Assert.Equal(5000 - 6, _throttle.CoalescedPoints);
        Assert.Equal(0, _throttle.WaitingSeries);
        // When each was handed on, not the reading's own time: a second apart at least.
        var times = _inner.Points.Select(p => _inner.RecordedAt[p]).ToList();
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= Second, $"{pair.First:O} then {pair.Second:O}"));
    }

    [Fact]
    public void Series_are_throttled_apart_by_table_and_symbols()
    {
        _throttle.Record(Miner("s19", 1));
        _throttle.Record(Miner("s21", 2));
        _throttle.Record(new TelemetryPoint("zone", Start, [new("zone", "s19")], [TelemetryField.Of("hashrate_ths", 3.0)]));
        _throttle.Record(Miner("s19", 4));

        Assert.Equal(3, _inner.Points.Count);
        _time.Advance(Second);
        Assert.Equal([1.0, 4], _inner.Hashrates("s19"));
    }

    [Fact]
    public void A_waiting_point_keeps_the_fields_a_later_point_of_its_series_lacks()
    {
        _throttle.Record(Miner("s19", 1));
        _throttle.Record(new TelemetryPoint("miner", Start, [new("miner", "s19")], [TelemetryField.Of("hashrate_ths", 2.0), TelemetryField.Of("mode", "eco")]));
        _throttle.Record(new TelemetryPoint("miner", Start, [new("miner", "s19")], [TelemetryField.Of("hashrate_ths", 3.0)]));

        _time.Advance(Second);

        var merged = _inner.Points[^1];
        Assert.Equal(3.0, merged.Fields.Single(f => f.Name == "hashrate_ths").DoubleValue);
        Assert.Equal("eco", merged.Fields.Single(f => f.Name == "mode").TextValue);
    }

    [Fact]
    public void Events_pass_straight_through_however_many()
    {
        for (var i = 0; i < 50; i++)
        {
            _throttle.Record(new TelemetryPoint("command", Start, [new("target", "valve")], [TelemetryField.Of("action", "close")]));
        }

        Assert.Equal(50, _inner.Points.Count);
        Assert.Equal(0, _throttle.CoalescedPoints);
    }

    [Fact]
    public void Points_stamped_ahead_of_now_are_forecasts_and_each_is_recorded()
    {
        for (var slot = 1; slot <= 8; slot++)
        {
            _throttle.Record(new TelemetryPoint("zone", Start.AddMinutes(15 * slot), [new("zone", "hall")], [TelemetryField.Of("target_c", 20.0 + slot)]));
        }

        Assert.Equal(8, _inner.Points.Count);
        Assert.Equal(Enumerable.Range(1, 8).Select(slot => Start.AddMinutes(15 * slot)), _inner.Points.Select(p => p.Timestamp));
    }

    [Fact]
    public void Disposing_records_what_waits()
    {
        _throttle.Record(Miner("s19", 1));
        _throttle.Record(Miner("s19", 2));

        _throttle.Dispose();

        Assert.Equal([1.0, 2], _inner.Hashrates("s19"));
    }

    [Fact]
    public async Task A_storm_through_the_real_recorder_puts_at_most_one_point_a_second_per_series_in_the_outbox()
    {
        var directory = Directory.CreateTempSubdirectory("poh-throttle-").FullName;
        try
        {
            using var outbox = new TelemetryOutbox(new OutboxOptions { Directory = directory }, NullLogger<TelemetryOutbox>.Instance);
            var recorder = new TelemetryRecorder(outbox, new RecorderOptions(), _time, NullLogger.Instance);
            using var throttle = new ThrottlingTelemetryRecorder(recorder, _time, Second, table => table == "miner");

            // 10 miners, 100 readings each every 10 ms, for 10 s: 100,000 points offered.
            for (var tick = 0; tick < 1000; tick++)
            {
                for (var miner = 0; miner < 10; miner++)
                {
                    for (var i = 0; i < 10; i++)
                    {
                        throttle.Record(Miner($"m{miner}", tick + (i / 10.0)));
                    }
                }

                _time.Advance(TimeSpan.FromMilliseconds(10));
            }

            _time.Advance(Second);
            await recorder.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
            await recorder.DisposeAsync();

            Assert.Equal(100_000, throttle.CoalescedPoints + outbox.AppendedPoints);
            Assert.InRange(outbox.AppendedPoints, 10 * 10, 10 * 11);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private TelemetryPoint Miner(string id, double hashrate) =>
        new("miner", _time.GetUtcNow(), [new("miner", id)], [TelemetryField.Of("hashrate_ths", hashrate)]);

    private sealed class CapturingRecorder : ITelemetryRecorder
    {
        public List<TelemetryPoint> Points { get; } = [];

        public Dictionary<TelemetryPoint, DateTimeOffset> RecordedAt { get; } = new(ReferenceEqualityComparer.Instance);

        public FakeTimeProvider? Clock { get; set; }

        public void Record(TelemetryPoint point)
        {
            Points.Add(point);
            RecordedAt[point] = Clock?.GetUtcNow() ?? point.Timestamp;
        }

        public List<double> Hashrates(string miner) =>
            [.. Points.Where(p => p.Table == "miner" && p.Symbols.Any(s => s.Value == miner)).Select(p => p.Fields.Single(f => f.Name == "hashrate_ths").DoubleValue)];
    }
}
