// The dashboard's "incidents per month by severity" chart: uPlot grouped bars, one series per
// severity, drawn on a canvas in the page's light DOM (uPlot's stylesheet is a page file; a
// shadow root would not see it). A canvas cannot read CSS variables, so the colours are read
// from the theme's --vscode-* variables when the chart is drawn, and again when the theme changes.
// Each severity keeps its colour whatever the period shows (its place in the playbook's list),
// and every bar stands out from the editor's background by 3:1 (chartColours.ts).
import uPlot from 'uplot';
import type { MetricsView } from '../../src/shared/protocol';
import { type Rgb, cssHex, opaqueColour, readableOn } from './chartColours';

type Frequency = MetricsView['frequency'];

/** The theme colours each severity's bars take, in the playbook's order (VS Code's chart palette). */
const SERIES_COLOURS = ['--vscode-charts-red', '--vscode-charts-orange', '--vscode-charts-yellow', '--vscode-charts-blue', '--vscode-charts-purple', '--vscode-charts-green'];
const FALLBACK = ['#f14c4c', '#ea5c00', '#cca700', '#3794ff', '#b180d7', '#89d185'];
/** The share of a month's width the group of bars takes. */
const GROUP = 0.8;

function themeColour(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** The bars of the `k`th severity: the theme's chart colour, opaque, at 3:1 against `background`. */
function barColour(k: number, background: Rgb): string {
  const i = k % SERIES_COLOURS.length;
  const colour = opaqueColour(themeColour(SERIES_COLOURS[i], FALLBACK[i])) ?? opaqueColour(FALLBACK[i])!;
  return cssHex(readableOn(colour, background));
}

/** Where a click landed: a month and a severity, when it was on a bar. */
export interface BarHit {
  month: string;
  severity: string;
  count: number;
}

export class FrequencyChart {
  private plot: uPlot | undefined;
  private data: Frequency = { months: [], series: [] };
  /** The playbook's severities, in order: each one's colour. */
  private severities: readonly string[] = [];
  private readonly resize = new ResizeObserver(() => this.fit());
  private readonly themeWatch = new MutationObserver(() => this.draw());

  constructor(
    private readonly host: HTMLElement,
    private readonly onBar: (hit: BarHit) => void,
  ) {
    this.resize.observe(host);
    // VS Code switches the theme by changing the body's classes and the variables with them.
    this.themeWatch.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  }

  /** Draws `data`; `severities` (the playbook's, in order) gives each severity its colour. */
  update(data: Frequency, severities: readonly string[] = []): void {
    this.data = data;
    this.severities = severities;
    this.draw();
  }

  private size() {
    return { width: Math.max(240, this.host.clientWidth), height: 220 };
  }

  private fit(): void {
    if (this.plot) this.plot.setSize(this.size());
  }

  /** The bar under a point of the plot area (CSS pixels from its left edge), if any. */
  private hitAt(left: number): BarHit | undefined {
    const plot = this.plot;
    const n = this.data.series.length;
    if (!plot || !n) return undefined;
    const x = plot.posToVal(left, 'x');
    const month = Math.round(x);
    const k = Math.floor((x - (month - GROUP / 2)) / (GROUP / n));
    if (month < 0 || month >= this.data.months.length || k < 0 || k >= n) return undefined;
    const series = this.data.series[k];
    const count = series.counts[month] ?? 0;
    return count > 0 ? { month: this.data.months[month], severity: series.severity, count } : undefined;
  }

  private draw(): void {
    this.plot?.destroy();
    this.plot = undefined;
    const { months, series } = this.data;
    if (!months.length) return;
    const fg = themeColour('--vscode-foreground', '#cccccc');
    const grid = themeColour('--vscode-editorWidget-border', '#454545');
    const font = `11px ${themeColour('--vscode-font-family', 'sans-serif')}`;
    const background = opaqueColour(themeColour('--vscode-editor-background', '#1f1f1f')) ?? [31, 31, 31];
    // A severity the playbook does not list (or "none") takes the colours after the playbook's.
    let extra = this.severities.length;
    const place = (severity: string) => {
      const i = this.severities.indexOf(severity);
      return i >= 0 ? i : extra++;
    };
    const n = series.length;
    const width = GROUP / n;
    const xs = months.map((_, i) => i);
    const opts: uPlot.Options = {
      ...this.size(),
      scales: { x: { time: false, range: () => [-0.5, months.length - 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max))] } },
      axes: [
        { stroke: fg, font, grid: { show: false }, ticks: { stroke: grid }, splits: () => xs, values: (_u, splits) => splits.map((i) => months[i] ?? '') },
        { stroke: fg, font, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] },
      ],
      // Not live: the legend names the severities; a bar's click lists its incidents (idle live values read "--").
      legend: { show: true, live: false },
      cursor: { drag: { x: false, y: false }, points: { show: false } },
      series: [
        { label: 'Month', value: (_u, v) => (v === null ? '' : (months[v] ?? '')) },
        ...series.map((s, k) => {
          const colour = barColour(place(s.severity), background);
          return {
            label: s.severity,
            stroke: colour,
            fill: colour,
            width: 0,
            paths: uPlot.paths.bars!({
              align: 1,
              disp: {
                x0: { unit: 1, values: (_u: uPlot, _s: number, i0: number, i1: number) => xs.slice(i0, i1 + 1).map((i) => i - GROUP / 2 + k * width) },
                size: { unit: 1, values: () => [width] },
              },
            } as Parameters<NonNullable<typeof uPlot.paths.bars>>[0]),
            points: { show: false },
          } satisfies uPlot.Series;
        }),
      ],
    };
    this.plot = new uPlot(opts, [xs, ...series.map((s) => [...s.counts])], this.host);
    const over = this.plot.over;
    over.addEventListener('click', (e: MouseEvent) => {
      const hit = this.hitAt(e.clientX - over.getBoundingClientRect().left);
      if (hit) this.onBar(hit);
    });
  }

  destroy(): void {
    this.resize.disconnect();
    this.themeWatch.disconnect();
    this.plot?.destroy();
  }
}
