using Xunit;
using ProofOfHeat.AppModel.Telemetry;
using static ProofOfHeat.Telemetry.Store.Tests.StoreFixture;

namespace ProofOfHeat.Telemetry.Store.Tests;

public sealed class TelemetryStoreTests
{
    private static readonly (string, string)[] Living = [("zone", "living")];
    private static readonly SeriesKey Room = SeriesKey.Of("zone", "room_c", KeyValuePair.Create("zone", "living"));

    [Fact]
    public void Raw_points_come_back_in_order_with_their_types_as_numbers()
    {
        using var f = new StoreFixture();
        f.Write(
            Point("zone", Start.AddSeconds(2), Living, TelemetryField.Of("room_c", 20.5), TelemetryField.Of("heating", true)),
            Point("zone", Start.AddSeconds(1), Living, TelemetryField.Of("room_c", 20.25), TelemetryField.Of("count", 7L)));

        var room = f.Store.Query(Room, Start, Start.AddMinutes(1), SeriesResolution.Raw);
        Assert.Equal([(Start.AddSeconds(1), 20.25), (Start.AddSeconds(2), 20.5)], room.Select(b => (b.Start, b.Last)));
        Assert.Equal(1.0, f.Store.Query(Room with { Field = "heating" }, Start, Start.AddMinutes(1), SeriesResolution.Raw).Single().Last);
        Assert.Equal(7.0, f.Store.Query(Room with { Field = "count" }, Start, Start.AddMinutes(1), SeriesResolution.Raw).Single().Last);
    }

    [Fact]
    public void Symbols_in_any_order_name_the_same_series()
    {
        using var f = new StoreFixture();
        f.Write(
            Point("miner", Start, [("miner", "s19"), ("family", "braiins")], TelemetryField.Of("power_w", 3000.0)),
            Point("miner", Start.AddSeconds(1), [("family", "braiins"), ("miner", "s19")], TelemetryField.Of("power_w", 3100.0)));

        var series = Assert.Single(f.Store.Series("miner"));
        Assert.Equal("family=braiins,miner=s19", series.Symbols);
        Assert.Equal(2, f.Store.Query(series, Start, Start.AddMinutes(1), SeriesResolution.Raw).Count);
    }

    [Fact]
    public void A_retried_batch_is_stored_once_and_the_later_value_in_a_second_wins()
    {
        using var f = new StoreFixture();
        var batch = Enumerable.Range(0, 30).Select(i => Point("zone", Start.AddSeconds(i), Living, TelemetryField.Of("room_c", 20.0 + i))).ToArray();
        f.Write(batch);
        f.Write(batch);
        f.Write(Point("zone", Start.AddSeconds(29).AddMilliseconds(500), Living, TelemetryField.Of("room_c", 99.0)));

        var raw = f.Store.Query(Room, Start, Start.AddMinutes(1), SeriesResolution.Raw);
        Assert.Equal(30, raw.Count);
        Assert.Equal(99.0, raw[^1].Last);
        var minute = Assert.Single(f.Store.Query(Room, Start, Start.AddMinutes(1), SeriesResolution.Minute));
        Assert.Equal(30, minute.Count);
    }

    [Fact]
    public void Minute_and_quarter_rollups_hold_mean_min_max_and_last()
    {
        using var f = new StoreFixture();
        // Minute 0: 10, 30, 20 (last 20). Minute 1: 40. Minute 16: 5 (the next quarter).
        f.Write(
            Point("zone", Start.AddSeconds(50), Living, TelemetryField.Of("room_c", 20.0)),
            Point("zone", Start.AddSeconds(0), Living, TelemetryField.Of("room_c", 10.0)),
            Point("zone", Start.AddSeconds(30), Living, TelemetryField.Of("room_c", 30.0)),
            Point("zone", Start.AddSeconds(61), Living, TelemetryField.Of("room_c", 40.0)),
            Point("zone", Start.AddMinutes(16), Living, TelemetryField.Of("room_c", 5.0)));

        var minutes = f.Store.Query(Room, Start, Start.AddHours(1), SeriesResolution.Minute);
        Assert.Equal(
            [new(Start, 20, 10, 30, 20, 3), new(Start.AddMinutes(1), 40, 40, 40, 40, 1), new(Start.AddMinutes(16), 5, 5, 5, 5, 1)],
            minutes);
        var quarters = f.Store.Query(Room, Start, Start.AddHours(1), SeriesResolution.FifteenMinutes);
        Assert.Equal([new(Start, 25, 10, 40, 40, 4), new(Start.AddMinutes(15), 5, 5, 5, 5, 1)], quarters);
    }

    [Fact]
    public void A_late_point_in_an_earlier_batch_updates_its_rollups()
    {
        using var f = new StoreFixture();
        f.Time.Advance(TimeSpan.FromHours(5));
        f.Write(Point("zone", Start.AddSeconds(10), Living, TelemetryField.Of("room_c", 10.0)));
        f.Write(Point("zone", Start.AddHours(4), Living, TelemetryField.Of("room_c", 50.0)));
        f.Write(Point("zone", Start.AddSeconds(20), Living, TelemetryField.Of("room_c", 30.0)));

        var quarter = f.Store.Query(Room, Start, Start.AddMinutes(15), SeriesResolution.FifteenMinutes).Single();
        Assert.Equal(new SeriesBucket(Start, 20, 10, 30, 30, 2), quarter);
    }

