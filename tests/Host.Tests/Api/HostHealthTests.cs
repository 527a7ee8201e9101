using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProofOfHeat.AppModel.Runtime;
using ProofOfHeat.Host.Api;
using ProofOfHeat.Host.Tests.HomeAssistant;

namespace ProofOfHeat.Host.Tests.Api;

public sealed class HostHealthTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(10);

    [Fact]
    public void Status_FollowsTheLifetime_StartingOkStopping()
    {
        var lifetime = new FakeLifetime();
        var health = new HostHealth(lifetime);

        Assert.Equal("starting", health.Status);
        Assert.False(health.IsRunning);
        lifetime.Started.Cancel();
        Assert.Equal("ok", health.Status);
        Assert.True(health.IsRunning);
        Assert.Equal(new HealthVerdict(true, "ok", null), health.Check());
        lifetime.Stopping.Cancel();
        Assert.Equal("stopping", health.Status);
        Assert.False(health.IsRunning);
        Assert.Equal(new HealthVerdict(false, "stopping", "the brain is stopping"), health.Check());
    }

    [Fact]
    public async Task Check_HaRejectedTheToken_UnhealthyWithTheReason()
    {
        await using var brain = new HaBrainHarness([typeof(SafetyTestApp)], token: "not-a-valid-token-42");
        var health = Started(brain.Runtime, typeof(SafetyTestApp));
        brain.Start();

        await Eventually.UntilAsync(() => brain.Runtime.BackendFailure is not null, Within, "the runtime to give up on HA");

        Assert.Equal(new HealthVerdict(false, "unhealthy", "Home Assistant rejected the access token"), health.Check());
    }

    [Fact]
    public async Task Check_SafetyAppDown_UnhealthyNamingIt()
    {
        await using var brain = new HaBrainHarness([typeof(SafetyTestApp), typeof(BrokenSafetyTestApp)]);
        var health = Started(brain.Runtime, typeof(SafetyTestApp), typeof(BrokenSafetyTestApp));
        brain.Start();

        await Eventually.UntilAsync(() => brain.Runtime.Apps.Any(a => a.Id == "overheat" && a.State == AppRunState.Error), Within, "the broken safety app");

        Assert.Equal(new HealthVerdict(false, "unhealthy", "the safety app `overheat` is down"), health.Check());
    }

    [Fact]
    public async Task Check_OnlyAnOrdinaryAppDown_Healthy()
    {
        await using var brain = new HaBrainHarness([typeof(SafetyTestApp), typeof(ThrowingConstructorTestApp)]);
        var health = Started(brain.Runtime, typeof(SafetyTestApp), typeof(ThrowingConstructorTestApp));
        var thrower = AppDescriptor.For(typeof(ThrowingConstructorTestApp)).Id;
        await brain.StartAndWaitForAppsAsync("safety");

        await Eventually.UntilAsync(() => brain.Runtime.Apps.Any(a => a.Id == thrower && a.State == AppRunState.Error), Within, "the broken app");

        Assert.True(health.Check().Healthy);
    }

    [Fact]
    public async Task Healthz_SafetyAppDown_Answers503WithTheReasonOnly()
    {
        await using var brain = await RunningBrain.StartAsync(services =>
            services.AddSingleton(AppDescriptor.For(typeof(BrokenSafetyTestApp))));
        var runtime = brain.Services.GetRequiredService<HomeRuntime>();
        await Eventually.UntilAsync(() => runtime.Apps.Any(a => a.Id == "overheat" && a.State == AppRunState.Error), Within, "the broken safety app");

        var response = await brain.Client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("""{"status":"unhealthy","reason":"the safety app `overheat` is down"}""", await response.Content.ReadAsStringAsync());
    }

    private static HostHealth Started(HomeRuntime runtime, params Type[] apps)
    {
        var lifetime = new FakeLifetime();
        lifetime.Started.Cancel();
        return new HostHealth(lifetime, runtime, apps.Select(AppDescriptor.For));
    }

    private sealed class FakeLifetime : IHostApplicationLifetime
    {
        public CancellationTokenSource Started { get; } = new();

        public CancellationTokenSource Stopping { get; } = new();

        public CancellationToken ApplicationStarted => Started.Token;

        public CancellationToken ApplicationStopping => Stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => Stopping.Cancel();
    }
}
