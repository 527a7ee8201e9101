'use strict';

const { followConnection } = require('../lib/node-status');

const SLEEP_WORDS = ['sleep', 'off', 'false', '0', 'stop'];
const WAKE_WORDS = ['wake', 'on', 'true', '1', 'start'];
const HOLD_LIMIT = 20;

// "Miner state / sleep-wake": a miner of the brain's fleet, found in the discovery config of the device
// `miner_<id>`: its `active` switch and its sensors. Input: "sleep" / "wake" (also on/off, true/false) switches it
// through the brain, which applies the fleet's dwell guard and audits the command. Output: the miner's state
// { miner, active, available, status, power, hashrate, temperature, … } each time the brain publishes a change.
module.exports = function (RED) {
    function PohMinerNode(config) {
        RED.nodes.createNode(this, config);
        const node = this;
        const brain = RED.nodes.getNode(config.brain);
        const miner = (config.miner || '').trim();
        if (!brain || !brain.connection || !miner) {
            node.status({ fill: 'red', shape: 'ring', text: !miner ? 'no miner set' : 'no brain configured' });
            return;
        }

        const connection = brain.connection;
        const deviceId = `miner_${miner}`;
        const state = { miner };
        let control = null;
        let stateStops = [];
        let pending = [];
        let emitTimer = null;
        const stopStatus = followConnection(node, connection, `waiting for ${deviceId}`);

        const stopDevice = connection.followDevice(deviceId, (device) => {
            stateStops.forEach((stop) => stop());
            stateStops = [];
            const active = device && device.components.active;
            control = active && active.platform === 'switch' ? active : null;
            if (!device) {
                node.status({ fill: 'yellow', shape: 'ring', text: `${deviceId} not announced` });
                return;
            }
            node.status({ fill: 'green', shape: 'dot', text: device.name || deviceId });
            for (const [key, component] of Object.entries(device.components)) {
                if (component.state_topic && (component.platform === 'sensor' || component.platform === 'switch')) {
                    follow(component.state_topic, key === 'active' ? 'active' : key, component.platform === 'switch');
                }
            }
            const availability = `${connection.baseTopic}/${deviceId}/availability`;
            stateStops.push(connection.subscribe(availability, (_, payload) => {
                state.available = payload.toString() === 'online';
                scheduleEmit();
            }));
            const held = pending;
            pending = [];
            held.forEach(({ msg, done }) => command(msg, done));
        });

        function follow(topic, field, isSwitch) {
            stateStops.push(connection.subscribe(topic, (_, payload) => {
                const text = payload.toString();
                if (text.length === 0) {
                    return;
                }
                const number = Number(text);
                state[field] = isSwitch ? text === 'ON' : (Number.isFinite(number) ? number : text);
                scheduleEmit();
            }));
        }

        function scheduleEmit() {
            if (emitTimer) {
                return;
            }
            emitTimer = setTimeout(() => {
                emitTimer = null;
                node.send({ topic: miner, payload: { ...state } });
            }, 100);
        }

        function command(msg, done) {
            if (!control) {
                done(new Error(`miner ${miner}: the brain announces no active switch for ${deviceId}`));
                return;
            }
            const word = String(typeof msg.payload === 'object' && msg.payload !== null ? msg.payload.command : msg.payload).trim().toLowerCase();
            const on = WAKE_WORDS.includes(word) ? true : SLEEP_WORDS.includes(word) ? false : undefined;
            if (on === undefined) {
                done(new Error(`miner ${miner}: msg.payload must be "sleep" or "wake" (or on/off, true/false)`));
                return;
            }
            // HA's MQTT switch defaults: payload_on "ON", payload_off "OFF" (the brain announces no others).
            connection.publish(control.command_topic, on ? (control.payload_on || 'ON') : (control.payload_off || 'OFF'));
            done();
        }

        node.on('input', (msg, send, done) => {
            if (control) {
                command(msg, done);
                return;
            }
            if (pending.length >= HOLD_LIMIT) {
                done(new Error(`miner ${miner}: the brain has not announced ${deviceId}; command dropped`));
                return;
            }
            pending.push({ msg, done });
        });

        node.on('close', () => {
            clearTimeout(emitTimer);
            pending.forEach(({ done }) => done(new Error('closed before the miner was found')));
            stopDevice();
            stateStops.forEach((stop) => stop());
            stopStatus();
        });
    }

    RED.nodes.registerType('poh-miner', PohMinerNode);
};
