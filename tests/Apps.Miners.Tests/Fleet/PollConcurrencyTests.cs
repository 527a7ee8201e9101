using ProofOfHeat.Apps.Miners.Tests.Fakes;

namespace ProofOfHeat.Apps.Miners.Tests.Fleet;

public sealed class PollConcurrencyTests
{
    [Fact]
    public async Task Polls_OfOneMinerNeverOverlap_AndAllAreBounded()
    {
        await using var harness = FleetHarness.Create(
            [("a", FakeMinerFamily.Continuous, FakeMinerFamily.Id), ("b", FakeMinerFamily.Continuous, FakeMinerFamily.Id)],
            o => o.MaxConcurrentPolls = 1);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Drivers["a"].ReadGate = gate;

        var slow = harness.Fleet.PollAsync("a", CancellationToken.None);
        var overlapping = await harness.Fleet.PollAsync("a", CancellationToken.None);
        var other = harness.Fleet.PollAsync("b", CancellationToken.None);

        Assert.False(slow.IsCompleted);
        Assert.Null(overlapping.Reading);
        Assert.Equal(1, harness.Drivers["a"].Reads);
        Assert.False(other.IsCompleted);
        Assert.Equal(0, harness.Drivers["b"].Reads);

        gate.SetResult();
        await Task.WhenAll(slow, other).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(1, harness.Drivers["b"].Reads);
        Assert.True(harness.Fleet.GetSnapshot("a").Available);
        Assert.True(harness.Fleet.GetSnapshot("b").Available);
    }
}
