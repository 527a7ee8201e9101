// Plays Home Assistant's alarm panel card with MQTT.js: reads the brain's retained device config, takes the alarm
// panel component, and for each step renders the command as HA does (the component's command_template with `action`
// and `code`, where a code not typed is Jinja's "None"; the bare action when there is no template), publishes it, and
// waits for the next state the brain publishes. Prints the component and what each step saw as JSON.
// Usage: node ha-alarm-keypad.js <url> <config topic> <component key> <steps JSON: [{"action":"ARM_AWAY","code":null}]>
'use strict';
const mqtt = require('mqtt');

const [url, configTopic, componentKey, stepsJson] = process.argv.slice(2);
const steps = JSON.parse(stepsJson);
const client = mqtt.connect(url, { clientId: 'mqttjs-ha-alarm-' + process.pid, clean: true, reconnectPeriod: 0 });
const seen = { component: null, initial: null, steps: [] };
let component = null;
let waiting = null;

const timer = setTimeout(() => {
  console.error('timed out; saw ' + JSON.stringify(seen));
  process.exit(2);
}, 10000);

function render(step) {
  if (!component.cmd_tpl) {
    return step.action;
  }
  // HA renders command_template with the variables action and code (code is None when nothing was typed).
  return component.cmd_tpl
    .split('{{ action }}').join(step.action)
    .split('{{ code }}').join(step.code === null || step.code === undefined ? 'None' : String(step.code));
}

function next(index) {
  if (index >= steps.length) {
    clearTimeout(timer);
    console.log(JSON.stringify(seen));
    client.end(true, () => process.exit(0));
    return;
  }
  const payload = render(steps[index]);
  waiting = (state) => {
    seen.steps.push({ sent: payload, state });
    next(index + 1);
  };
  client.publish(component.cmd_t, payload, { qos: 1 });
}

client.on('connect', () => client.subscribe(configTopic, { qos: 1 }));
client.on('error', (err) => {
  console.error(err.message);
  process.exit(3);
});
client.on('message', (topic, payload, packet) => {
  if (topic === configTopic && component === null) {
    component = JSON.parse(payload.toString()).cmps[componentKey];
    seen.component = component;
    client.subscribe(component.stat_t, { qos: 1 });
    return;
  }
  if (component === null || topic !== component.stat_t) {
    return;
  }
  const state = payload.toString();
  if (packet.retain && seen.initial === null) {
    seen.initial = state; // the broker's replay on subscribing: the state before the first step
    next(0);
  } else if (!packet.retain && waiting !== null) {
    const done = waiting;
    waiting = null;
    done(state);
  }
});
