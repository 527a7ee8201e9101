using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.AppModel.Alerts;
using ProofOfHeat.Notify.Alerts;
using ProofOfHeat.Notify.Tests.Support;
using Xunit;

namespace ProofOfHeat.Notify.Tests.Alerts;

/// <summary>The alert store is written behind the callers: coalesced per key, batched per interval, flushed at stop.</summary>
public sealed class AlertWriteBehindTests
{
    [Fact]
    public async Task A_thousand_raises_and_resolves_of_one_key_reach_the_store_as_one_write()
    {
        var store = new CountingAlertStore();
        using var h = new AlertHarness(store: store);
        for (var i = 0; i < 1000; i++)
        {
            await h.Service.RaiseAsync(AlertHarness.Leak());
            await h.Service.ResolveAsync("safety.leak.kitchen");
        }

        await h.Service.RaiseAsync(AlertHarness.Leak());
        Assert.Empty(store.Batches);

        h.Time.Advance(AlertWriteBehind.FlushEvery);
        var batch = Assert.Single(store.Batches);
        var change = Assert.Single(batch);
        Assert.Equal("safety.leak.kitchen", change.Key);
        Assert.Equal(AlertState.Raised, change.Alert?.State);

        // Nothing changed since: no timer left running, no further writes.
        h.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Single(store.Batches);
        Assert.Single(await store.LoadOpenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Changes_of_several_keys_within_one_interval_go_in_one_batch()
    {
        var store = new CountingAlertStore();
        using var h = new AlertHarness(store: store);
        await h.Service.RaiseAsync(AlertHarness.Leak("a"));
        await h.Service.RaiseAsync(AlertHarness.Leak("b"));
        await h.Service.AcknowledgeAsync("a", "telegram:1");
        await h.Service.RaiseAsync(AlertHarness.Leak("c"));
        await h.Service.ResolveAsync("c");

        h.Time.Advance(AlertWriteBehind.FlushEvery);

        var batch = Assert.Single(store.Batches);
        Assert.Equal(["a", "b", "c"], batch.Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.Equal(AlertState.Acknowledged, batch.Single(c => c.Key == "a").Alert?.State);
        Assert.Null(batch.Single(c => c.Key == "c").Alert);
    }

    [Fact]
    public async Task A_clean_stop_writes_the_latest_state_before_the_interval_ends()
    {
        var store = new CountingAlertStore();
        var h = new AlertHarness(store: store);
        await h.Service.RaiseAsync(AlertHarness.Leak());
        await h.Service.AcknowledgeAsync("safety.leak.kitchen", "ha:anna");

        await h.Service.DisposeAsync();

        var stored = Assert.Single(await store.LoadOpenAsync(CancellationToken.None));
        Assert.Equal(AlertState.Acknowledged, stored.State);
        Assert.Equal("ha:anna", stored.By);
        Assert.Single(store.Batches);
    }

    [Fact]
    public async Task The_dispatcher_flushes_open_alerts_when_the_host_stops()
    {
        var store = new CountingAlertStore();
        using var h = new AlertHarness(store: store);
        using var dispatcher = new AlertDispatcher(h.Service, [], NullLogger<AlertDispatcher>.Instance);
        await dispatcher.StartAsync(CancellationToken.None);
        await h.Service.RaiseAsync(AlertHarness.Leak());

        await dispatcher.StopAsync(CancellationToken.None);

        Assert.Equal("safety.leak.kitchen", Assert.Single(await store.LoadOpenAsync(CancellationToken.None)).Key);
    }

    [Fact]
    public async Task A_store_that_throws_does_not_reach_the_caller_and_its_batch_is_written_once_it_works()
    {
        var store = new CountingAlertStore { Failing = true };
        using var h = new AlertHarness(store: store);

        var raise = h.Service.RaiseAsync(AlertHarness.Leak());
        Assert.True(raise.IsCompletedSuccessfully);
        h.Time.Advance(AlertWriteBehind.FlushEvery);
        Assert.Equal(1, store.Attempts);
        Assert.Equal(1, h.Service.Persistence.Pending);

        // A newer state accepted after the failure wins over the failed batch.
        await h.Service.AcknowledgeAsync("safety.leak.kitchen", "telegram:9");
        store.Failing = false;
        h.Time.Advance(AlertWriteBehind.FlushEvery);

        Assert.Equal(AlertState.Acknowledged, Assert.Single(await store.LoadOpenAsync(CancellationToken.None)).State);
        Assert.Equal(0, h.Service.Persistence.Pending);
    }

    [Fact]
    public async Task A_store_that_hangs_does_not_block_raising_and_memory_stays_one_entry_per_key()
    {
        var store = new CountingAlertStore { Hang = new TaskCompletionSource() };
        using var h = new AlertHarness(store: store);
        await h.Service.RaiseAsync(AlertHarness.Leak());
        h.Time.Advance(AlertWriteBehind.FlushEvery);
        Assert.Equal(1, store.Attempts);

        for (var i = 0; i < 1000; i++)
        {
            var raise = h.Service.RaiseAsync(AlertHarness.Leak());
            var resolve = h.Service.ResolveAsync("safety.leak.kitchen");
            Assert.True(raise.IsCompletedSuccessfully && resolve.IsCompletedSuccessfully);
            h.Time.Advance(TimeSpan.FromMilliseconds(10));
        }

        // Ten intervals passed with the first write still hanging: no second write was started behind it.
        Assert.Equal(1, store.Attempts);
        Assert.Equal(1, h.Service.Persistence.Pending);

        // Released, the hung write's continuation may finish on another thread: each interval tries again until it has.
        store.Hang.SetResult();
        await Until.TrueAsync(
            () =>
            {
                h.Time.Advance(AlertWriteBehind.FlushEvery);
                return store.Attempts == 2;
            },
            "the write after the hung one");
        Assert.Empty(await store.LoadOpenAsync(CancellationToken.None));
    }
}
