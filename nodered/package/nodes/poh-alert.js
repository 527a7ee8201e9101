'use strict';

const { followConnection } = require('../lib/node-status');

const SEVERITY_RANK = { info: 0, warning: 1, critical: 2 };
const SEEN_LIMIT = 1000;

// "Alert raised": outputs the brain's alerts from `<base>/alerts/events` (every change) and the retained
// `<base>/alerts/open/<key>` (alerts already open when the flow starts), filtered by minimum severity and key.
// Each raise is output once however it arrives (the alert's occurrence id is remembered). An input message
// acknowledges an alert: msg.payload is its key, or an alert object as output here.
module.exports = function (RED) {
    function PohAlertNode(config) {
        RED.nodes.createNode(this, config);
        const node = this;
        const brain = RED.nodes.getNode(config.brain);
        if (!brain || !brain.connection) {
            node.status({ fill: 'red', shape: 'ring', text: 'no brain configured' });
            return;
        }

        const connection = brain.connection;
        const minimum = SEVERITY_RANK[config.severity] ?? 0;
        const everyChange = config.events === 'all';
        const keyPattern = keyMatcher(config.key);
        const seen = new Set();
        const stops = [followConnection(node, connection, everyChange ? 'every change' : 'raised')];

        function wanted(alert) {
            return alert && typeof alert.key === 'string'
                && (SEVERITY_RANK[alert.severity] ?? 0) >= minimum
                && keyPattern(alert.key);
        }

        function firstTime(alert) {
            if (seen.has(alert.id)) {
                return false;
            }
            seen.add(alert.id);
            if (seen.size > SEEN_LIMIT) {
                seen.delete(seen.values().next().value);
            }
            return true;
        }

        function output(alert, event) {
            node.send({ topic: alert.key, payload: alert, event, severity: alert.severity, alert_id: alert.id });
        }

        stops.push(connection.subscribe(connection.alertsTopic('events'), (_, payload) => {
            const alert = parse(payload);
            if (!wanted(alert)) {
                return;
            }
            if (alert.event === 'raised' && !firstTime(alert)) {
                return;
            }
            if (alert.event === 'raised' || everyChange) {
                output(alert, alert.event);
            }
        }));

        // Retained: alerts open before this flow started (and re-publications after the brain reconnects).
        stops.push(connection.subscribe(connection.alertsTopic('open/+'), (_, payload) => {
            const alert = parse(payload);
            if (wanted(alert) && alert.state === 'raised' && firstTime(alert)) {
                output(alert, 'raised');
            }
        }));

        node.on('input', (msg, send, done) => {
            const key = typeof msg.payload === 'string' ? msg.payload : (msg.payload && msg.payload.key) || msg.topic;
            if (!key) {
                done(new Error('acknowledge: msg.payload must be an alert key or an alert object'));
                return;
            }
            connection.publish(connection.alertsTopic('ack'), { key, by: config.by || 'node-red' });
            done();
        });

        node.on('close', () => stops.forEach((stop) => stop()));
    }

    function parse(payload) {
        if (!payload || payload.length === 0) {
            return null;
        }
        try {
            return JSON.parse(payload.toString());
        } catch (e) {
            return null;
        }
    }

    // Empty: every key. Otherwise comma-separated patterns where '*' is any text, e.g. "safety.overload, safety.leak.*".
    function keyMatcher(text) {
        const patterns = (text || '').split(',').map((p) => p.trim()).filter((p) => p.length > 0)
            .map((p) => new RegExp('^' + p.split('*').map(escape).join('.*') + '$'));
        return (key) => patterns.length === 0 || patterns.some((re) => re.test(key));
    }

    function escape(text) {
        return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    }

    RED.nodes.registerType('poh-alert', PohAlertNode);
};
