using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.AppModel.Runtime;
using ProofOfHeat.AppModel.Tests.Support;
using Xunit;

namespace ProofOfHeat.AppModel.Tests.Runtime;

public sealed class StateCacheTests
{
    [Fact]
    public void Apply_OlderThanCached_IsIgnored()
    {
        var cache = new StateCache();
        cache.Apply(ScriptedBackend.Change("sensor.t", "1", "2", 10));

        var applied = cache.Apply(ScriptedBackend.Change("sensor.t", "0", "1", 5));

        Assert.False(applied);
        Assert.Equal("2", cache.Get("sensor.t")!.State);
    }

    [Fact]
    public void Resync_SnapshotOlderThanRacingEvent_KeepsTheEvent()
    {
        var cache = new StateCache();
        cache.Apply(ScriptedBackend.Change("sensor.t", "1", "3", 10));

        var differences = cache.Resync([ScriptedBackend.State("sensor.t", "2", 8)]);

        Assert.Empty(differences);
        Assert.Equal("3", cache.Get("sensor.t")!.State);
    }

    [Fact]
    public void Resync_ReportsChangedAddedAndRemoved()
    {
        var cache = new StateCache();
        cache.Resync([ScriptedBackend.State("a.x", "1", 1), ScriptedBackend.State("a.y", "1", 1), ScriptedBackend.State("a.same", "1", 1)]);

        var differences = cache.Resync([ScriptedBackend.State("a.x", "2", 2), ScriptedBackend.State("a.z", "1", 2), ScriptedBackend.State("a.same", "1", 1)]);

        Assert.Equal(3, differences.Count);
        Assert.Contains(differences, d => d.EntityId == "a.x" && d.Old!.State == "1" && d.New!.State == "2");
        Assert.Contains(differences, d => d.EntityId == "a.z" && d.Old is null);
        Assert.Contains(differences, d => d.EntityId == "a.y" && d.New is null);
        Assert.Null(cache.Get("a.y"));
    }

    [Fact]
    public void Apply_Removal_DropsEntity()
    {
        var cache = new StateCache();
        cache.Apply(ScriptedBackend.Change("a.x", "0", "1", 1));
        cache.Apply(new StateChange("a.x", ScriptedBackend.State("a.x", "1", 1), null));
        Assert.Equal(0, cache.Count);
    }
}
