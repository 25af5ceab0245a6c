// The status page's HTML: `index.html` (the state now, the components, the active incidents with
// their latest update, the incidents resolved in the last N days) and one page per incident (its
// updates in order and its resolution). Static: no script, one inline style allowed by hash, no
// request to any origin, every link relative so the site works from file:// and any sub-path.
// Every string from the log is escaped here, once, by `esc`.
import { formatLogTime } from '../format/time';
import { formatElapsed } from '../format/duration';
import type { ComponentState, PublicComponent, PublicIncident, PublicUpdate, StatusPageModel } from './model';
import { DEFERRED_TEXT, pastHeading } from './model';
import { CONTENT_SECURITY_POLICY, STYLE } from './style';
import { OVERALL_LABELS, STATE_LABELS, STATUS_LABELS, esc } from './words';

/** `<time datetime="…">2026-11-21 00:20 UTC</time>` in the playbook's zone. */
function timeTag(at: Date, zone: string): string {
  return `<time datetime="${at.toISOString()}">${esc(formatLogTime(at, zone))}</time>`;
}

/** A whole page: `root` is the way back to the site's root from it (`` or `../`). */
function page(model: StatusPageModel, heading: string, root: string, body: string): string {
  const title = heading === model.title ? model.title : `${heading} · ${model.title}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${esc(CONTENT_SECURITY_POLICY)}">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<title>${esc(title)}</title>
<link rel="alternate" type="application/atom+xml" title="${esc(model.title)}" href="${root}feed.atom">
<link rel="alternate" type="application/rss+xml" title="${esc(model.title)}" href="${root}feed.rss">
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header><p><a href="${root}index.html">${esc(model.title)}</a></p></header>
<main id="main">
<h1>${esc(heading)}</h1>
${body}
</main>
<footer>
<p><a href="${root}feed.atom">Atom feed</a> · <a href="${root}feed.rss">RSS feed</a> · <a href="${root}status.json">status.json</a></p>
<p>As of ${timeTag(model.now, model.timeZone)}.</p>
</footer>
</body>
</html>
`;
}

function stateBadge(state: ComponentState): string {
  return `<span class="state state-${state}">${STATE_LABELS[state]}</span>`;
}

function componentItem(c: PublicComponent): string {
  return `<li><span class="label">${esc(c.name)}</span> ${stateBadge(c.state)}</li>`;
}

/** The components, those without a group first, then each group under its name, in playbook order. */
function componentsSection(components: readonly PublicComponent[]): string {
  if (components.length === 0) return '';
  const loose = components.filter((c) => !c.group);
  const groups: string[] = [];
  for (const c of components) if (c.group && !groups.includes(c.group)) groups.push(c.group);
  const parts = [`<section aria-labelledby="components">`, `<h2 id="components">Components</h2>`];
  if (loose.length) parts.push(`<ul class="plain components">`, ...loose.map(componentItem), `</ul>`);
  groups.forEach((g, i) => {
    parts.push(`<section class="group" aria-labelledby="group-${i + 1}">`, `<h3 id="group-${i + 1}">${esc(g)}</h3>`, `<ul class="plain components">`);
    parts.push(...components.filter((c) => c.group === g).map(componentItem), `</ul>`, `</section>`);
  });
  parts.push(`</section>`);
  return parts.join('\n');
}

/** What an incident affects: its components' names (or its Affected names as written). */
function affectedText(incident: PublicIncident): string | null {
  const names = incident.components.length ? incident.components.map((c) => c.name) : incident.affected;
  return names.length ? names.join(', ') : null;
}

function updateItem(u: PublicUpdate, zone: string): string {
  return `<li><p><span class="stage">${STATUS_LABELS[u.status]}</span> · ${timeTag(u.at, zone)}</p><p>${esc(u.body)}</p></li>`;
}