    [Fact]
    public void Text_fields_are_events_listed_across_the_tables_series()
    {
        using var f = new StoreFixture();
        f.Write(
            Point("alert", Start.AddMinutes(2), [("severity", "critical"), ("app", "safety")], TelemetryField.Of("message", "miner s19 at 95 °C, stopped")),
            Point("alert", Start.AddMinutes(1), [("severity", "warning"), ("app", "heating")], TelemetryField.Of("message", "living room below band")));

        var events = f.Store.Events("alert", "message", Start, Start.AddHours(1));
        Assert.Equal(["living room below band", "miner s19 at 95 °C, stopped"], events.Select(e => e.Text));
        Assert.Equal("critical", events[1].Series.Symbol("severity"));
        Assert.Empty(f.Store.Query(new SeriesKey("alert", events[0].Series.Symbols, "message"), Start, Start.AddHours(1), SeriesResolution.Raw));
    }

    [Fact]
    public void Retention_prunes_each_tier_at_its_own_age()
    {
        var options = new TelemetryStoreOptions
        {
            RawRetention = TimeSpan.FromDays(1),
            MinuteRetention = TimeSpan.FromDays(2),
            FifteenMinuteRetention = TimeSpan.FromDays(3),
        };
        using var f = new StoreFixture(options);
        f.Write(Point("zone", Start, Living, TelemetryField.Of("room_c", 21.0)));

        int Count(SeriesResolution resolution) => f.Store.Query(Room, Start, Start.AddHours(1), resolution).Count;
        f.Time.Advance(TimeSpan.FromDays(1.5));
        f.Store.Prune();
        Assert.Equal((0, 1, 1), (Count(SeriesResolution.Raw), Count(SeriesResolution.Minute), Count(SeriesResolution.FifteenMinutes)));
        f.Time.Advance(TimeSpan.FromDays(1));
        f.Store.Prune();
        Assert.Equal((0, 0, 1), (Count(SeriesResolution.Raw), Count(SeriesResolution.Minute), Count(SeriesResolution.FifteenMinutes)));
        f.Time.Advance(TimeSpan.FromDays(1));
        f.Store.Prune();
        Assert.Equal(0, Count(SeriesResolution.FifteenMinutes));
    }

    [Fact]
    public void Points_older_than_the_raw_retention_are_refused_and_counted()
    {
        using var f = new StoreFixture(new TelemetryStoreOptions { RawRetention = TimeSpan.FromDays(1) });
        f.Time.Advance(TimeSpan.FromDays(2));
        f.Write(Point("zone", Start, Living, TelemetryField.Of("room_c", 21.0)));

        Assert.Equal(1, f.Store.PointsTooOld);
        Assert.Empty(f.Store.Query(Room, Start, Start.AddHours(1), SeriesResolution.FifteenMinutes));
    }

    [Fact]
    public void The_store_survives_a_reopen_and_is_a_file_of_its_own_beside_the_state()
    {
        using var f = new StoreFixture();
        f.Write(Point("zone", Start, Living, TelemetryField.Of("room_c", 21.0)));
        f.Reopen();
        f.Write(Point("zone", Start.AddSeconds(1), Living, TelemetryField.Of("room_c", 22.0)));

        Assert.Single(f.Store.Series("zone"));
        Assert.Equal(2, f.Store.Query(Room, Start, Start.AddMinutes(1), SeriesResolution.Raw).Count);
        Assert.True(File.Exists(Path.Combine(f.Directory, "telemetry.db")));
    }

    [Theory]
    [InlineData(1, SeriesResolution.Raw)]
    [InlineData(24, SeriesResolution.Minute)]
    [InlineData(24 * 7, SeriesResolution.FifteenMinutes)]
    public void A_chart_reads_the_tier_that_keeps_it_chart_sized(int hours, SeriesResolution expected)
    {
        using var f = new StoreFixture();
        f.Time.Advance(TimeSpan.FromDays(8));
        var now = f.Time.GetUtcNow();
        Assert.Equal(expected, f.Store.ChooseResolution(now.AddHours(-hours), now));
    }

    [Fact]
    public void A_chart_of_an_hour_ten_days_ago_reads_rollups_because_raw_points_are_gone()
    {
        using var f = new StoreFixture();
        f.Time.Advance(TimeSpan.FromDays(10));
        var now = f.Time.GetUtcNow();
        Assert.Equal(SeriesResolution.Minute, f.Store.ChooseResolution(now.AddDays(-10), now.AddDays(-10).AddHours(1)));
    }

    [Fact]
    public void Symbol_text_escapes_separators_and_decodes_back()
    {
        var text = SymbolSet.Encode([KeyValuePair.Create("zone", "a,b=c\\d"), KeyValuePair.Create("app", "x")]);
        Assert.Equal("app=x,zone=a\\,b\\=c\\\\d", text);
        Assert.Equal(new Dictionary<string, string> { ["app"] = "x", ["zone"] = "a,b=c\\d" }, SymbolSet.Decode(text));
    }
}
