// The whole site as files (path relative to the output folder → text), and what `--dry-run`
// prints: the public text of every incident, exactly as the pages will show it.
import { formatLogTime } from '../format/time';
import { formatElapsed } from '../format/duration';
import { renderAtom, renderRss } from './feeds';
import { renderIncidentPage, renderIndex } from './html';
import type { PublicIncident, StatusPageModel } from './model';
import { DEFERRED_TEXT, pastHeading } from './model';
import { renderStatusJson } from './statusJson';
import { OVERALL_LABELS, STATE_LABELS, STATUS_LABELS } from './words';

export interface SiteFile {
  /** Relative to the output folder, `/`-separated. */
  path: string;
  text: string;
}

export interface SiteOptions {
  baseUrl?: string;
}

/** Every file of the site, in a fixed order: index.html, the incident pages, feed.atom, feed.rss, status.json. */
export function renderSite(model: StatusPageModel, options: SiteOptions = {}): SiteFile[] {
  return [
    { path: 'index.html', text: renderIndex(model) },
    ...[...model.active, ...model.resolved].map((i) => ({ path: i.page, text: renderIncidentPage(i, model) })),
    { path: 'feed.atom', text: renderAtom(model, options) },
    { path: 'feed.rss', text: renderRss(model, options) },
    { path: 'status.json', text: renderStatusJson(model, options.baseUrl) },
  ];
}

/** What `--dry-run` prints: the state, the components, and per incident everything public about it. */
export function dryRunText(model: StatusPageModel): string {
  const zone = model.timeZone;
  const at = (d: Date) => formatLogTime(d, zone);
  const out = [`${model.title}: ${OVERALL_LABELS[model.state]} (as of ${at(model.now)})`];
  if (model.components.length) {
    out.push('', 'Components:');
    for (const c of model.components) out.push(`  ${c.group ? `${c.group} / ` : ''}${c.name}: ${STATE_LABELS[c.state]}`);
  }
  const section = (heading: string, list: readonly PublicIncident[]) => {
    out.push('', `${heading}: ${list.length ? '' : 'none'}`.trimEnd());
    for (const i of list) {
      out.push('', `  ${i.id} → ${i.page}`, `    Title: ${i.title}`, `    Status: ${STATUS_LABELS[i.status]} (impact: ${i.impact})`);
      const names = i.components.length ? i.components.map((c) => c.name) : i.affected;
      if (names.length) out.push(`    Affected: ${names.join(', ')}`);
      if (i.impactText) out.push(`    Impact: ${i.impactText}`);
      if (i.startedAt) out.push(`    Began: ${at(i.startedAt)}`);
      if (i.deferred) out.push(`    Resolved: ${DEFERRED_TEXT}`);
      else if (!i.active) out.push(`    Resolved: ${i.resolvedAt ? at(i.resolvedAt) : 'yes'}${i.durationMinutes !== null ? ` (after ${formatElapsed(i.durationMinutes)})` : ''}`);
      for (const u of i.updates) out.push(`    ${at(u.at)} ${STATUS_LABELS[u.status]}: ${u.body}`);
    }
  };
  section('Active incidents', model.active);
  section(pastHeading(model), model.resolved);
  return `${out.join('\n')}\n`;
}
