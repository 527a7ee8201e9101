using Microsoft.Extensions.Logging;
using ProofOfHeat.AppModel.Apps;
using ProofOfHeat.AppModel.Scheduling;
using ProofOfHeat.AppModel.Services;
using ProofOfHeat.TestKit.AppModel;
using Xunit;

namespace ProofOfHeat.AppModel.Tests.TestKit;

/// <summary>The harness builds an app as the runtime does and runs it on the real scheduler and fake time.</summary>
public sealed class AppHarnessTests
{
    [Fact]
    public async Task StartAsync_AppGetsContextSchedulerOptionsAndLogger_AndRunsOnFakeTime()
    {
        await using var harness = new AppHarness();
        using var services = harness.Services();
        harness.Ha.SetState("sensor.room", "20.5");

        var app = await harness.StartAsync<CopyingApp>(services, new CopyingOptions { From = "sensor.room", To = "input_number.copy" });
        harness.Time.Advance(TimeSpan.FromMinutes(2));

        Assert.True(app.Initialised);
        Assert.Equal(3, harness.Ha.Calls.Count); // at start, then at 1 and 2 minutes
        Assert.All(harness.Ha.Calls, c => Assert.Equal("input_number.copy", Assert.Single(c.Target!.EntityIds!)));
        Assert.Contains(harness.Logs.Lines, l => l.Category.EndsWith("CopyingApp", StringComparison.Ordinal) && l.Message == "copied 20.5");
        Assert.Empty(harness.Scheduler.Failures);
    }

    [Fact]
    public async Task DisposeAsync_StopsTheAppsTimers_ThenTheApp()
    {
        var harness = new AppHarness();
        using var services = harness.Services();
        var app = await harness.StartAsync<CopyingApp>(services, new CopyingOptions { From = "sensor.room", To = "input_number.copy" });

        await harness.DisposeAsync();
        harness.Time.Advance(TimeSpan.FromMinutes(5));

        Assert.True(app.Disposed);
        Assert.Single(harness.Ha.Calls);
    }

    [Fact]
    public async Task Create_AppAsksForOptions_NoneGiven_SaysWhichAreMissing()
    {
        await using var harness = new AppHarness();
        using var services = harness.Services();

        var error = Assert.Throws<ArgumentException>(() => harness.Create<CopyingApp>(services));

        Assert.Contains("IAppConfig<CopyingOptions>", error.Message, StringComparison.Ordinal);
    }

    public sealed class CopyingOptions
    {
        public string From { get; set; } = "";

        public string To { get; set; } = "";
    }

    /// <summary>Copies a sensor into a number every minute.</summary>
    public sealed class CopyingApp(IHaContext ha, IAppScheduler scheduler, IAppConfig<CopyingOptions> config, ILogger<CopyingApp> logger)
        : IAsyncInitializable, IDisposable
    {
        private IDisposable? _schedule;

        public bool Initialised { get; private set; }

        public bool Disposed { get; private set; }

        public Task InitializeAsync(CancellationToken cancellationToken)
        {
            _schedule = scheduler.RunEvery(TimeSpan.FromMinutes(1), TimeSpan.Zero, CopyAsync);
            Initialised = true;
            return Task.CompletedTask;
        }

        public void Dispose()
        {
            _schedule?.Dispose();
            Disposed = true;
        }

        private async Task CopyAsync(CancellationToken cancellationToken)
        {
            var value = ha.GetState(config.Value.From)?.State;
            await ha.CallServiceAsync(new ServiceCall("input_number", "set_value", ServiceTarget.Entities(config.Value.To), new { value }), cancellationToken);
#pragma warning disable CA1848, CA2254 // A test app: the message is the assertion.
            logger.LogInformation($"copied {value}");
#pragma warning restore CA1848, CA2254
        }
    }
}
