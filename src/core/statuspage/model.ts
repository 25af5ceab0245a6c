// What the public status page says, read from the log: the overall state, each component's
// state, the active incidents and those resolved in the last N days, and per incident only what
// the team made public — its status page updates (`Status update (status page): …` as the
// composer and `incident update --audience statuspage --sent` log them, and hand-written
// `Status page: "…" posted` entries), its `Public title`, `Public impact` and `Affected`
// components. Nothing else of an incident is read into this model: no other entry, no name, no
// role, no link field, no review. The renderers (html.ts, atom.ts, statusJson.ts) read only this.
import type { Incident, LogIndex, TimelineEntry } from '../model';
import { type Policy, isResolvedStatus, matchSeverity } from '../playbook/policy';
import { type StatusState, policyOf, statusState } from '../indexer';
import { statusPagePostText, statusUpdateAudience } from '../comms/statusUpdate';
import { detectedAt, isDrill, resolvedAt, startedAt, statusChangeOf } from '../metrics/times';
import { stripInline } from '../reader/text';
import { toDate } from '../format/time';
import { type StatusComponent, affectedComponents, affectedNames, publicField, statusPageOf } from './components';

/** A component's state, worst last (Statuspage's words). */
export type ComponentState = 'operational' | 'degraded_performance' | 'partial_outage' | 'major_outage';
export const STATE_ORDER: readonly ComponentState[] = ['operational', 'degraded_performance', 'partial_outage', 'major_outage'];
/** An incident's stage as a status page says it (Statuspage's words). */
export type PublicStatus = 'investigating' | 'identified' | 'monitoring' | 'resolved';
/** How bad an incident is, from its severity (Statuspage's words). */
export type Impact = 'none' | 'minor' | 'major' | 'critical';

export interface PublicUpdate {
  /** Stable within the incident: the update's time, and `-2`, `-3` for later updates at the same time. */
  key: string;
  at: Date;
  status: PublicStatus;
  /** The words customers were told, inline markdown removed (and a composed headline's leading stage). */
  body: string;
}

export interface PublicIncident {
  id: string;
  /** Its page, relative to the site's root: `incidents/INC-2026-1121-001.html`. */
  page: string;
  /** The Public title, else a neutral one made from its components and impact (see genericTitle). */
  title: string;
  /** The Public impact field; null without one. */
  impactText: string | null;
  impact: Impact;
  status: PublicStatus;
  active: boolean;
  /** Put off on purpose: not active, and not resolved either (`status` is the last stage announced). */
  deferred?: true;
  /** The playbook's components it affects. */
  components: StatusComponent[];
  /** Its Affected names as written, when the playbook lists no components. */
  affected: string[];
  /** When impact began (the Started field or moment), else when it was detected. */
  startedAt: Date | null;
  resolvedAt: Date | null;
  durationMinutes: number | null;
  /** Oldest first. */
  updates: PublicUpdate[];
  /** The newest update's time, else startedAt. */
  updatedAt: Date | null;
  /** The first update said in Monitoring. */
  monitoringAt: Date | null;
}

export interface PublicComponent extends StatusComponent {
  state: ComponentState;
  /** The newest update of an incident affecting it; null when none did. */
  updatedAt: Date | null;
}

export interface StatusPageModel {
  title: string;
  /** The time the page is as of (`--now`). */
  now: Date;
  timeZone: string;
  days: number;
  state: ComponentState;
  components: PublicComponent[];
  /** Active incidents, newest first. */
  active: PublicIncident[];
  /** Incidents resolved in the last `days` days, newest first. */
  resolved: PublicIncident[];
}

export interface StatusPageOptions {
  title?: string;
  /** How many days of resolved incidents the page lists (default 90). */
  days?: number;
}

export const DEFAULT_DAYS = 90;
export const DEFAULT_TITLE = 'Service status';

/** One log of a page made from several, read under its own playbook. */
export interface StatusPageSource {
  index: LogIndex;
  policy: Policy;
}

/** The page as of `now`: one pass over the incidents, each read for its public parts only. */
export function buildStatusPage(index: LogIndex, given: Policy, now: Date, options: StatusPageOptions = {}): StatusPageModel {
  return buildStatusPageOf([{ index, policy: given }], now, options);
}

/**
 * One page over several logs (a monorepo's services): every log's incidents, each read under its
 * own playbook, and the components of every playbook (a component id listed by several is one
 * component, as the first lists it). Incidents keep their ids; two with the same id get distinct
 * pages (`-2`, in the order the logs are given). The page's zone is the first log's.
 */
