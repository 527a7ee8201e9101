'use strict';

// Shows the connection on a node's status dot; returns the function that stops following it.
function followConnection(node, connection, readyText) {
    return connection.onStatus((connected) => node.status(connected
        ? { fill: 'green', shape: 'dot', text: readyText || 'connected' }
        : { fill: 'red', shape: 'ring', text: 'disconnected' }));
}

module.exports = { followConnection };
