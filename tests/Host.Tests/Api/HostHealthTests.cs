using Microsoft.Extensions.Hosting;
using ProofOfHeat.Host.Api;

namespace ProofOfHeat.Host.Tests.Api;

public sealed class HostHealthTests
{
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
        lifetime.Stopping.Cancel();
        Assert.Equal("stopping", health.Status);
        Assert.False(health.IsRunning);
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
