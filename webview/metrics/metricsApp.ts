// The metrics dashboard's page: the figures the host computed with the core (each labelled with
// what it measures), a chart of incidents per month by severity, and the incidents behind them.
// The period and severity filters are sent to the host, which recomputes; a listed incident (or
// a bar holding one incident) opens in the log. Everything from the log is rendered through Lit
// bindings (as text).
import { type PropertyValues, css, html, nothing } from 'lit';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type { MetricsFromWebview, MetricsPeriod, MetricsView } from '../../src/shared/protocol';
import { PanelElement, mountPanel } from '../panelElement';
import { panelPageStyles, toneStyles } from '../panelStyles';
import { type BarHit, FrequencyChart } from './frequencyChart';

// In the order offered (the protocol's METRICS_PERIODS; its values are not imported: zod stays out of the page).
const PERIOD_LABELS: Record<MetricsPeriod, string> = { '30d': 'Last 30 days', '90d': 'Last 90 days', '365d': 'Last 365 days', all: 'All time' };
const PERIODS = Object.keys(PERIOD_LABELS) as MetricsPeriod[];

/** Minutes as a person reads them: "45 min", "2 h 5 min", "3 d 4 h". */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return '–';
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  if (m < 1440) return `${Math.floor(m / 60)} h${m % 60 ? ` ${m % 60} min` : ''}`;
  const h = Math.floor((m % 1440) / 60);
  return `${Math.floor(m / 1440)} d${h ? ` ${h} h` : ''}`;
}

/** A figure's label, "Time to detect: Started (impact began) → Detected": its name, then what it measures, dimmed. */
function figureLabel(label: string) {
  const at = label.indexOf(': ');
  if (at < 0) return label;
  return html`<span class="figure-name">${label.slice(0, at + 1)}</span> <span class="figure-what">${label.slice(at + 2)}</span>`;
}

