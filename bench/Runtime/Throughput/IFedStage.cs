namespace ProofOfHeat.Bench.Throughput;

/// <summary>A stage fed by the fake HA server over a real loopback WebSocket.</summary>
internal interface IFedStage : IAsyncDisposable
{
    /// <summary>The row name in the table.</summary>
    string Name { get; }

    /// <summary>What each consumer has processed.</summary>
    ConsumptionGate Gate { get; }

    /// <summary>The counter that sees only <see cref="Frames.StateChangedFrames.WatchedClimate"/>, or -1.</summary>
    int ClimateCounter { get; }

    /// <summary>Events dropped by bounded queues so far (must stay 0 for a valid run).</summary>
    long Dropped { get; }

    /// <summary>Connects, authenticates and subscribes; completes when events will be consumed.</summary>
    Task ConnectAsync(Uri webSocketUri, CancellationToken cancellationToken);
}
