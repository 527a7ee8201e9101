using System.Reactive.Subjects;
using System.Text.Json;
using Moq;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.AppModel.Services;
using ProofOfHeat.AppModel.Tests.Support;
using ProofOfHeat.TestKit.Time;
using Xunit;

namespace ProofOfHeat.AppModel.Tests.Entities;

public sealed class EntityTests
{
    private readonly Subject<StateChange> _changes = new();
    private readonly Dictionary<string, EntityState> _states = [];
    private readonly Mock<IHaContext> _context = new();

    public EntityTests()
    {
        _context.Setup(c => c.StateAllChanges()).Returns(_changes);
        _context.Setup(c => c.GetState(It.IsAny<string>())).Returns((string id) => _states.GetValueOrDefault(id));
    }

    [Fact]
    public void State_ReadsCacheOnEveryAccess()
    {
        var entity = new NumericEntity(_context.Object, "sensor.t");
        Assert.Null(entity.Value);
        _states["sensor.t"] = EntityState.Create("sensor.t", "21.5", DateTimeOffset.UnixEpoch, new { unit_of_measurement = "°C" });
        Assert.Equal(21.5, entity.Value);
        Assert.Equal("°C", entity.Unit);
        _states["sensor.t"] = EntityState.Create("sensor.t", "unavailable", DateTimeOffset.UnixEpoch);
        Assert.Null(entity.Value);
        Assert.True(entity.EntityState!.IsUnavailable);
    }

    [Fact]
    public void StateChanges_FiltersOtherEntitiesAndAttributeOnlyChanges()
    {
        var entity = new Entity(_context.Object, "binary_sensor.leak");
        var all = new List<StateChange>();
        var values = new List<StateChange>();
        entity.StateAllChanges().Subscribe(all.Add);
        entity.StateChanges().Subscribe(values.Add);

        _changes.OnNext(ScriptedBackend.Change("binary_sensor.other", "off", "on", 1));
        _changes.OnNext(ScriptedBackend.Change("binary_sensor.leak", "off", "off", 2));
        _changes.OnNext(ScriptedBackend.Change("binary_sensor.leak", "off", "on", 3));

        Assert.Equal(2, all.Count);
        Assert.Single(values);
    }

    [Fact]
    public void WhenStateIsFor_HeldLongEnough_EmitsOnce_FlipBackCancels()
    {
        var time = new FakeTimeProvider();
        var entity = new Entity(_context.Object, "binary_sensor.leak");
        var fired = new List<StateChange>();
        entity.StateChanges().WhenStateIsFor(s => s?.State == "on", TimeSpan.FromMinutes(2), time).Subscribe(fired.Add);

        _changes.OnNext(ScriptedBackend.Change("binary_sensor.leak", "off", "on", 1));
        time.Advance(TimeSpan.FromSeconds(90));
        _changes.OnNext(ScriptedBackend.Change("binary_sensor.leak", "on", "off", 2));
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(fired);

        _changes.OnNext(ScriptedBackend.Change("binary_sensor.leak", "off", "on", 3));
        time.Advance(TimeSpan.FromSeconds(119));
        Assert.Empty(fired);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Single(fired);
    }

    [Fact]
    public void CallService_UsesOwnDomainAndTarget()
    {
        var entity = new Entity(_context.Object, "valve.main_water");
        entity.CallService("close_valve");
        _context.Verify(c => c.CallService("valve", "close_valve", It.Is<ServiceTarget>(t => t.EntityIds!.Single() == "valve.main_water"), null));
    }

    [Fact]
    public void NumericAttribute_ReadsNumbersAndNumericStrings()
    {
        var state = new EntityState("climate.x", "heat", JsonDocument.Parse("""{"temperature":21,"current":"20.5","mode":"x"}""").RootElement, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        Assert.Equal(21, state.NumericAttribute("temperature"));
        Assert.Equal(20.5, state.NumericAttribute("current"));
        Assert.Null(state.NumericAttribute("mode"));
        Assert.Null(state.NumericAttribute("missing"));
    }
}