const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 1000) / 10}%`);

export class IncidentMetrics extends PanelElement<MetricsView, MetricsFromWebview> {
  static properties = {
    bar: { state: true },
  };

  /** The bar clicked: the list shows its month and severity only. */
  declare bar: BarHit | undefined;
  private chart: FrequencyChart | undefined;
  private readonly chartHost = document.createElement('div');

  static styles = [
    panelPageStyles, toneStyles,
    css`
    :host {
      max-width: 1100px;
    }
    h2 {
      font-size: 1.1em;
      font-weight: 600;
      margin: 20px 0 6px;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: center;
      margin: 8px 0;
    }
    select {
      background: var(--vscode-dropdown-background);
      color: var(--vscode-dropdown-foreground);
      border: 1px solid var(--vscode-dropdown-border, transparent);
      padding: 2px 4px;
      font: inherit;
    }
    /* Each table scrolls sideways in its own box when the panel is narrower than its columns
       need (figures never wrap); the page itself never does. */
    .table-scroll {
      max-width: 100%;
      overflow-x: auto;
      margin: 4px 0;
    }
    table {
      border-collapse: collapse;
    }
    th,
    td {
      text-align: left;
      padding: 3px 12px 3px 0;
      vertical-align: top;
    }
    td.num,
    th.num {
      text-align: right;
    }
    td.num {
      white-space: nowrap;
    }
    th {
      font-weight: 600;
      color: var(--vscode-descriptionForeground);
    }
    /* What a compliance figure measures wraps on a few lines, never a word per line. */
    table.compliance th[scope='row'] {
      min-width: 12em;
    }
    button.link {
      background: none;
      border: none;
      padding: 0;
      font: inherit;
      color: var(--vscode-textLink-foreground);
      cursor: pointer;
      text-decoration: underline;
    }
    button.link:focus-visible {
      outline: 1px solid var(--vscode-focusBorder);
    }
    .ids button.link {
      margin-right: 8px;
    }
    .summary {
      display: flex;
      flex-wrap: wrap;
      gap: 24px;
      font-size: 1.1em;
    }
    .summary strong {
      font-size: 1.4em;
    }
    /* An incident's id, severity and month never break inside. */
    button.link,
    .nowrap {
      white-space: nowrap;
    }
    /* Durations: the figure's name, then what it measures (dimmed). On a narrow panel (the
       panel beside the log) each figure becomes a block: its name on a line of its own, then its
       five figures, each named ("Mean 37 min"), wrapping as whole figures. */
    .durations-box {
      container: durations / inline-size;
    }
    table.durations tbody th[scope='row'] {
      min-width: 14em;
      color: var(--vscode-foreground);
    }
    .figure-what {
      font-weight: normal;
      color: var(--vscode-descriptionForeground);
    }
    @container durations (max-width: 40em) {
      table.durations,
      table.durations tbody {
        display: block;
      }
      table.durations thead {
        display: none;
      }
      table.durations tr {
        display: flex;
        flex-wrap: wrap;
        gap: 2px 16px;
        padding: 4px 0;
      }
      table.durations th,
      table.durations td {
        padding: 0;
        text-align: left;
      }
      table.durations tbody th[scope='row'] {
        flex: 1 0 100%;
        min-width: 0;
      }
      table.durations td::before {
        content: attr(data-label) ' ';
        color: var(--vscode-descriptionForeground);
      }
    }
    `,
  ];

  connectedCallback(): void {
    // The chart lives in the light DOM (slotted), where uPlot's stylesheet reaches it.
    this.chartHost.slot = 'chart';
    this.chartHost.className = 'frequency-chart';
    if (!this.chartHost.parentElement) this.append(this.chartHost);
    super.connectedCallback();
  }

  /** A new snapshot shows all its incidents again: a clicked bar's filter ends. */
  protected adopt(view: MetricsView): void {
    this.view = view;
    this.bar = undefined;
  }

  /** The dashboard keeps its title. */
  protected pageTitle(): undefined {
    return undefined;
  }

  /** Nothing to save: there is one dashboard, and it needs no key. */
  protected savedState(): undefined {
    return undefined;
  }

  protected updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!changed.has('view') || !this.view) return;
    this.chart ??= new FrequencyChart(this.chartHost, (hit) => this.onBar(hit));
    this.chart.update(this.view.frequency, this.view.severities);
    const f = this.view.frequency;
    this.chartHost.setAttribute('role', 'img');
    this.chartHost.setAttribute('aria-label', `Incidents per month by severity: ${f.months.map((month, i) => `${month}: ${f.series.map((s) => `${s.severity} ${s.counts[i]}`).join(', ')}`).join('; ') || 'none'}`);
  }

  private onBar(hit: BarHit): void {
    const ids = this.view?.list.filter((r) => r.month === hit.month && (r.severity ?? 'none') === hit.severity) ?? [];
    if (ids.length === 1) this.open(ids[0].id);
    else this.bar = hit;
  }

  private open(incident: string, service?: string): void {
    this.send(service === undefined ? { type: 'open', incident } : { type: 'open', incident, service });
  }

  /** Asks the host for the figures of a period, severity and (over several logs) service. */
  private filter(period: MetricsPeriod, severity: string | null, service: string | null = this.view?.service ?? null): void {
    this.send(this.view?.services ? { type: 'filter', period, severity, service } : { type: 'filter', period, severity });
  }

  private link(id: string, service?: string) {
    return html`<button class="link" aria-label=${`Open ${id}`} @click=${() => this.open(id, service)}>${id}</button>`;
  }

  private renderFilters(v: MetricsView) {
    return html`<div class="filters">
      <label for="period">Period</label>
      <select id="period" aria-label="Period" @change=${(e: Event) => this.filter((e.target as HTMLSelectElement).value as MetricsPeriod, v.severity)}>
        ${PERIODS.map((p) => html`<option value=${p} ?selected=${p === v.period}>${PERIOD_LABELS[p]}</option>`)}
      </select>
      <label for="severity">Severity</label>
      <select id="severity" aria-label="Severity" @change=${(e: Event) => this.filter(v.period, (e.target as HTMLSelectElement).value || null)}>
        <option value="" ?selected=${v.severity === null}>All severities</option>
        ${v.severities.map((s) => html`<option value=${s} ?selected=${s === v.severity}>${s}</option>`)}
      </select>
      ${v.services
        ? html`<label for="service">Service</label>
            <select id="service" aria-label="Service" @change=${(e: Event) => this.filter(v.period, v.severity, (e.target as HTMLSelectElement).value || null)}>
              <option value="" ?selected=${(v.service ?? null) === null}>All services</option>
              ${v.services.map((s) => html`<option value=${s} ?selected=${s === v.service}>${s}</option>`)}
            </select>`
        : nothing}
      <vscode-button icon="export" secondary aria-label="Export CSV" @click=${() => this.send({ type: 'exportCsv' })}>Export CSV</vscode-button>
    </div>`;
  }

  private renderFigures(v: MetricsView) {
    return html`<h2>Durations</h2>
      <div class="table-scroll durations-box"><table class="durations" aria-label="Durations">
        <thead>
          <tr><th scope="col">What it measures</th><th scope="col" class="num">Mean</th><th scope="col" class="num">Median</th><th scope="col" class="num">p90</th><th scope="col" class="num">n</th><th scope="col" class="num">Unknown</th></tr>
        </thead>
        <tbody>
          ${v.figures.map(
            (f) => html`<tr>
              <th scope="row">${figureLabel(f.label)}</th>
              <td class="num" data-label="Mean">${formatMinutes(f.mean)}</td>
              <td class="num" data-label="Median">${formatMinutes(f.median)}</td>
              <td class="num" data-label="p90">${formatMinutes(f.p90)}</td>
              <td class="num" data-label="n">${f.n}</td>
              <td class="num" data-label="Unknown">${f.unknown}</td>
            </tr>`,
          )}
        </tbody>
      </table></div>
      <p class="muted">p90 is the nearest-rank value: rank ⌈0.9 × n⌉ of the sorted values. Unknown: the two times are not both in the log; never guessed.</p>
      ${v.figures
        .filter((f) => f.unknownIds.length)
        .map((f) => html`<p class="ids">Unknown ${f.label.split(':')[0].toLowerCase()}: ${f.unknownIds.map((id) => {
          const why = f.unknownReasons.find((r) => r.id === id)?.reason;
          return why ? html`${this.link(id)} <span class="muted">(${why})</span>` : this.link(id);
        })}</p>`)}
      ${v.mediansBySeverity.length
        ? html`<div class="table-scroll"><table aria-label="Medians by severity">
            <thead>
              <tr><th scope="col">Severity (median)</th>${v.figures.map((f) => html`<th scope="col" class="num">${f.label.split(':')[0]}</th>`)}</tr>
            </thead>
            <tbody>
              ${v.mediansBySeverity.map((s) => html`<tr><th scope="row">${s.severity}</th>${s.medians.map((m) => html`<td class="num">${formatMinutes(m)}</td>`)}</tr>`)}
            </tbody>
          </table></div>`
        : nothing}`;
  }

  private renderCompliance(v: MetricsView) {
    return html`<h2>Compliance</h2>
      <div class="table-scroll"><table class="compliance" aria-label="Compliance">
        <tbody>
          ${v.compliance.map(
            (c) => html`<tr>
              <th scope="row">${c.label}</th>
              <td class="num">${percent(c.share)}</td>
              <td class="muted">${c.share === null ? 'nothing to measure' : `${c.hits} of ${c.measured} ${c.unit}`}</td>
            </tr>`,
          )}
        </tbody>
      </table></div>`;
  }

  private renderActionItems(v: MetricsView) {
    const a = v.actionItems;
    return html`<h2>Action items</h2>
      <p>${a.open} open, ${a.overdue} overdue</p>
      ${a.byOwner.length
        ? html`<div class="table-scroll"><table aria-label="Action items by owner">
            <thead><tr><th scope="col">Owner</th><th scope="col" class="num">Open</th><th scope="col" class="num">Overdue</th></tr></thead>
            <tbody>${a.byOwner.map((o) => html`<tr><th scope="row">${o.owner}</th><td class="num">${o.open}</td><td class="num">${o.overdue}</td></tr>`)}</tbody>
          </table></div>`
        : nothing}`;
  }

  private renderTimeInStatus(v: MetricsView) {
    if (!v.timeInStatus.length) return nothing;
    return html`<h2>Time in each status</h2>
      <div class="table-scroll"><table aria-label="Time in each status">
        <thead><tr><th scope="col">Status</th><th scope="col" class="num">In all</th><th scope="col" class="num">Mean</th><th scope="col" class="num">Incidents</th></tr></thead>
        <tbody>
          ${v.timeInStatus.map((s) => html`<tr><th scope="row">${s.status}</th><td class="num">${formatMinutes(s.totalMinutes)}</td><td class="num">${formatMinutes(s.meanMinutes)}</td><td class="num">${s.incidents}</td></tr>`)}
        </tbody>
      </table></div>`;
  }

  private renderList(v: MetricsView) {
    const bar = this.bar;
    const rows = bar ? v.list.filter((r) => r.month === bar.month && (r.severity ?? 'none') === bar.severity) : v.list;
    return html`<h2>Incidents${bar ? ` in ${bar.month}, ${bar.severity}` : ''}</h2>
      ${bar ? html`<vscode-button secondary aria-label="Show all incidents" @click=${() => (this.bar = undefined)}>Show all incidents</vscode-button>` : nothing}
      <div class="table-scroll"><table aria-label="Incidents">
        <thead><tr>${v.services ? html`<th scope="col">Service</th>` : nothing}<th scope="col">Incident</th><th scope="col">Severity</th><th scope="col">Status</th><th scope="col">Month</th><th scope="col" class="num">Time to resolve</th></tr></thead>
        <tbody>
          ${rows.map((r) => html`<tr>${v.services ? html`<td>${r.service ?? '–'}</td>` : nothing}<td>${this.link(r.id, r.service)}</td><td class="nowrap">${r.severity ?? '–'}</td><td>${r.status ?? '–'}</td><td class="nowrap">${r.month ?? '–'}</td><td class="num">${formatMinutes(r.timeToResolve)}</td></tr>`)}
        </tbody>
      </table></div>`;
  }

  render() {
    if (this.missing) return html`<p class="muted">${this.missing}</p>`;
    const v = this.view;
    if (!v) return html`<p class="muted">Computing the metrics…</p><slot name="chart"></slot>`;
    return html`
      <h1>Incident metrics</h1>
      ${this.renderFilters(v)}
      <div class="summary" aria-label="Counts">
        <span><strong>${v.incidents}</strong> incident${v.incidents === 1 ? '' : 's'}</span>
        <span><strong>${v.drills}</strong> drill${v.drills === 1 ? '' : 's'} (not counted)</span>
        ${Object.entries(v.bySeverity).map(([s, n]) => html`<span>${s}: <strong>${n}</strong></span>`)}
      </div>
      ${this.notice ? html`<p role="status" class="muted">${this.notice.message}</p>` : nothing}
      <h2>Incidents per month by severity</h2>
      ${v.frequency.months.length ? html`<p class="muted">Click a bar to list its incidents (a bar of one incident opens it).</p>` : html`<p class="muted">No incidents in this period.</p>`}
      <slot name="chart"></slot>
      ${this.renderFigures(v)} ${this.renderCompliance(v)} ${this.renderActionItems(v)} ${this.renderTimeInStatus(v)} ${this.renderList(v)}
    `;
  }
}

export function startMetricsApp(root: HTMLElement): void {
  mountPanel(root, 'incident-metrics', IncidentMetrics);
}
