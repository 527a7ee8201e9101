using System.ComponentModel.DataAnnotations;
using ProofOfHeat.Telemetry.Http;

namespace ProofOfHeat.Host.Configuration;

/// <summary>Recording telemetry (<c>telemetry:</c>): the durable outbox and where points go besides the embedded store.</summary>
internal sealed class TelemetryOptions
{
    /// <summary>
    /// QuestDB, as the official clients' config string: <c>http::addr=host:9000;username=…;password=…;auto_flush_rows=…;auto_flush_interval=…;</c>.
    /// Never logged (it may hold a password).
    /// </summary>
    /// <value>Default: null (no QuestDB).</value>
    [ConfigKey("questdb")]
    [Secret]
    public string? QuestDb { get; set; }

    /// <summary>An InfluxDB 1.x server that receives the same line protocol.</summary>
    /// <value>Default: null (none).</value>
    [ConfigKey("influxdb")]
    public TelemetryInfluxDbOptions? InfluxDb { get; set; }

    /// <summary>The most disk the outbox may take; past it the oldest undelivered points are dropped (counted, logged).</summary>
    /// <value>Default: 256 MiB.</value>
    [ConfigKey("outbox_mib")]
    [Range(1, 65536)]
    public int OutboxMib { get; set; } = 256;

    /// <summary>Checks the QuestDB config string at load time, so <c>check-config</c> refuses what run time would.</summary>
    public void Validate()
    {
        if (QuestDb is not null)
        {
            IlpConfigString.Parse(QuestDb);
        }
    }
}
