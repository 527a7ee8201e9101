using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Apps;

namespace ProofOfHeat.Apps.Safety.Tests.Runtime;

/// <summary>An app that throws on every change it sees.</summary>
[HomeApp(Id = "throws_on_change", KeepRunningWhenDisconnected = true)]
public sealed class ThrowsOnChangeApp : IDisposable
{
    private readonly IDisposable _subscription;

    public ThrowsOnChangeApp(IHaContext ha)
    {
        ArgumentNullException.ThrowIfNull(ha);
        _subscription = ha.StateAllChanges().Subscribe(_ => throw new InvalidOperationException("this app is broken"));
    }

    public void Dispose() => _subscription.Dispose();
}

/// <summary>An app that throws while starting.</summary>
[HomeApp(Id = "throws_at_start", KeepRunningWhenDisconnected = true)]
public sealed class ThrowsAtStartApp
{
    public ThrowsAtStartApp() => throw new InvalidOperationException("this app cannot start");
}

/// <summary>An app whose handler blocks its thread until the test lets it go.</summary>
[HomeApp(Id = "blocks_on_change", KeepRunningWhenDisconnected = true)]
public sealed class BlocksOnChangeApp : IDisposable
{
    /// <summary>Released by the test at its end.</summary>
    public static readonly ManualResetEventSlim Release = new(false);

    private readonly IDisposable _subscription;

    public BlocksOnChangeApp(IHaContext ha)
    {
        ArgumentNullException.ThrowIfNull(ha);
        _subscription = ha.StateAllChanges().Subscribe(_ => Release.Wait(TimeSpan.FromSeconds(60)));
    }

    public void Dispose() => _subscription.Dispose();
}
