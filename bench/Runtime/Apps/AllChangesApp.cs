using ProofOfHeat.AppModel;
using ProofOfHeat.AppModel.Apps;

namespace ProofOfHeat.Bench.Apps;

/// <summary>Consumes every change through <see cref="IHaContext.StateAllChanges"/>: the broadest subscriber.</summary>
[HomeApp(Id = "bench_all_changes")]
public sealed class AllChangesApp : IDisposable
{
    private readonly IDisposable _subscription;

    /// <summary>Subscribes to every change.</summary>
    public AllChangesApp(IHaContext context, PipelineProbe probe)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(probe);
        _subscription = context.StateAllChanges().Subscribe(change =>
        {
            LastState = change.New?.State;
            probe.Consumed(PipelineProbe.AllChanges);
        });
    }

    /// <summary>The last state seen (keeps the handler from being optimised away).</summary>
    public string? LastState { get; private set; }

    /// <inheritdoc />
    public void Dispose() => _subscription.Dispose();
}
