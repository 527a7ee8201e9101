using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.AppModel.Audit;
using ProofOfHeat.AppModel.Runtime;
using ProofOfHeat.AppModel.Services;
using ProofOfHeat.AppModel.Tests.Support;
using ProofOfHeat.TestKit.Time;
using Xunit;

namespace ProofOfHeat.AppModel.Tests.Runtime;

/// <summary>Issue 11 item 3: every HA service call an app makes is in the audit trail, as <c>app:&lt;id&gt;</c>, with its result.</summary>
public sealed class AppServiceCallAuditTests
{
    [Fact]
    public async Task ServiceCalls_AreAuditedAsTheApp_WithTheirTargetsAndResults()
    {
        var time = new FakeTimeProvider();
        var backend = new ScriptedBackend();
        var trail = new RecordingTrail();
        await using var context = new AppHaContext("safety", new StateCache(), backend, NullLogger.Instance, time, audit: trail);

        await context.CallServiceAsync(new ServiceCall("valve", "close_valve", ServiceTarget.Entities("valve.kitchen"), null));
        backend.OnCall = _ => throw new ServiceCallException("not_found", "no such entity");
        await Assert.ThrowsAsync<ServiceCallException>(() => context.CallServiceAsync(new ServiceCall("switch", "turn_off", ServiceTarget.Entities("switch.dishwasher"), null)));

        Assert.Collection(trail.Entries,
            ok => Assert.Equal(("app:safety", "service_call", "valve.kitchen", "ok", "valve.close_valve"), (ok.Actor, ok.Action, ok.Target, ok.Result, ok.Detail)),
            failed =>
            {
                Assert.Equal(("app:safety", "switch.dishwasher"), (failed.Actor, failed.Target));
                Assert.StartsWith("failed: ", failed.Result, StringComparison.Ordinal);
            });
        Assert.All(trail.Entries, e => Assert.Equal(time.GetUtcNow(), e.At));
        Assert.NotEqual(trail.Entries[0].CorrelationId, trail.Entries[1].CorrelationId);
    }

    private sealed class RecordingTrail : IAuditTrail
    {
        public List<AuditEntry> Entries { get; } = [];

        public void Record(AuditEntry entry) => Entries.Add(entry);
    }
}
