// Watches a device's discovery config and its select's state as Home Assistant would, with MQTT.js (a client
// independent of ours), while the brain restarts. Prints "ready" once subscribed (the retained config arrives first),
// then, when a message arrives on the done topic, every message it saw as one JSON line.
// Usage: node restart-watch.js <url> <config topic> <state topic> <done topic>
'use strict';
const mqtt = require('mqtt');

const [url, configTopic, stateTopic, doneTopic] = process.argv.slice(2);
const client = mqtt.connect(url, { clientId: 'mqttjs-watch-' + process.pid, clean: true, reconnectPeriod: 0 });
const seen = [];
let done = false;

const timer = setTimeout(() => {
  console.error('timed out; saw ' + JSON.stringify(seen));
  process.exit(2);
}, 60000);

client.on('connect', () => {
  client.subscribe([configTopic, stateTopic, doneTopic], { qos: 1 }, (err) => {
    if (err) {
      console.error(err.message);
      process.exit(3);
    }
    console.log('ready');
  });
});
client.on('error', (err) => {
  if (!done) {
    console.error(err.message);
    process.exit(3);
  }
});
client.on('message', (topic, payload, packet) => {
  if (topic === doneTopic) {
    done = true;
    clearTimeout(timer);
    console.log(JSON.stringify(seen));
    client.end(true, () => process.exit(0));
    return;
  }
  seen.push({ topic, payload: payload.toString(), retained: packet.retain });
});
