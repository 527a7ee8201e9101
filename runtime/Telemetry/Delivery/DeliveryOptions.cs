namespace ProofOfHeat.Telemetry.Delivery;

/// <summary>
/// When a sink is handed a batch, and how failed batches are offered again. The names follow the official QuestDB
/// clients' auto-flush settings (QuestDB "ILP overview", connect-string.md; questdb/net-questdb-client Senders/HttpSender.cs).
/// </summary>
public sealed record DeliveryOptions
{
    /// <summary>A batch goes out once this many points are waiting (<c>auto_flush_rows</c>).</summary>
    public int FlushRows { get; init; } = 1000;

    /// <summary>…or once the oldest waiting point has waited this long (<c>auto_flush_interval</c>).</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The first wait after a failed batch; it doubles after each further failure.</summary>
    public TimeSpan RetryMinimum { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between two attempts (a sink down for hours is tried this often).</summary>
    public TimeSpan RetryMaximum { get; init; } = TimeSpan.FromSeconds(30);
}