/** An incident on the index: title (linking to its page), stage, what it affects, its newest update or its resolution. */
function incidentCard(incident: PublicIncident, model: StatusPageModel, level: 'h3'): string {
  const zone = model.timeZone;
  const lines = [`<article class="card">`, `<${level}><a href="${esc(incident.page)}">${esc(incident.title)}</a></${level}>`];
  const affected = affectedText(incident);
  if (incident.active) {
    lines.push(`<p class="meta"><span class="stage">${STATUS_LABELS[incident.status]}</span>${incident.startedAt ? ` · since ${timeTag(incident.startedAt, zone)}` : ''}</p>`);
    if (affected) lines.push(`<p class="meta">Affects: ${esc(affected)}</p>`);
    if (incident.impactText) lines.push(`<p>${esc(incident.impactText)}</p>`);
    const latest = incident.updates[incident.updates.length - 1];
    if (latest) lines.push(`<p>Latest update, ${timeTag(latest.at, zone)}: ${esc(latest.body)}</p>`);
  } else {
    lines.push(`<p class="meta">${incident.deferred ? DEFERRED_TEXT : resolutionText(incident, zone)}</p>`);
    if (affected) lines.push(`<p class="meta">Affected: ${esc(affected)}</p>`);
  }
  lines.push(`</article>`);
  return lines.join('\n');
}

/** `Resolved 2026-11-02 10:45 UTC, after 4 h 35 min`. */
function resolutionText(incident: PublicIncident, zone: string): string {
  const when = incident.resolvedAt ? ` ${timeTag(incident.resolvedAt, zone)}` : '';
  const lasted = incident.durationMinutes !== null ? `, after ${esc(formatElapsed(incident.durationMinutes))}` : '';
  return `Resolved${when}${lasted}`;
}

function incidentList(incidents: readonly PublicIncident[], model: StatusPageModel): string {
  return [`<ul class="plain">`, ...incidents.map((i) => `<li>\n${incidentCard(i, model, 'h3')}\n</li>`), `</ul>`].join('\n');
}

export function renderIndex(model: StatusPageModel): string {
  const parts = [
    `<section aria-labelledby="now">`,
    `<h2 id="now">Current status</h2>`,
    `<p class="banner state-${model.state}"><span class="label">${OVERALL_LABELS[model.state]}</span></p>`,
    `</section>`,
    componentsSection(model.components),
    `<section aria-labelledby="active">`,
    `<h2 id="active">Active incidents</h2>`,
    model.active.length ? incidentList(model.active, model) : `<p>No active incidents.</p>`,
    `</section>`,
    `<section aria-labelledby="past">`,
    `<h2 id="past">${pastHeading(model)}</h2>`,
    model.resolved.length ? incidentList(model.resolved, model) : `<p>No incidents.</p>`,
    `</section>`,
  ];
  return page(model, model.title, '', parts.filter(Boolean).join('\n'));
}

/** An incident's own page: its stage, what it affects, its impact, its updates in order, its resolution. */
export function renderIncidentPage(incident: PublicIncident, model: StatusPageModel): string {
  const zone = model.timeZone;
  const affected = affectedText(incident);
  const facts = [`<dt>Status</dt><dd>${STATUS_LABELS[incident.status]}</dd>`];
  if (incident.startedAt) facts.push(`<dt>Began</dt><dd>${timeTag(incident.startedAt, zone)}</dd>`);
  if (!incident.active) facts.push(`<dt>Resolved</dt><dd>${incident.deferred ? DEFERRED_TEXT : incident.resolvedAt ? timeTag(incident.resolvedAt, zone) : 'Yes'}</dd>`);
  if (incident.durationMinutes !== null) facts.push(`<dt>Duration</dt><dd>${esc(formatElapsed(incident.durationMinutes))}</dd>`);
  if (affected) facts.push(`<dt>Affected</dt><dd>${esc(affected)}</dd>`);
  const parts = [`<dl class="meta">`, ...facts, `</dl>`];
  if (incident.impactText) parts.push(`<section aria-labelledby="impact">`, `<h2 id="impact">Impact</h2>`, `<p>${esc(incident.impactText)}</p>`, `</section>`);
  parts.push(`<section aria-labelledby="updates">`, `<h2 id="updates">Updates</h2>`);
  // Newest first, as status pages list them.
  if (incident.updates.length) parts.push(`<ol class="plain updates" reversed>`, ...[...incident.updates].reverse().map((u) => updateItem(u, zone)), `</ol>`);
  else parts.push(`<p>No updates posted yet.</p>`);
  parts.push(`</section>`, `<p><a href="../index.html">Back to the current status</a></p>`);
  return page(model, incident.title, '../', parts.join('\n'));
}