export function buildStatusPageOf(sources: readonly StatusPageSource[], now: Date, options: StatusPageOptions = {}): StatusPageModel {
  const days = options.days ?? DEFAULT_DAYS;
  const since = now.getTime() - days * 86_400_000;
  const pages = new PageNames();
  const active: PublicIncident[] = [];
  const resolved: PublicIncident[] = [];
  const listed = new Map<string, StatusComponent>();
  let timeZone: string | undefined;
  for (const source of sources) {
    const policy = policyOf(source.index, source.policy);
    timeZone ??= policy.timeZone;
    for (const c of statusPageOf(policy)?.components ?? []) if (!listed.has(c.id)) listed.set(c.id, c);
    for (const incident of source.index.incidents) {
      const state = statusState(incident, policy);
      if (state === 'unknown') continue;
      // A resolution outside the window is known from the index alone: the body is not read.
      const resolution = state === 'resolved' ? resolvedAt(incident) : null;
      if (resolution && (resolution.getTime() < since || resolution.getTime() > now.getTime())) continue;
      if (isDrill(incident)) continue;
      const made = publicIncident(incident, policy, state, pages);
      if (!made) continue;
      if (made.active) active.push(made);
      else {
        const end = made.resolvedAt ?? made.updatedAt;
        if (end && end.getTime() >= since && end.getTime() <= now.getTime()) resolved.push(made);
      }
    }
  }
  const newestFirst = (a: PublicIncident, b: PublicIncident) => time(b.startedAt ?? b.updatedAt) - time(a.startedAt ?? a.updatedAt) || a.id.localeCompare(b.id);
  active.sort(newestFirst);
  resolved.sort((a, b) => time(b.resolvedAt ?? b.updatedAt) - time(a.resolvedAt ?? a.updatedAt) || a.id.localeCompare(b.id));
  const affects = (i: PublicIncident, c: StatusComponent) => i.components.some((x) => x.id === c.id);
  const components = [...listed.values()].map((c): PublicComponent => {
    const touching = active.filter((i) => affects(i, c));
    const updated = [...active, ...resolved].filter((i) => affects(i, c)).map((i) => time(i.updatedAt));
    return { ...c, state: worst(touching.map(incidentState)), updatedAt: updated.length ? new Date(Math.max(...updated)) : null };
  });
  return {
    title: options.title?.trim() || DEFAULT_TITLE,
    now,
    timeZone: timeZone ?? sources[0]?.policy.timeZone ?? 'UTC',
    days,
    state: worst([...components.map((c) => c.state), ...active.map(incidentState)]),
    components,
    active,
    resolved,
  };
}

const time = (d: Date | null) => d?.getTime() ?? 0;

/** What each impact does to a component; read backwards, what a page's overall indicator says of its state. */
export const STATE_OF_IMPACT: Readonly<Record<Impact, ComponentState>> = { none: 'operational', minor: 'degraded_performance', major: 'partial_outage', critical: 'major_outage' };

/** The worst of `states`; operational for none. */
export function worst(states: readonly ComponentState[]): ComponentState {
  let at = 0;
  for (const s of states) at = Math.max(at, STATE_ORDER.indexOf(s));
  return STATE_ORDER[at];
}

/** What an active incident does to its components: its impact, at most degraded once it is monitored. */
export function incidentState(incident: PublicIncident): ComponentState {
  if (!incident.active) return 'operational';
  const state = STATE_OF_IMPACT[incident.impact];
  return incident.status === 'monitoring' && state !== 'operational' ? 'degraded_performance' : state;
}

/**
 * The incident's public side, or null when the team made nothing of it public (no status page
 * update and no Public title): an incident the team has not announced is not announced here.
 */
function publicIncident(incident: Incident, policy: Policy, state: StatusState, pages: PageNames): PublicIncident | null {
  const active = state === 'active';
  const publicTitle = publicField(incident, policy, 'publicTitle');
  const resolvedTime = active ? null : resolvedAt(incident);
  const updates = publicUpdates(incident.timeline, policy, resolvedTime);
  if (!publicTitle && updates.length === 0) return null;
  const { known } = affectedComponents(incident, policy);
  const listed = (statusPageOf(policy)?.components.length ?? 0) > 0;
  const affected = listed ? [] : affectedNames(publicField(incident, policy, 'affected'));
  const impact = impactOf(incident, policy);
  const startedTime = startedAt(incident, policy) ?? detectedAt(incident, policy);
  const last = updates.length ? updates[updates.length - 1].at : null;
  const names = known.length ? known.map((c) => c.name) : affected;
  return {
    id: incident.id,
    page: pages.pageOf(incident.id),
    title: publicTitle ?? genericTitle(impact, names),
    impactText: publicField(incident, policy, 'publicImpact'),
    impact,
    // Deferred (put off on purpose) was never resolved: it keeps the stage it was last announced in.
    status: active ? publicStatus(incident.status ?? policy.initialStatus) : state === 'deferred' ? (updates[updates.length - 1]?.status ?? 'investigating') : 'resolved',
    active,
    ...(state === 'deferred' ? { deferred: true as const } : {}),
    components: known,
    affected,
    startedAt: startedTime,
    resolvedAt: resolvedTime,
    durationMinutes: startedTime && resolvedTime && resolvedTime >= startedTime ? Math.round((resolvedTime.getTime() - startedTime.getTime()) / 60000) : null,
    updates,
    updatedAt: last ?? startedTime,
    monitoringAt: updates.find((u) => u.status === 'monitoring')?.at ?? null,
  };
}

