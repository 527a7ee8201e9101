using System.Text.Json;
using ProofOfHeat.AppModel.Telemetry;
using ProofOfHeat.Telemetry.Store.Charts;
using Xunit;
using static ProofOfHeat.Telemetry.Store.Tests.StoreFixture;

namespace ProofOfHeat.Telemetry.Store.Tests;

public sealed class SeriesEndpointTests
{
    [Fact]
    public void A_table_alone_lists_its_series_and_a_field_answers_its_buckets_as_rows()
    {
        using var f = Filled();
        var now = Start.AddHours(3);

        var list = Json(SeriesEndpoint.Handle(f.Store, Query(("table", "zone")), now));
        Assert.Equal("zone=living", list.GetProperty("series")[0].GetProperty("symbols").GetString());

        var series = Json(SeriesEndpoint.Handle(f.Store, Query(("table", "zone"), ("field", "room_c"), ("symbols", "zone=living")), now));
        Assert.Equal("1m", series.GetProperty("resolution").GetString());
        Assert.Equal(
            "[[1796083200,20.5,20,21,21,2],[1796083260,22,22,22,22,1]]",
            series.GetProperty("points").GetRawText());
    }

    [Fact]
    public void An_explicit_range_and_resolution_are_honoured()
    {
        using var f = Filled();
        var body = Json(SeriesEndpoint.Handle(f.Store,
            Query(("table", "zone"), ("field", "room_c"), ("symbols", "zone=living"), ("from", "2026-12-01T00:00:00Z"), ("to", "2026-12-01T00:01:00Z"), ("resolution", "raw")),
            Start.AddHours(3)));
        Assert.Equal("raw", body.GetProperty("resolution").GetString());
        Assert.Equal(2, body.GetProperty("points").GetArrayLength());
    }

    [Theory]
    [InlineData(null, null, null, "give table")]
    [InlineData("yesterday", null, null, "ISO 8601")]
    [InlineData("2026-12-01T02:00:00Z", "2026-12-01T01:00:00Z", null, "before")]
    [InlineData(null, null, "5m", "resolution is")]
    public void A_bad_request_is_a_400_that_says_why(string? from, string? to, string? resolution, string reason)
    {
        using var f = Filled();
        var query = Query(("table", from is null && to is null && resolution is null ? null : "zone"), ("field", "room_c"), ("from", from), ("to", to), ("resolution", resolution));
        var (status, body) = SeriesEndpoint.Handle(f.Store, query, Start.AddHours(3));
        Assert.Equal(400, status);
        Assert.Contains(reason, JsonSerializer.Serialize(body), StringComparison.Ordinal);
    }

    private static StoreFixture Filled()
    {
        var f = new StoreFixture();
        (string, string)[] living = [("zone", "living")];
        f.Write(
            Point("zone", Start, living, TelemetryField.Of("room_c", 20.0)),
            Point("zone", Start.AddSeconds(30), living, TelemetryField.Of("room_c", 21.0)),
            Point("zone", Start.AddSeconds(60), living, TelemetryField.Of("room_c", 22.0)));
        return f;
    }

    private static Func<string, string?> Query(params (string Name, string? Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    private static JsonElement Json((int Status, object Body) answer)
    {
        Assert.Equal(200, answer.Status);
        return JsonSerializer.SerializeToElement(answer.Body);
    }
}
