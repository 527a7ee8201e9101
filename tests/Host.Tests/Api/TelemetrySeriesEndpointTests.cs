using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProofOfHeat.AppModel.Telemetry;
using ProofOfHeat.Telemetry.Store;

namespace ProofOfHeat.Host.Tests.Api;

public sealed class TelemetrySeriesEndpointTests
{
    [Fact]
    public async Task Series_answers_a_charts_buckets_from_the_hosts_telemetry_store()
    {
        await using var brain = await RunningBrain.StartAsync();
        var now = brain.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var at = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() / 60 * 60).AddHours(-1);
        await brain.Services.GetRequiredService<TelemetryStore>().WriteAsync(
            [new TelemetryPoint("zone", at, [new("zone", "living")], [TelemetryField.Of("room_c", 20.5)])], CancellationToken.None);

        var body = await brain.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/telemetry/series?table=zone&field=room_c&symbols=zone%3Dliving", UriKind.Relative));

        Assert.Equal("1m", body.GetProperty("resolution").GetString());
        Assert.Equal($"[[{at.ToUnixTimeSeconds()},20.5,20.5,20.5,20.5,1]]", body.GetProperty("points").GetRawText());
        Assert.True(File.Exists(Path.Combine(brain.DataDirectory, "telemetry.db")));
    }

    [Fact]
    public async Task Series_without_a_table_is_a_400()
    {
        await using var brain = await RunningBrain.StartAsync();

        var response = await brain.Client.GetAsync(new Uri("/api/telemetry/series", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
