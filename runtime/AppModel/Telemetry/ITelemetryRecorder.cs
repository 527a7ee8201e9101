namespace ProofOfHeat.AppModel.Telemetry;

/// <summary>
/// Where apps and the runtime record telemetry. Recording never blocks and never throws: the implementation hands
/// the point to a bounded queue that makes it durable (the outbox) and delivers it to the embedded store and any
/// configured sink (QuestDB, InfluxDB).
/// </summary>
public interface ITelemetryRecorder
{
    /// <summary>Queues <paramref name="point"/> for recording.</summary>
    void Record(TelemetryPoint point);
}
