'use strict';

const { BrainConnection } = require('../lib/brain-connection');

// The brain's connection: the MQTT broker it uses, its base topic, HA's discovery prefix and the brain's node id
// (the prefix of its discovery object ids). The other nodes of this package share one connection per config node.
module.exports = function (RED) {
    function PohBrainNode(config) {
        RED.nodes.createNode(this, config);
        const node = this;
        node.connection = new BrainConnection({
            url: config.broker,
            baseTopic: config.baseTopic,
            discoveryPrefix: config.discoveryPrefix,
            nodeId: config.nodeId,
            username: node.credentials && node.credentials.username,
            password: node.credentials && node.credentials.password,
        }, (text) => node.warn(text));
        let wasConnected = false;
        node.connection.onStatus((connected) => {
            if (connected !== wasConnected) {
                node.log(connected ? `connected to ${config.broker}` : `disconnected from ${config.broker}`);
            }
            wasConnected = connected;
        });
        node.on('close', (done) => node.connection.close(done));
    }

    RED.nodes.registerType('poh-brain', PohBrainNode, {
        credentials: {
            username: { type: 'text' },
            password: { type: 'password' },
        },
    });
};
