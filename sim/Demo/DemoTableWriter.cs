using System.Threading.Channels;
using ProofOfHeat.Apps.Heating;

namespace ProofOfHeat.Demo;

/// <summary>
/// Prints <see cref="DemoTable"/> rows as heating decisions are recorded. The journal's observer
/// only drops the decision into a bounded channel, so a slow terminal never holds up the app.
/// </summary>
internal sealed class DemoTableWriter(IHeatingDecisionJournal journal, TextWriter output, Func<string>? miners = null) : BackgroundService
{
    private readonly Channel<HeatingDecision> _pending = Channel.CreateBounded<HeatingDecision>(
        new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private IDisposable? _subscription;

    /// <inheritdoc />
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Subscribe before the apps start, so the first decision is not missed.
        _subscription = journal.Recorded.Subscribe(d => _pending.Writer.TryWrite(d));
        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        _pending.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _subscription?.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await output.WriteLineAsync((miners is null ? DemoTable.Header : DemoTable.HeaderWithMiners).AsMemory(), stoppingToken);
        await output.FlushAsync(stoppingToken);
        try
        {
            await foreach (var decision in _pending.Reader.ReadAllAsync(stoppingToken))
            {
                await output.WriteLineAsync(DemoTable.FormatRow(decision, miners?.Invoke()).AsMemory(), stoppingToken);
                await output.FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping is the normal way out.
        }
    }
}
