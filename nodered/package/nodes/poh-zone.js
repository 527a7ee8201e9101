'use strict';

const { followConnection } = require('../lib/node-status');

const HOLD_LIMIT = 20;

// "Zone preset / target": a heating zone's climate entity, found in the brain's discovery config of the device
// `heating_zone_<zone>` (component `climate`). Input: msg.payload a preset name ("eco", "away" …) or a target
// temperature (number), or an object { preset, target, mode }; msg.preset / msg.target / msg.mode work too.
// Commands go to the climate's preset / temperature / mode command topics, checked against its presets and range.
// Output: the zone's state { zone, mode, preset, target, current, action } each time the brain publishes a change.
module.exports = function (RED) {
    function PohZoneNode(config) {
        RED.nodes.createNode(this, config);
        const node = this;
        const brain = RED.nodes.getNode(config.brain);
        const zone = (config.zone || '').trim();
        if (!brain || !brain.connection || !zone) {
            node.status({ fill: 'red', shape: 'ring', text: !zone ? 'no zone set' : 'no brain configured' });
            return;
        }

        const connection = brain.connection;
        const deviceId = `heating_zone_${zone}`;
        const state = { zone };
        let climate = null;
        let stateStops = [];
        let pending = [];
        let emitTimer = null;
        const stopStatus = followConnection(node, connection, `waiting for ${deviceId}`);

        const stopDevice = connection.followDevice(deviceId, (device) => {
            stateStops.forEach((stop) => stop());
            stateStops = [];
            climate = device && device.components[config.component || 'climate'];
            if (!climate || climate.platform !== 'climate') {
                climate = null;
                node.status({ fill: 'yellow', shape: 'ring', text: `${deviceId}: no climate announced` });
                return;
            }
            node.status({ fill: 'green', shape: 'dot', text: device.name || deviceId });
            follow(climate.mode_state_topic, 'mode', String);
            follow(climate.preset_mode_state_topic, 'preset', String);
            follow(climate.temperature_state_topic, 'target', Number);
            follow(climate.current_temperature_topic, 'current', Number);
            follow(climate.action_topic, 'action', String);
            const held = pending;
            pending = [];
            held.forEach(({ msg, done }) => command(msg, done));
        });

        function follow(topic, field, convert) {
            if (!topic) {
                return;
            }
            stateStops.push(connection.subscribe(topic, (_, payload) => {
                const text = payload.toString();
                if (text.length === 0) {
                    return;
                }
                state[field] = convert(text);
                scheduleEmit();
            }));
        }

        // Several state topics change at once (a preset moves the target too): one output for the burst.
        function scheduleEmit() {
            if (emitTimer) {
                return;
            }
            emitTimer = setTimeout(() => {
                emitTimer = null;
                node.send({ topic: zone, payload: { ...state } });
            }, 100);
        }

        function command(msg, done) {
            const wanted = read(msg);
            if (wanted.preset === undefined && wanted.target === undefined && wanted.mode === undefined) {
                done(new Error('set: msg.payload must be a preset name, a target temperature or { preset, target, mode }'));
                return;
            }
            if (wanted.preset !== undefined) {
                const presets = climate.preset_modes || [];
                if (!presets.includes(wanted.preset)) {
                    done(new Error(`zone ${zone}: preset "${wanted.preset}" is not one of ${presets.join(', ')}`));
                    return;
                }
                connection.publish(climate.preset_mode_command_topic, wanted.preset);
            }
            if (wanted.target !== undefined) {
                const min = climate.min_temp ?? -Infinity;
                const max = climate.max_temp ?? Infinity;
                if (!Number.isFinite(wanted.target) || wanted.target < min || wanted.target > max) {
                    done(new Error(`zone ${zone}: target ${wanted.target} is outside ${min}–${max}`));
                    return;
                }
                connection.publish(climate.temperature_command_topic, String(wanted.target));
            }
            if (wanted.mode !== undefined) {
                const modes = climate.modes || [];
                if (!modes.includes(wanted.mode)) {
                    done(new Error(`zone ${zone}: mode "${wanted.mode}" is not one of ${modes.join(', ')}`));
                    return;
                }
                connection.publish(climate.mode_command_topic, wanted.mode);
            }
            done();
        }

        node.on('input', (msg, send, done) => {
            if (climate) {
                command(msg, done);
                return;
            }
            // The discovery config has not arrived yet (just deployed): hold a few commands until it does.
            if (pending.length >= HOLD_LIMIT) {
                done(new Error(`zone ${zone}: the brain has not announced ${deviceId}; command dropped`));
                return;
            }
            pending.push({ msg, done });
        });

        node.on('close', () => {
            clearTimeout(emitTimer);
            pending.forEach(({ done }) => done(new Error('closed before the zone was found')));
            stopDevice();
            stateStops.forEach((stop) => stop());
            stopStatus();
        });
    }

    function read(msg) {
        const p = msg.payload;
        const wanted = {};
        if (p !== null && typeof p === 'object') {
            Object.assign(wanted, pick(p));
        } else if (typeof p === 'number') {
            wanted.target = p;
        } else if (typeof p === 'string' && p.trim().length > 0) {
            const number = Number(p);
            if (Number.isFinite(number)) {
                wanted.target = number;
            } else {
                wanted.preset = p.trim();
            }
        }
        Object.assign(wanted, pick(msg));
        return wanted;
    }

    function pick(source) {
        const out = {};
        if (typeof source.preset === 'string') {
            out.preset = source.preset;
        }
        if (source.target !== undefined && source.target !== null) {
            out.target = Number(source.target);
        }
        if (typeof source.mode === 'string') {
            out.mode = source.mode;
        }
        return out;
    }

    RED.nodes.registerType('poh-zone', PohZoneNode);
};
