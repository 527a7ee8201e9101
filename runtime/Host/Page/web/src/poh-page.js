import { LitElement, html } from 'lit';
import { api, ApiError, storedToken, storeToken } from './api.js';
import { num, time } from './format.js';
import './poh-zone.js';

const REFRESH_MS = 15000;

/**
 * The brain's page: status (Home Assistant, MQTT, apps with their switches), zones, miners, alerts, the audit log and
 * the config check. Each section loads on its own and shows its own error, so one failing endpoint hides nothing else.
 * Buttons the caller may not use are disabled (from /api/me); the API's gate decides all the same.
 */
export class PohPage extends LitElement {
  static properties = { _data: { state: true }, _errors: { state: true }, _busy: { state: true }, _tick: { state: true }, _needsToken: { state: true } };

  constructor() {
    super();
    this._data = {};
    this._errors = {};
    this._busy = '';
    this._tick = 0;
    this._needsToken = false;
  }

  createRenderRoot() { return this; }

  connectedCallback() {
    super.connectedCallback();
    this.refresh();
    this._timer = setInterval(() => this.refresh(), REFRESH_MS);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this._timer);
  }

  /** Loads every section again. */
  async refresh() {
    const sections = {
      me: 'api/me', status: 'api/status', apps: 'api/apps', zones: 'api/zones', miners: 'api/miners',
      alerts: 'api/alerts', audit: 'api/audit?limit=50', config: 'api/config/check',
    };
    const names = Object.keys(sections);
    const results = await Promise.allSettled(names.map((n) => api(sections[n])));
    const data = { ...this._data };
    const errors = {};
    results.forEach((r, i) => {
      if (r.status === 'fulfilled') data[names[i]] = r.value;
      else { errors[names[i]] = r.reason; delete data[names[i]]; }
    });
    this._needsToken = Object.values(errors).some((e) => e instanceof ApiError && e.status === 401);
    this._data = data;
    this._errors = errors;
    this._tick += 1;
    this.dataset.loaded = String(this._tick);
  }

  async _act(label, call) {
    this._busy = label;
    try {
      await call();
      this._errors = { ...this._errors, action: undefined };
    } catch (e) {
      this._errors = { ...this._errors, action: e };
    } finally {
      this._busy = '';
      await this.refresh();
    }
  }

  _switchApp(app) {
    return this._act(`app:${app.id}`, () => api(`api/apps/${encodeURIComponent(app.id)}/enabled`, { method: 'PUT', body: { enabled: !app.enabled } }));
  }

  _acknowledge(alert) {
    return this._act(`alert:${alert.key}`, () => api(`api/alerts/${encodeURIComponent(alert.key)}/ack`, { method: 'POST' }));
  }

  render() {
    const e = this._errors;
    return html`
      <header class="top">
        <h1>Proof-of-Heat</h1>
        <span class="muted">${this._data.me?.name ? `${this._data.me.name} (${this._data.me.role})` : ''}</span>
      </header>
      ${this._needsToken ? this._tokenForm() : ''}
      ${e.action ? html`<p class="error" role="alert" id="action-error">${e.action.message}</p>` : ''}
      <main>
        ${this._section('status', 'Status', () => this._status())}
        ${this._section('zones', 'Zones', () => this._zones())}
        ${this._section('miners', 'Miners', () => this._miners())}
        ${this._section('alerts', 'Alerts', () => this._alerts())}
        ${this._section('audit', 'Audit log', () => this._audit())}
        ${this._section('config', 'Config check', () => this._config())}
      </main>`;
  }

  _section(id, title, body) {
    const error = this._errors[id] || (id === 'status' && this._errors.apps);
    return html`<section id=${id}>
      <h2>${title}</h2>
      ${error ? error.status === 503 || (error.status === 403 && this._data.me) ? html`<p class="muted">${error.message}</p>`
        : html`<p class="error" role="alert">${title}: ${error.message}</p>` : ''}
      ${this._data[id] ? body() : error ? '' : html`<p class="muted">loading…</p>`}
    </section>`;
  }

  _tokenForm() {
    const save = (ev) => {
      ev.preventDefault();
      storeToken(new FormData(ev.target).get('token'));
      this.refresh();
    };
    return html`<form class="card token" @submit=${save}>
      <label>This brain wants an API token (<code>http.tokens</code> in its config):
        <input name="token" type="password" autocomplete="off" .value=${storedToken() || ''}></label>
      <button type="submit">Use token</button>
    </form>`;
  }

  _status() {
    const s = this._data.status;
    const home = s.home || {};
    const mqtt = s.mqtt;
    const mayChange = this._data.me?.may?.switchApps === true;
    const apps = this._data.apps || [];
    return html`<div class="grid">
      <div class="card"><h3>Home Assistant</h3>
        <p class=${home.connected ? 'ok' : 'bad'}>${home.connected ? 'connected' : 'disconnected'} · ${home.backend || '–'}</p>
        <p class="muted">${home.entities ?? 0} entities${home.lastDisconnectReason ? ` · last drop: ${home.lastDisconnectReason}` : ''}</p></div>
      <div class="card"><h3>MQTT</h3>
        ${mqtt ? html`<p class=${mqtt.connected ? 'ok' : 'bad'}>${mqtt.connected ? 'connected' : 'disconnected'}</p><p class="muted">${mqtt.broker}</p>`
          : html`<p class="muted">not configured</p>`}</div>
      <div class="card apps"><h3>Apps</h3>
        <ul class="apps">${apps.map((app) => html`<li data-app=${app.id}>
          <span>${app.id} <small class="muted">${app.state}</small></span>
          <button role="switch" aria-checked=${app.enabled ? 'true' : 'false'} class="switch"
            ?disabled=${!mayChange || this._busy === `app:${app.id}`}
            title=${mayChange ? (app.enabled ? 'switch off' : 'switch on') : 'only admins switch apps'}
            @click=${() => this._switchApp(app)}>${app.enabled ? 'On' : 'Off'}</button>
          ${app.lastError ? html`<small class="bad">${app.lastError}</small>` : ''}</li>`)}</ul></div>
    </div>`;
  }

  _zones() {
    const zones = this._data.zones;
    if (zones.length === 0) return html`<p class="muted">no zone decided yet</p>`;
    const now = Date.parse(this._data.me?.now || new Date().toISOString()) / 1000;
    return html`<div class="zones">${zones.map((z) => html`<poh-zone .zone=${z} .now=${now} .tick=${this._tick}></poh-zone>`)}</div>`;
  }

  _miners() {
    const m = this._data.miners;
    return html`<div class="scroll"><table class="miners">
      <thead><tr><th>Miner</th><th>Status</th><th>Hashrate</th><th>Power</th><th>Hottest</th><th>Boards</th><th>Mode</th><th>Revenue</th></tr></thead>
      <tbody>${m.miners.map((x) => html`<tr data-miner=${x.id}>
        <td>${x.name}<br><small class="muted">${x.family}</small></td>
        <td class=${x.status === 'mining' ? 'ok' : x.status === 'unreachable' || x.status === 'faulted' ? 'bad' : ''}>${x.status || '–'}${x.thermal !== 'normal' ? html`<br><small class="bad">${x.thermal}</small>` : ''}</td>
        <td>${num(x.hashrateTerahash, 1, 'TH/s')}</td>
        <td>${num(x.powerWatts, 0, 'W')}${x.powerLimitWatts ? html`<br><small class="muted">limit ${x.powerLimitWatts} W</small>` : ''}</td>
        <td>${num(x.maxTemperature, 0, '°C')}</td>
        <td>${x.boardTemperatures.length ? x.boardTemperatures.map((t) => num(t, 0)).join(' / ') : '–'}</td>
        <td>${x.mode || '–'}</td>
        <td>${num(x.revenuePerHour, 4, `${m.currency}/h`)}</td></tr>`)}
      ${m.disabled.map((d) => html`<tr class="muted"><td>${d.id}</td><td colspan="7">not run: ${d.reason}</td></tr>`)}</tbody>
    </table></div>`;
  }

  _alerts() {
    const alerts = this._data.alerts;
    const mayAck = this._data.me?.may?.acknowledgeAlerts === true;
    if (alerts.length === 0) return html`<p class="ok">no open alerts</p>`;
    return html`<ul class="alerts">${alerts.map((a) => html`<li class="card alert ${a.severity} ${a.state}" data-alert=${a.key}>
      <div><strong>${a.title}</strong> <span class="pill">${a.severity}</span> <span class="pill state">${a.state}</span>
        <p>${a.message}</p>
        <small class="muted">${a.source} · raised ${time(a.raisedAt)}${a.by ? ` · acknowledged by ${a.by}` : ''}</small></div>
      ${a.state === 'raised' ? html`<button class="ack" ?disabled=${!mayAck || this._busy === `alert:${a.key}`}
        title=${mayAck ? 'acknowledge' : 'only admins acknowledge'} @click=${() => this._acknowledge(a)}>Acknowledge</button>` : ''}
    </li>`)}</ul>`;
  }

  _audit() {
    const entries = this._data.audit.entries; // newest first, as the API answers
    if (entries.length === 0) return html`<p class="muted">nothing changed lately</p>`;
    return html`<div class="scroll"><table class="audit">
      <thead><tr><th>When</th><th>Who</th><th>What</th><th>Target</th><th>Result</th></tr></thead>
      <tbody>${entries.map((x) => html`<tr><td>${time(x.at)}</td><td>${x.who}</td><td>${x.what}</td><td>${x.target}</td><td>${x.result}</td></tr>`)}</tbody>
    </table></div>`;
  }

  _config() {
    const c = this._data.config;
    return html`<p class=${c.ok ? 'ok' : 'bad'}>${c.ok ? 'config OK' : `${c.problems.length} problem(s)`} · <span class="muted">${c.sources}</span></p>
      ${c.problems.length ? html`<ul class="problems">${c.problems.map((p) => html`<li><code>${p.file}${p.line ? `:${p.line}:${p.column}` : ''}</code>
        ${p.key ? html`<code>${p.key}</code>` : ''} ${p.problem} <em>${p.fix}</em></li>`)}</ul>` : ''}`;
  }
}

customElements.define('poh-page', PohPage);
