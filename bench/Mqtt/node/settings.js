// Node-RED 4 settings for the MQTT benchmark: only the runtime and the flow, no editor, no HTTP nodes.
// The harness passes MQTT_PORT (used by flows.json as ${MQTT_PORT}) and NODE_RED_PORT.
module.exports = {
    flowFile: 'flows.json',
    credentialSecret: false,
    uiHost: '127.0.0.1',
    uiPort: parseInt(process.env.NODE_RED_PORT || '1880', 10),
    httpAdminRoot: false,
    httpNodeRoot: false,
    disableEditor: true,
    diagnostics: { enabled: false, ui: false },
    telemetry: { enabled: false },
    logging: { console: { level: 'info', metrics: false, audit: false } },
    functionExternalModules: false,
    externalModules: { autoInstall: false, palette: { allowInstall: false }, modules: { allowInstall: false } },
};
