'use strict';

// Reads the brain's device-based discovery configs (one retained `<prefix>/device/<node>_<device>/config` per
// device, its entities under `cmps`; HA docs: https://www.home-assistant.io/integrations/mqtt/#device-discovery-payload).
// Keys may be abbreviated (HA's list: https://www.home-assistant.io/integrations/mqtt/#supported-abbreviations-in-mqtt-discovery-messages);
// the brain writes the short forms, another publisher may write the long ones, so both are read.
const LONG_NAMES = {
    p: 'platform',
    cmd_t: 'command_topic',
    stat_t: 'state_topic',
    mode_cmd_t: 'mode_command_topic',
    mode_stat_t: 'mode_state_topic',
    temp_cmd_t: 'temperature_command_topic',
    temp_stat_t: 'temperature_state_topic',
    curr_temp_t: 'current_temperature_topic',
    act_t: 'action_topic',
    pr_mode_cmd_t: 'preset_mode_command_topic',
    pr_mode_stat_t: 'preset_mode_state_topic',
    pr_modes: 'preset_modes',
    modes: 'modes',
    min_temp: 'min_temp',
    max_temp: 'max_temp',
    temp_step: 'temp_step',
    uniq_id: 'unique_id',
    def_ent_id: 'default_entity_id',
    name: 'name',
};

function configTopic(discoveryPrefix, nodeId, deviceId) {
    return `${discoveryPrefix}/device/${nodeId}_${deviceId}/config`;
}

// Parses a device config payload; null when it is empty (the device was removed) or not a device config.
function parseDevice(payload) {
    if (!payload || payload.length === 0) {
        return null;
    }
    let root;
    try {
        root = JSON.parse(payload.toString());
    } catch (e) {
        return null;
    }
    const cmps = root.cmps || root.components;
    if (!cmps || typeof cmps !== 'object') {
        return null;
    }
    const components = {};
    for (const [key, raw] of Object.entries(cmps)) {
        components[key] = normalise(raw);
    }
    const device = root.dev || root.device || {};
    return { name: device.name, components };
}

// One component with long key names.
function normalise(raw) {
    const out = {};
    for (const [key, value] of Object.entries(raw || {})) {
        out[LONG_NAMES[key] || key] = value;
    }
    return out;
}

module.exports = { configTopic, parseDevice };
