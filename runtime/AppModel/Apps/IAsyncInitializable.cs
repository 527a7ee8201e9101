namespace ProofOfHeat.AppModel.Apps;

/// <summary>An app that needs asynchronous start-up work after its constructor (a warning is logged past 5 s).</summary>
public interface IAsyncInitializable
{
    /// <summary>Runs once after construction, before the app counts as running.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);
}
