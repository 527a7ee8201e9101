'use strict';

const mqtt = require('mqtt');
const { topicMatches } = require('./topic-match');
const { configTopic, parseDevice } = require('./discovery');

// One MQTT connection to the broker the brain uses, shared by every node that names the same poh-brain config node.
// Subscriptions are reference-counted per filter and restored by MQTT.js after a reconnect (resubscribe: true).
class BrainConnection {
    constructor(options, log) {
        this.baseTopic = (options.baseTopic || 'poh').replace(/\/+$/, '');
        this.discoveryPrefix = (options.discoveryPrefix || 'homeassistant').replace(/\/+$/, '');
        this.nodeId = options.nodeId || 'poh';
        this.log = log || (() => {});
        this.handlers = new Map(); // filter -> Set of handlers
        this.statusListeners = new Set();
        this.connected = false;
        this.client = mqtt.connect(options.url || 'mqtt://127.0.0.1:1883', {
            clientId: options.clientId || `poh-nodered-${Math.random().toString(16).slice(2, 10)}`,
            username: options.username || undefined,
            password: options.password || undefined,
            reconnectPeriod: 2000,
            connectTimeout: 10000,
            resubscribe: true,
        });
        this.client.on('connect', () => this.setConnected(true));
        this.client.on('close', () => this.setConnected(false));
        this.client.on('error', (err) => this.log(`MQTT: ${err.message}`));
        this.client.on('message', (topic, payload, packet) => this.dispatch(topic, payload, packet));
    }

    setConnected(connected) {
        if (this.connected === connected) {
            return;
        }
        this.connected = connected;
        for (const listener of this.statusListeners) {
            listener(connected);
        }
    }

    // Calls listener(connected) now and on every change; returns the function that stops it.
    onStatus(listener) {
        this.statusListeners.add(listener);
        listener(this.connected);
        return () => this.statusListeners.delete(listener);
    }

    // handler(topic, payloadBuffer, retained) for every message matching filter; returns the unsubscribe function.
    subscribe(filter, handler) {
        let set = this.handlers.get(filter);
        if (!set) {
            set = new Set();
            this.handlers.set(filter, set);
            this.client.subscribe(filter, { qos: 1 });
        } else if (set.size > 0) {
            // A second handler on a filter already subscribed would miss the retained messages, so subscribe again:
            // the broker resends them (MQTT 3.1.1 §3.8.4: retained messages are sent on every SUBSCRIBE).
            this.client.subscribe(filter, { qos: 1 });
        }
        set.add(handler);
        return () => {
            set.delete(handler);
            if (set.size === 0 && this.handlers.get(filter) === set) {
                this.handlers.delete(filter);
                this.client.unsubscribe(filter);
            }
        };
    }

    dispatch(topic, payload, packet) {
        for (const [filter, set] of this.handlers) {
            if (!topicMatches(filter, topic)) {
                continue;
            }
            for (const handler of set) {
                try {
                    handler(topic, payload, Boolean(packet && packet.retain));
                } catch (err) {
                    this.log(`handler for ${filter} failed: ${err.message}`);
                }
            }
        }
    }

    publish(topic, payload, options) {
        const text = typeof payload === 'string' || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload);
        this.client.publish(topic, text, { qos: 1, retain: false, ...(options || {}) });
    }

    // Follows the discovery config of `deviceId`: onDevice(device) with { name, components } at each (re)announcement,
    // onDevice(null) when it is removed. Returns the unsubscribe function.
    followDevice(deviceId, onDevice) {
        const topic = configTopic(this.discoveryPrefix, this.nodeId, deviceId);
        return this.subscribe(topic, (_, payload) => onDevice(parseDevice(payload)));
    }

    alertsTopic(suffix) {
        return `${this.baseTopic}/alerts/${suffix}`;
    }

    close(done) {
        this.client.end(false, {}, () => done && done());
    }
}

module.exports = { BrainConnection };
