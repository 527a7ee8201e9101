using Microsoft.Extensions.Logging.Abstractions;
using ProofOfHeat.Sim.Miners;
using ProofOfHeat.TestKit.Time;

namespace ProofOfHeat.Drivers.Miners.Tests;

public sealed class MinerDriverBaseTests
{
    private static readonly MinerHardwareSpec Spec = new()
    {
        Model = "S19", NominalPowerWatts = 3000, MinimumPowerWatts = 1000, JoulesPerTerahash = 30,
    };

    private readonly FakeTimeProvider _time = new();

    private MinerDriverContext Context(int retries = 1, TimeSpan? verify = null) => new(
        _time,
        new MinerTimeouts { Retries = retries, RetryDelay = TimeSpan.Zero, Verify = verify ?? TimeSpan.Zero },
        NullLoggerFactory.Instance);

    [Fact]
    public async Task A_command_already_in_effect_sends_nothing()
    {
        await using var driver = new HardwareDriver(new MinerHardware(Spec, _time), Context());

        var result = await driver.ApplyAsync(MinerCommand.Wake, CancellationToken.None);
        var again = await driver.ApplyAsync(MinerCommand.SetPower(3000), CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.AlreadyInEffect, result.Outcome);
        Assert.Equal(MinerCommandOutcome.AlreadyInEffect, again.Outcome);
        Assert.Empty(driver.Sent);
    }

    [Fact]
    public async Task A_power_target_is_clamped_and_stepped_sent_once_and_verified_by_reading_back()
    {
        await using var driver = new HardwareDriver(new MinerHardware(Spec, _time), Context());

        var result = await driver.ApplyAsync(MinerCommand.SetPower(2345), CancellationToken.None);
        var repeat = await driver.ApplyAsync(MinerCommand.SetPower(2399), CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.Applied, result.Outcome);
        Assert.Equal(2300, result.Reading.PowerLimitWatts);
        Assert.Equal(MinerCommandOutcome.AlreadyInEffect, repeat.Outcome);
        Assert.Equal([MinerCommand.SetPower(2300)], driver.Sent);
    }

    [Fact]
    public async Task Sleep_then_wake_are_each_sent_once()
    {
        await using var driver = new HardwareDriver(new MinerHardware(Spec, _time), Context());

        Assert.Equal(MinerCommandOutcome.Applied, (await driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None)).Outcome);
        Assert.Equal(MinerCommandOutcome.AlreadyInEffect, (await driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None)).Outcome);
        var wake = await driver.ApplyAsync(MinerCommand.Wake, CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.Applied, wake.Outcome);
        Assert.Equal(MinerStatus.Starting, wake.Reading.Status);
        Assert.Equal(2, driver.Sent.Count);
    }

    [Fact]
    public async Task A_change_that_restarts_reads_as_starting_not_unreachable_while_the_api_is_down()
    {
        var hardware = new MinerHardware(Spec, _time);
        await using var driver = new HardwareDriver(hardware, Context(), powerChangeRestarts: true);

        var result = await driver.ApplyAsync(MinerCommand.SetPower(2000), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(30));
        var during = await driver.ReadAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));
        var after = await driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.Applied, result.Outcome);
        Assert.Equal(MinerStatus.Starting, result.Reading.Status);
        Assert.Equal(MinerStatus.Starting, during.Status);
        Assert.Contains("connection refused", during.Errors);
        Assert.Equal(MinerStatus.Mining, after.Status);
        Assert.Equal(2000, after.PowerWatts!.Value, 6);
    }

    [Fact]
    public async Task An_unreachable_miner_is_a_reading_not_an_exception_after_the_bounded_retries()
    {
        await using var driver = new HardwareDriver(new MinerHardware(Spec, _time), Context(retries: 2));
        for (var i = 0; i < 3; i++)
        {
            driver.ReadFailures.Enqueue(new MinerUnreachableException("timed out"));
        }

        var reading = await driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerStatus.Unreachable, reading.Status);
        Assert.Equal(3, driver.Reads);
        Assert.Equal(_time.GetUtcNow(), reading.At);
    }

    [Fact]
    public async Task Garbage_is_retried_and_a_good_reply_after_it_is_used()
    {
        await using var driver = new HardwareDriver(new MinerHardware(Spec, _time), Context(retries: 1));
        driver.ReadFailures.Enqueue(new MinerProtocolException("not json"));

        var reading = await driver.ReadAsync(CancellationToken.None);

        Assert.Equal(MinerStatus.Mining, reading.Status);
        Assert.Equal(2, driver.Reads);
    }

    [Fact]
    public async Task A_refused_password_is_never_retried()
    {
        await using var driver = new HardwareDriver(new MinerHardware(Spec, _time), Context(retries: 3));
        driver.ReadFailures.Enqueue(new MinerAuthenticationException("wrong password"));

        await Assert.ThrowsAsync<MinerAuthenticationException>(() => driver.ReadAsync(CancellationToken.None));
        Assert.Equal(1, driver.Reads);
    }

    [Fact]
    public async Task A_command_the_miner_acknowledges_but_does_not_take_is_not_applied()
    {
        await using var driver = new HardwareDriver(new MinerHardware(Spec, _time), Context()) { IgnoreCommands = true };

        var result = await driver.ApplyAsync(MinerCommand.Sleep, CancellationToken.None);

        Assert.Equal(MinerCommandOutcome.NotApplied, result.Outcome);
        Assert.Equal(MinerStatus.Mining, result.Reading.Status);
    }

    [Fact]
    public async Task A_tier_on_a_continuous_miner_is_refused_before_anything_is_sent()
    {
        await using var driver = new HardwareDriver(new MinerHardware(Spec, _time), Context());

        var e = await Assert.ThrowsAsync<MinerUnsupportedException>(() => driver.ApplyAsync(MinerCommand.SetTier("eco"), CancellationToken.None));
        Assert.Contains("no tier 'eco'", e.Message, StringComparison.Ordinal);
        Assert.Empty(driver.Sent);
    }
}
