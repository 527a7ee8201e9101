using ProofOfHeat.AppModel.Backend;
using ProofOfHeat.AppModel.Entities;
using ProofOfHeat.AppModel.Services;
using ProofOfHeat.TestKit.AppModel;
using ProofOfHeat.TestKit.Time;
using Xunit;

namespace ProofOfHeat.AppModel.Tests.TestKit;

public sealed class FakeHaContextTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void SetState_AttributesOnly_KeepsLastChanged_MovesLastUpdated()
    {
        using var ha = new FakeHaContext(_time);
        var changes = new List<StateChange>();
        using var _ = ha.StateAllChanges().Subscribe(changes.Add);
        var first = _time.GetUtcNow();

        ha.SetState("climate.living", "heat", new { temperature = 21 });
        _time.Advance(TimeSpan.FromMinutes(5));
        ha.SetState("climate.living", "heat", new { temperature = 22 });

        var state = ha.GetState("climate.living")!;
        Assert.Equal(first, state.LastChanged);
        Assert.Equal(first.AddMinutes(5), state.LastUpdated);
        Assert.Equal(22, state.NumericAttribute("temperature"));
        Assert.Equal(2, changes.Count);
        Assert.Equal(21, changes[1].Old!.NumericAttribute("temperature"));
    }

    [Fact]
    public async Task CallServiceAsync_FailWith_FailsThatCall_AndRecordsEveryCall()
    {
        using var ha = new FakeHaContext(_time);
        ha.FailWith = call => call.Service == "turn_off" ? new ServiceCallException("not allowed") : null;

        await ha.CallServiceAsync(new ServiceCall("switch", "turn_on", ServiceTarget.Entities("switch.a"), null));
        await Assert.ThrowsAsync<ServiceCallException>(() => ha.CallServiceAsync(new ServiceCall("switch", "turn_off", ServiceTarget.Entities("switch.a"), null)));
        ha.CallService("notify", "notify", data: new { message = "hi" });

        Assert.Equal(["turn_on", "turn_off", "notify"], ha.Calls.Select(c => c.Service));
    }

    [Fact]
    public void SendEvent_ReachesEventSubscribers()
    {
        using var ha = new FakeHaContext(_time);
        var events = new List<HomeEvent>();
        using var _ = ha.Events.Subscribe(events.Add);

        ha.SendEvent("poh_test", new { zone = "living" });

        var received = Assert.Single(events);
        Assert.Equal("poh_test", received.EventType);
        Assert.Equal("living", received.Data.GetProperty("zone").GetString());
        Assert.Equal(_time.GetUtcNow(), received.TimeFired);
    }
}
