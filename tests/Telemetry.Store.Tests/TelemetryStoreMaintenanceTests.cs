using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.AppModel.Telemetry;
using Xunit;
using static ProofOfHeat.Telemetry.Store.Tests.StoreFixture;

namespace ProofOfHeat.Telemetry.Store.Tests;

public sealed class TelemetryStoreMaintenanceTests
{
    [Fact]
    public void A_pass_prunes_past_retention_and_empties_the_write_ahead_log()
    {
        using var f = new StoreFixture(new TelemetryStoreOptions { RawRetention = TimeSpan.FromDays(1) });
        f.Write(Point("zone", Start, [("zone", "living")], TelemetryField.Of("room_c", 21.0)));
        f.Time.Advance(TimeSpan.FromDays(2));
        var key = SeriesKey.Of("zone", "room_c", KeyValuePair.Create("zone", "living"));
        Assert.Single(f.Store.Query(key, Start, Start.AddHours(1), SeriesResolution.Raw));

        using var maintenance = new TelemetryStoreMaintenance(f.Store, f.Time, NullLogger<TelemetryStoreMaintenance>.Instance);
        Assert.Equal(1, maintenance.RunOnce());

        Assert.Empty(f.Store.Query(key, Start, Start.AddHours(1), SeriesResolution.Raw));
        Assert.Single(f.Store.Query(key, Start, Start.AddHours(1), SeriesResolution.Minute));
        Assert.Equal(0, new FileInfo(Path.Combine(f.Directory, "telemetry.db-wal")).Length);
    }
}
