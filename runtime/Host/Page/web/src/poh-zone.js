import { LitElement, html } from 'lit';
import { api, query } from './api.js';
import { num, time } from './format.js';
import './poh-chart.js';

const HOUR = 3600;
const PLAN_HOURS = 36;

/**
 * One zone: room, target and band, the last 24 h from the telemetry store (table `zone`: room_c, target_c), and the
 * plan for the next 36 h (table `plan`: power_w per source; table `price`: electricity_per_kwh), read through
 * /api/telemetry/series. `now` is the brain's clock (unix seconds), so "next 36 h" means the brain's.
 */
export class PohZone extends LitElement {
  static properties = {
    zone: { attribute: false }, now: { type: Number }, tick: { type: Number },
    _history: { state: true }, _plan: { state: true }, _error: { state: true },
  };

  constructor() {
    super();
    this._history = [];
    this._plan = [];
    this._error = '';
  }

  createRenderRoot() { return this; }

  willUpdate(changed) {
    if (changed.has('zone') || changed.has('tick')) this._load();
  }

  async _load() {
    const zone = this.zone;
    if (!zone) return;
    try {
      const history = zone.history
        ? await Promise.all([['room_c', 'room °C'], ['target_c', 'target °C']].map(([field, label]) =>
          points({ table: 'zone', symbols: zone.history, field }).then((p) => ({ label, points: p, scale: '°C', color: field === 'room_c' ? '#e8590c' : '#1c7ed6', steps: field === 'target_c' }))))
        : [];
      this._history = history;
      this._plan = await this._loadPlan(zone);
      this._error = '';
    } catch (e) {
      this._error = `charts: ${e.message}`;
    }
  }

  async _loadPlan(zone) {
    const from = new Date(this.now * 1000).toISOString();
    const to = new Date((this.now + PLAN_HOURS * HOUR) * 1000).toISOString();
    const sources = zone.plan ? new Set(zone.plan.sources.map((s) => s.id)) : null;
    const listed = await api(`api/telemetry/series?${query({ table: 'plan' })}`);
    const power = listed.series
      .filter((s) => s.field === 'power_w')
      .map((s) => ({ symbols: s.symbols, source: (s.symbols.match(/(?:^|,)source=([^,]*)/) || [])[1] || s.symbols }))
      .filter((s) => !sources || sources.has(s.source));
    const palette = ['#2f9e44', '#f08c00', '#7048e8', '#c2255c', '#0c8599'];
    const series = await Promise.all(power.map((s, i) =>
      points({ table: 'plan', symbols: s.symbols, field: 'power_w', from, to, resolution: 'raw' })
        .then((p) => ({ label: `${s.source} W`, points: p, scale: 'W', color: palette[i % palette.length], steps: true }))));
    const price = await points({ table: 'price', symbols: '', field: 'electricity_per_kwh', from, to, resolution: 'raw' })
      .catch(() => []);
    return [...series, { label: 'price /kWh', points: price, scale: '/kWh', color: '#868e96', steps: true }];
  }

  render() {
    const z = this.zone;
    const band = z.lower !== null && z.upper !== null ? `${num(z.lower)}–${num(z.upper)}\u202f°C` : 'TPI (no band yet)';
    return html`<article class="card zone" data-zone=${z.id}>
      <header><h3>${z.id}</h3><span class="pill">${z.rule}</span></header>
      <dl class="facts">
        <div><dt>Room</dt><dd class="big">${num(z.room, 1, '°C')}</dd></div>
        <div><dt>Target</dt><dd class="big">${num(z.target, 1, '°C')}</dd></div>
        <div><dt>Band</dt><dd>${band}</dd></div>
        <div><dt>Power</dt><dd>${num(z.powerWatts, 0, 'W')}</dd></div>
        <div><dt>Outdoor</dt><dd>${num(z.outdoor, 1, '°C')}</dd></div>
        <div><dt>Decided</dt><dd>${time(z.at)}</dd></div>
      </dl>
      <p class="muted">${z.reason}</p>
      ${z.plan ? html`<table class="plan-now">
        <caption>Now: ${num(z.plan.price, 3)} /kWh${z.plan.safeMode ? html` · <strong>safe mode: ${z.plan.safeMode}</strong>` : ''}</caption>
        <thead><tr><th>Source</th><th>Power</th><th>Heat cost /kWh</th></tr></thead>
        <tbody>${z.plan.sources.map((s) => html`<tr><td>${s.id}</td><td>${num(s.watts, 0, 'W')}</td>
          <td>${num((z.plan.heatCosts.find((c) => c.id === s.id) || {}).eurPerKwhHeat, 3)}</td></tr>`)}</tbody>
      </table>` : ''}
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : ''}
      <poh-chart class="history" heading="Last 24 h" .series=${this._history} empty="no history recorded for this zone yet"></poh-chart>
      <poh-chart class="plan" heading="Plan, next 36 h" .series=${this._plan.filter((s) => s.points.length > 0)} empty="no plan recorded for the next 36 h"></poh-chart>
    </article>`;
  }
}

async function points(params) {
  const answer = await api(`api/telemetry/series?${query(params)}`);
  // Rows are [unix seconds, mean, min, max, last, count]; the chart draws the mean.
  return answer.points.map((row) => [row[0], row[1]]);
}

customElements.define('poh-zone', PohZone);
