// Plays Home Assistant's part with MQTT.js: reads one retained device config, subscribes to the entity's state and
// the availability topics, publishes a command, and waits until the state comes back. Prints what it saw as JSON.
// Usage: node ha-client.js <url> <config topic> <component key> <command payload> <expected state>
'use strict';
const mqtt = require('mqtt');

const [url, configTopic, componentKey, command, expected] = process.argv.slice(2);
const client = mqtt.connect(url, { clientId: 'mqttjs-ha-' + process.pid, clean: true, reconnectPeriod: 0 });
const seen = { states: [], availability: {} };
let component = null;
let availabilityTopics = [];
let done = false;

const timer = setTimeout(() => {
  console.error('timed out; saw ' + JSON.stringify(seen));
  process.exit(2);
}, 10000);

function finishIfDone() {
  const available = availabilityTopics.length > 0 && availabilityTopics.every((t) => seen.availability[t] === 'online');
  if (available && seen.states.some((s) => s.value === expected && !s.retained)) {
    done = true;
    clearTimeout(timer);
    console.log(JSON.stringify(seen));
    client.end(true, () => process.exit(0));
  }
}

client.on('connect', () => client.subscribe(configTopic, { qos: 1 }));
client.on('error', (err) => {
  if (done) {
    return; // the socket closing after we finished is not a failure
  }
  console.error(err.message);
  process.exit(3);
});
client.on('message', (topic, payload, packet) => {
  if (topic === configTopic && component === null) {
    const config = JSON.parse(payload.toString());
    component = config.cmps[componentKey];
    // Either one availability topic, or a list (the brain's and the device's own, all must be online).
    availabilityTopics = config.avty_t ? [config.avty_t] : config.avty.map((a) => a.t);
    seen.configRetained = packet.retain;
    seen.origin = config.o.name;
    seen.component = component;
    client.subscribe([component.stat_t, ...availabilityTopics], { qos: 1 }, () => {
      client.publish(component.cmd_t, command, { qos: 1 });
    });
    return;
  }
  if (component !== null && availabilityTopics.includes(topic)) {
    seen.availability[topic] = payload.toString();
  } else if (component !== null && topic === component.stat_t) {
    seen.states.push({ value: payload.toString(), retained: packet.retain });
  }
  finishIfDone();
});
