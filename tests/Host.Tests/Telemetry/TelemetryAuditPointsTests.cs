using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.AppModel.Telemetry;
using ProofOfHeat.Host.Telemetry;
using ProofOfHeat.Telemetry.Store;

namespace ProofOfHeat.Host.Tests.Telemetry;

public sealed class TelemetryAuditPointsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_miner_command_is_a_command_row_with_its_value_and_outcome()
    {
        var entry = new AuditEntry(At, "heating", "miner_command", "bos_s19", "plan: bos_s19 2200 W", "a1b2c3d4e5f6", "sent: applied (2200 W)", "set power 2200 W");

        var point = AuditPoints.From(entry)!;

        Assert.Equal(("command", At), (point.Table, point.Timestamp));
        Assert.Equal([KeyValuePair.Create("target", "bos_s19")], point.Symbols);
        Assert.Equal(
            ["action=miner_command", "by=heating", "correlation_id=a1b2c3d4e5f6", "ok=1", "value=set power 2200 W", "outcome=sent: applied (2200 W)"],
            point.Fields.Select(Text));
        AssertFitsSchema(TelemetrySchema.Command, point);
    }

    [Theory]
    [InlineData("failed: timeout", 0)]
    [InlineData("deferred: dwell 15 min", 0)]
    [InlineData("rejected", 0)]
    [InlineData("superseded", 0)]
    [InlineData("confirmed", 1)]
    [InlineData("ok", 1)]
    public void A_command_is_ok_unless_its_result_says_it_did_not_take_effect(string result, long ok)
    {
        var point = AuditPoints.From(new AuditEntry(At, "app:safety", "service_call", "valve.main", null, "c", result, "valve.close_valve"))!;

        Assert.Equal(ok, point.Fields.Single(f => f.Name == "ok").LongValue);
    }

    [Fact]
    public void An_alert_raised_is_an_alert_row_with_severity_app_key_and_title()
    {
        var entry = new AuditEntry(At, "app:safety", "alert_raised", "leak.kitchen", "Water leak in the kitchen", "id-1", "ok", "Critical Leak");

        var point = AuditPoints.From(entry)!;

        Assert.Equal("alert", point.Table);
        Assert.Equal([KeyValuePair.Create("severity", "critical"), KeyValuePair.Create("app", "safety")], point.Symbols);
        Assert.Equal(["key=leak.kitchen", "message=Water leak in the kitchen", "state=raised"], point.Fields.Select(Text));
        AssertFitsSchema(TelemetrySchema.Alert, point);
    }

    [Fact]
    public void An_alert_acknowledged_by_a_person_has_no_app()
    {
        var point = AuditPoints.From(new AuditEntry(At, "telegram:123", "alert_acknowledged", "leak.kitchen", null, "id-1", "ok", "Critical Leak"))!;

        Assert.Equal("-", point.Symbols.Single(s => s.Key == "app").Value);
        Assert.Equal("acknowledged", point.Fields.Single(f => f.Name == "state").TextValue);
    }

    [Theory]
    [InlineData("api_change")]
    [InlineData("telegram_command")]
    public void Requests_to_the_brain_itself_are_not_device_commands(string action)
    {
        Assert.Null(AuditPoints.From(new AuditEntry(At, "api:lead", action, "PUT /api/apps/heating", null, "c", "ok")));
    }

    [Fact]
    public void The_recording_trail_passes_every_entry_on_and_records_the_commands()
    {
        var trail = new ListTrail();
        var recorder = new ListRecorder();
        var recording = new RecordingAuditTrail(trail, () => recorder);

        recording.Record(new AuditEntry(At, "app:heating", "service_call", "number.heater", null, "c1", "ok", "number.set_value"));
        recording.Record(new AuditEntry(At, "api:lead", "api_change", "PUT /api/apps/heating", null, "c2", "ok"));

        Assert.Equal(["c1", "c2"], trail.Entries.Select(e => e.CorrelationId));
        Assert.Equal(["number.heater"], recorder.Points.Select(p => p.Symbols.Single().Value));
    }

    private static void AssertFitsSchema(TelemetryTable table, TelemetryPoint point)
    {
        Assert.Equal(table.Name, point.Table);
        Assert.All(point.Symbols, s => Assert.Contains(s.Key, table.Symbols));
        Assert.All(point.Fields, f => Assert.Contains(table.Fields, c => c.Name == f.Name && c.Kind == f.Kind));
    }

    private static string Text(TelemetryField field) => field.Kind switch
    {
        TelemetryFieldKind.Text => $"{field.Name}={field.TextValue}",
        TelemetryFieldKind.Real => FormattableString.Invariant($"{field.Name}={field.DoubleValue}"),
        _ => FormattableString.Invariant($"{field.Name}={field.LongValue}"),
    };

    private sealed class ListTrail : IAuditTrail
    {
        public List<AuditEntry> Entries { get; } = [];

        public void Record(AuditEntry entry) => Entries.Add(entry);
    }

    private sealed class ListRecorder : ITelemetryRecorder
    {
        public List<TelemetryPoint> Points { get; } = [];

        public void Record(TelemetryPoint point) => Points.Add(point);
    }
}
