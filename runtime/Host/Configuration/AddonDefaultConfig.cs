namespace ProofOfHeat.Host.Configuration;

/// <summary>
/// The config file the add-on writes into its config folder on first start: every line a comment, so the brain runs
/// on its defaults until someone edits it. Lines starting <c>## </c> explain; lines starting <c>#</c> and one space
/// are an example config (AddonDefaultConfigTests removes that <c>#</c> and checks that the result loads).
/// </summary>
internal static class AddonDefaultConfig
{
    /// <summary>The file's text.</summary>
    public const string Text = """
        ## Proof of Heat: the full configuration of the add-on.
        ## This file was written on the add-on's first start and is never overwritten: edit it, then restart the add-on.
        ## Every line is a comment, so the brain runs on its defaults. To use an example, remove the "# " in front of it
        ## (keep the indentation). The add-on's Configuration tab sets only the log level, the log format and this file's
        ## name. Home Assistant and the MQTT broker (the Mosquitto add-on) come from the Supervisor: leave out
        ## `homeassistant:` and `mqtt:`. Secrets go in secrets.yaml beside this file (`token: !secret name`).
        ## Check the file with: poh check-config --config /config/poh.yaml (from the add-on's container).
        ## Every key: https://github.com/ORG/proof-of-heat#readme

        ## Heating: zones heated by sources (apps/Heating/README.md).
        # apps:
        #   heating:
        #     outdoor_temperature_entity: sensor.outdoor_temperature
        #     zones:
        #       - id: living
        #         name: Living room
        #         room_temperature_entity: sensor.living_room_temperature
        #         sources: [living_miner]
        #     sources:
        #       - { id: living_miner, kind: fleet, entity: office, type: miner, joules_per_terahash: 29.5,
        #           power_levels: [0, 1200, 2400, 3250], minimum_on: 15m, minimum_off: 15m }

        ## Miners: the fleet polls each one, shows it in Home Assistant and guards it (apps/Miners/README.md).
        #   miners:
        #     hashprice: 0.040
        #     miners:
        #       - { id: office, family: braiins-os, host: 192.168.1.40 }

        ## Safety: leak, gas, smoke and frost rules that keep acting while Home Assistant is away.
        #   safety:
        #     leak: { sensors: [binary_sensor.leak_kitchen], valves: [valve.main_water] }

        ## Alerts to people: the HA mobile app, Telegram, other notify services.
        # notify:
        #   language: en
        #   people:
        #     - { name: anna, mobile_apps: [pixel_9] }

        ## Telemetry is kept in /data/telemetry.db; this also sends it to InfluxDB 1.x (or QuestDB: `questdb:`).
        # telemetry:
        #   influxdb: { url: http://a0d7b954-influxdb:8086, database: poh }

        ## How long the audit trail (/data/audit.db) keeps who changed what.
        # audit:
        #   retention_days: 90
        """;

    /// <summary>
    /// Writes <see cref="Text"/> to <paramref name="path"/> when no file is there and its folder exists (the folder is
    /// the add-on's mapped config folder; without the mapping there is nowhere to write). Returns whether it wrote.
    /// </summary>
    /// <exception cref="IOException">The folder cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder may not be written.</exception>
    public static bool CreateIfMissing(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var folder = Path.GetDirectoryName(path);
        if (File.Exists(path) || folder is null || !Directory.Exists(folder))
        {
            return false;
        }

        // Written beside it and moved in, so a crash mid-write never leaves half a config that would then be kept.
        var temporary = path + ".new";
        File.WriteAllText(temporary, Text.ReplaceLineEndings("\n") + "\n");
        File.Move(temporary, path, overwrite: false);
        return true;
    }
}
