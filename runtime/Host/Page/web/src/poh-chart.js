import { LitElement, html } from 'lit';
import uPlot from 'uplot';

/**
 * A time-series chart: `series` is [{ label, points: [[unixSeconds, value], …], scale?, color? }]. The series are
 * joined on one time axis (uPlot takes columns: times, then one column of values per series, null where a series
 * has no point). The uPlot instance is `this.plot`, so tests can read back what it holds.
 */
export class PohChart extends LitElement {
  static properties = { series: { attribute: false }, heading: {}, empty: {} };

  constructor() {
    super();
    this.series = [];
    this.heading = '';
    this.empty = 'no data recorded';
    this.plot = null;
    this._resize = () => this.plot && this.plot.setSize(this._size());
  }

  // Light DOM: uPlot's stylesheet is the page's, and tests reach the chart with plain selectors.
  createRenderRoot() { return this; }

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener('resize', this._resize);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('resize', this._resize);
    this.plot?.destroy();
    this.plot = null;
  }

  /** How many points the chart holds (non-null values over all series). */
  get pointCount() {
    if (!this.plot) return 0;
    return this.plot.data.slice(1).reduce((n, column) => n + column.filter((v) => v !== null && v !== undefined).length, 0);
  }

  render() {
    const hasData = this.series.some((s) => s.points.length > 0);
    return html`<figure class="chart">
      ${this.heading ? html`<figcaption>${this.heading}</figcaption>` : ''}
      ${hasData ? html`<div class="plot"></div>` : html`<p class="muted">${this.empty}</p>`}
    </figure>`;
  }

  updated() {
    this.plot?.destroy();
    this.plot = null;
    const target = this.querySelector('.plot');
    if (!target) return;
    const times = [...new Set(this.series.flatMap((s) => s.points.map((p) => p[0])))].sort((a, b) => a - b);
    const index = new Map(times.map((t, i) => [t, i]));
    const columns = this.series.map((s) => {
      const column = new Array(times.length).fill(null);
      for (const [t, v] of s.points) column[index.get(t)] = v;
      return column;
    });
    const scales = [...new Set(this.series.map((s) => s.scale || 'y'))];
    const ink = getComputedStyle(this).color;
    const grid = { stroke: 'rgba(128,128,128,0.25)' };
    const opts = {
      ..._size(target),
      scales: { x: { time: true } },
      series: [{}, ...this.series.map((s) => ({
        label: s.label, scale: s.scale || 'y', stroke: s.color, width: 2, spanGaps: true,
        paths: s.steps ? uPlot.paths.stepped({ align: 1 }) : undefined,
      }))],
      axes: [
        { stroke: ink, grid },
        ...scales.map((scale, i) => ({ scale, stroke: ink, grid: i === 0 ? grid : { show: false }, side: i === 0 ? 3 : 1, label: scale === 'y' ? '' : scale })),
      ],
      legend: { live: false },
    };
    this.plot = new uPlot(opts, [times, ...columns], target);
  }

  _size() { return _size(this.querySelector('.plot') || this); }
}

function _size(element) {
  const width = Math.max(240, Math.floor(element.clientWidth || 600));
  return { width, height: Math.round(Math.min(260, Math.max(160, width * 0.4))) };
}

customElements.define('poh-chart', PohChart);
