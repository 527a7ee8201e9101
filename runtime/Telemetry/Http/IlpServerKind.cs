namespace ProofOfHeat.Telemetry.Http;

/// <summary>Which line-protocol server a sink writes to; they differ in endpoint, errors and table creation.</summary>
public enum IlpServerKind
{
    /// <summary>QuestDB: <c>POST /write</c>, a 400 rejects the whole request, tables created through <c>/exec</c>.</summary>
    QuestDb,

    /// <summary>InfluxDB 1.x: <c>POST /write?db=</c>, a 400 "partial write" stored the valid points.</summary>
    InfluxDb,
}