/** Severity to impact: the policy's first level is critical, its second major, any other (or none) minor. */
function impactOf(incident: Incident, policy: Policy): Impact {
  const level = incident.severity ? matchSeverity(policy, incident.severity) : undefined;
  const rank = level ? policy.severities.indexOf(level) : -1;
  return rank === 0 ? 'critical' : rank === 1 ? 'major' : 'minor';
}

const IMPACT_WORDS: Record<Impact, string> = { none: 'Service notice', minor: 'Degraded performance', major: 'Partial outage', critical: 'Outage' };

/**
 * The title of an incident announced without a Public title: its impact and the components it
 * affects (`Partial outage of Checkout and Payments`), never the log's own title, which is
 * written for the team.
 */
export function genericTitle(impact: Impact, components: readonly string[]): string {
  const words = IMPACT_WORDS[impact];
  if (components.length === 0) return words === 'Outage' ? 'Service outage' : words;
  const names = components.length === 1 ? components[0] : `${components.slice(0, -1).join(', ')} and ${components[components.length - 1]}`;
  return `${words} of ${names}`;
}

/** `identified: …` at the start of a composed update's headline names its stage. */
const HEADLINE_STATUS = /^(investigating|identified|mitigating|monitoring|resolved)\s?:/i;

/**
 * The incident's status page updates, oldest first, each with the stage it was said in: the
 * headline's own status word when it has one (the composer's `Identified: …`), else the status
 * the timeline had at its time, else (after the resolution) resolved.
 */
function publicUpdates(timeline: readonly TimelineEntry[], policy: Policy, resolvedTime: Date | null): PublicUpdate[] {
  const dated = timeline.flatMap((e, i) => {
    const at = toDate(e.at);
    return at ? [{ e, at, i }] : [];
  });
  dated.sort((a, b) => a.at.getTime() - b.at.getTime() || a.i - b.i);
  const out: PublicUpdate[] = [];
  // Before its first status change, the incident was in that change's `from` (else the initial status).
  let status = policy.initialStatus;
  for (const { e } of dated) {
    const change = statusChangeOf(e.text, policy);
    if (!change) continue;
    if (change.from) status = change.from;
    break;
  }
  const seen = new Map<string, number>();
  for (const { e, at } of dated) {
    const change = statusChangeOf(e.text, policy);
    if (change) status = change.to;
    const body = publicBody(e.text);
    if (!body) continue;
    // The composer's headline starts with the stage (`Identified: …`): the page shows the stage on its own.
    const headline = HEADLINE_STATUS.exec(body);
    const said = headline?.[1];
    const words = headline ? body.slice(headline[0].length).trim() || body : body;
    const stage = said ? publicStatus(said) : resolvedTime && at >= resolvedTime ? 'resolved' : isResolvedStatus(policy, status) ? 'resolved' : publicStatus(status);
    const iso = at.toISOString();
    const n = (seen.get(iso) ?? 0) + 1;
    seen.set(iso, n);
    out.push({ key: n === 1 ? iso : `${iso}-${n}`, at, status: stage, body: words });
  }
  return out;
}

/** What a status page entry told customers; null for every other entry. */
export function publicBody(text: string): string | null {
  if (statusUpdateAudience(text) !== 'statuspage') return null;
  const post = statusPagePostText(text);
  if (post) return post;
  const m = /^\s*status update \(status page\):\s*(.+)$/i.exec(text);
  const said = m ? stripInline(m[1]).trim() : '';
  return said || null;
}

/** A status of the policy as a status page says it; a stage it does not know reads as investigating. */
export function publicStatus(status: string): PublicStatus {
  switch (status.trim().toLowerCase()) {
    case 'identified':
    case 'mitigating':
      return 'identified';
    case 'monitoring':
      return 'monitoring';
    case 'resolved':
      return 'resolved';
    default:
      return 'investigating';
  }
}

/** What the site says of an incident the team put off: it is not resolved, and not being worked now. */
export const DEFERRED_TEXT = 'Not resolved: on hold';

/** The heading of the list after the active incidents: "Resolved …", or "Past incidents …" when one of them was put off, not resolved. */
export function pastHeading(model: StatusPageModel): string {
  const days = `in the last ${model.days} day${model.days === 1 ? '' : 's'}`;
  return model.resolved.some((i) => i.deferred) ? `Past incidents ${days}` : `Resolved ${days}`;
}

/** Each incident's page name: its id with anything but letters, digits, `.`, `_` and `-` made `-`; a second use of a name gets `-2`. */
class PageNames {
  private used = new Set<string>();

  pageOf(id: string): string {
    const base = id.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[.-]+/, '').slice(0, 100) || 'incident';
    let name = base;
    for (let n = 2; this.used.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    this.used.add(name.toLowerCase());
    return `incidents/${name}.html`;
  }
}
