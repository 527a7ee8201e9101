// MQTT.js as an independent MQTT 3.1.1 peer for ProofOfHeat.Mqtt's cross-client test.
// Usage: node cross-client.js mqtt://127.0.0.1:PORT
// Prints one JSON line per event on stdout: {"event":"ready"} once subscribed and its retained message is
// published, {"event":"message",...} for every message received. It answers "cross/from-dotnet/ping" with
// "cross/from-js/pong" (QoS 1) and exits 0 on "cross/from-dotnet/bye".
'use strict';
const mqtt = require('mqtt');

const url = process.argv[2];
const client = mqtt.connect(url, {
  clientId: 'mqttjs-' + process.pid,
  protocolVersion: 4,
  clean: true,
  reconnectPeriod: 0,
  connectTimeout: 5000,
});
const say = (o) => process.stdout.write(JSON.stringify(o) + '\n');
const fail = (e) => { process.stderr.write(String(e && e.stack || e) + '\n'); process.exit(2); };
setTimeout(() => fail('cross-client.js: timed out'), 20000).unref();

client.on('error', fail);
client.on('connect', () => {
  client.subscribe({ 'cross/from-dotnet/#': { qos: 1 }, 'cross/retained-by-dotnet': { qos: 1 } }, (err) => {
    if (err) return fail(err);
    client.publish('cross/from-js/retained', 'js-retained', { qos: 1, retain: true }, (e) => {
      if (e) return fail(e);
      say({ event: 'ready' });
    });
  });
});
client.on('message', (topic, payload, packet) => {
  const text = payload.toString('utf8');
  say({ event: 'message', topic, payload: text, qos: packet.qos, retain: packet.retain });
  if (topic === 'cross/from-dotnet/ping') {
    client.publish('cross/from-js/pong', 'pong:' + text, { qos: 1 }, (e) => { if (e) fail(e); });
  } else if (topic === 'cross/from-dotnet/bye') {
    // Let the PUBACK for "bye" go out first; a reset while closing is not a failure any more.
    client.removeListener('error', fail);
    client.on('error', () => {});
    setImmediate(() => client.end(false, () => process.exit(0)));
  }
});
