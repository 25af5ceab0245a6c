// The moments an incident's figures are measured between, read from what responders write:
// Started (impact began), Detected, Acknowledged (or the commander's assignment), the first
// Mitigating/Monitoring status, Resolved; and the status changes in between. Nothing is guessed:
// a time the log does not say (or says only as a day) is null, and the figure is "unknown".
import type { Incident } from '../model';
import { type Policy, matchSeverity, matchStatus } from '../policy';
import { stripInline } from '../text';
import { combineDayAndTime, dayOf, parseLeadingTime, parseTimeValue, toDate } from '../time';

/**
 * Keys that say when impact began. The policy still reads them as an alias of Detected (for an
 * incident that has no Detected field, that stays the detection time); here they are their own
 * moment, so an incident with both measures the gap between them.
 */
const STARTED_KEYS = new Set(['started', 'start', 'started at', 'start time', 'impact started', 'impact began', 'impact start']);
const ACK_KEYS = new Set(['acknowledged', 'acknowledged at', 'ack', 'acked', 'ack time', 'acknowledged time']);

// Keys repeat across a log (Severity, Status, …): each is normalised once.
const keyCache = new Map<string, string>();
function keyOf(key: string): string {
  let k = keyCache.get(key);
  if (k === undefined) {
    k = stripInline(key).trim().toLowerCase().replace(/\s+/g, ' ');
    if (keyCache.size < 10_000) keyCache.set(key, k);
  }
  return k;
}

/** The start of an entry's text, lower-cased: enough to recognise the entries read here. */
const headOf = (text: string) => text.slice(0, 48).trimStart().toLowerCase();

/** The first non-empty value of a field whose key (as written) is one of `keys`. */
export function rawField(incident: Incident, keys: ReadonlySet<string> | string): string | null {
  for (const f of incident.fields) {
    const k = keyOf(f.key);
    if ((typeof keys === 'string' ? k === keys : keys.has(k)) && f.value.trim()) return stripInline(f.value).trim();
  }
  return null;
}

/** A field value as an instant; null for a bare day (no time of day), a bad date or no value. */
function instant(value: string | null, policy: Policy): Date | null {
  if (!value) return null;
  const p = parseTimeValue(value, policy.timeZone);
  if (!p || p.invalid || p.kind !== 'datetime' || !p.value) return null;
  return toDate(p.value);
}

/** An indexed value (`…T…Z` or a bare day) as an instant; a bare day is no instant. */
function indexed(value: string | null): Date | null {
  return value && value.length > 10 ? toDate(value) : null;
}

/** `Drill: yes` (or `Exercise: yes`): a practice run, kept out of the figures. */
/** One reading of `Drill: yes` for the whole tool (the view, the status bar, the metrics). */
export { isDrill } from '../oncall';

/**
 * When impact began: a `Started` field (only when the incident also has a Detected field;
 * otherwise the reader already took it as the detection time), else the first timeline entry
 * that says "Impact began" / "Impact started".
 */
export function startedAt(incident: Incident, policy: Policy): Date | null {
  if (detectedField(incident)) {
    const v = rawField(incident, STARTED_KEYS);
    if (v) return instant(v, policy);
  }
  for (const e of incident.timeline) {
    const t = headOf(e.text);
    if (t.startsWith('impact began') || t.startsWith('impact started')) {
      // "Impact began 14:05" names the time itself; otherwise the entry's time is the moment.
      const rest = e.text.trimStart().slice('impact began'.length).replace(/^[\s:—–-]{0,4}(?:at\s)?/i, '');
      const named = parseLeadingTime(rest, policy.timeZone);
      if (named && !named.invalid && named.value) {
        if (named.kind === 'datetime') return toDate(named.value);
        // A time of day alone is on the entry's day (in the playbook's zone).
        const day = named.kind === 'time' && e.at ? dayOf(e.at, policy.timeZone) : null;
        const at = day ? combineDayAndTime(day, named.value, named.zone, policy.timeZone) : null;
        if (at) return toDate(at);
      }
      return toDate(e.at);
    }
  }
  return null;
}

/** The Detected field proper (not a Started key the policy reads as Detected). */
function detectedField(incident: Incident): string | null {
  for (const f of incident.fields) {
    if (f.canonical === 'detected' && !STARTED_KEYS.has(keyOf(f.key)) && f.value.trim()) return stripInline(f.value).trim();
  }
  return null;
}

/** When the incident was detected: its Detected field, else what the index read (a Started field, the heading's date-time). */
export function detectedAt(incident: Incident, policy: Policy): Date | null {
  const own = detectedField(incident);
  return own !== null ? instant(own, policy) : indexed(incident.detected);
}

export function resolvedAt(incident: Incident): Date | null {
  return indexed(incident.resolved);
}

const COMMANDER_PREFIXES = ['incident commander:', 'commander:', 'ic:', 'incident commander handed over', 'commander handed over'];

/**
 * When the incident was acknowledged: an `Acknowledged` field; else the first timeline entry
 * that names the commander (`Incident Commander: Ana`, as the tool logs an assignment); else,
 * when the commander field is filled and no entry assigned one (or the first is a handover, so
 * someone held the role from the start), the `Incident declared` entry, which the tool writes
 * together with the commander named at declaration.
 */
export function acknowledgedAt(incident: Incident, policy: Policy): Date | null {
  const field = rawField(incident, ACK_KEYS);
  if (field) return instant(field, policy);
  let declared: Date | null = null;
  for (const e of incident.timeline) {
    const t = headOf(e.text);
    if (declared === null && t.startsWith('incident declared')) declared = toDate(e.at);
    const i = COMMANDER_PREFIXES.findIndex((p) => t.startsWith(p));
    if (i < 0) continue;
    if (i < 3) return toDate(e.at);
    return declared;
  }
  return incident.roles.commander ? declared : null;
}

/** A status change entry's new status: `Status: A → B`, `Status set to B`, `Status changed to B`. */
export function statusChangeOf(text: string, policy: Policy): { from: string | null; to: string } | null {
  // Most entries are not status changes: rejected on their first letter, without a copy.
  let i = 0;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  if (text[i] !== 's' && text[i] !== 'S') return null;
  if (!headOf(text).startsWith('status')) return null;
  const t = text.trim();
  const lower = t.toLowerCase();
  let rest: string;
  if (lower.startsWith('status set to ') || lower.startsWith('status changed to ')) rest = t.slice(t.toLowerCase().indexOf(' to ') + 4);
  else if (lower.startsWith('status:')) rest = t.slice(7);
  else return null;
  const arrow = Math.max(rest.lastIndexOf('→'), rest.lastIndexOf('->'));
  const fromText = arrow >= 0 ? rest.slice(0, arrow) : null;
  const toText = (arrow >= 0 ? rest.slice(arrow + (rest[arrow] === '→' ? 1 : 2)) : rest).trim();
  // "Status: Mitigating — rolled back": the status is the first word(s) before any note.
  const to = matchStatus(policy, toText) ?? matchStatus(policy, toText.split(/[\s,.;—–(]/)[0] ?? '');
  if (!to) return null;
  const from = fromText ? (matchStatus(policy, stripInline(fromText)) ?? null) : null;
  return { from, to };
}

/** Statuses that mean impact is mitigated (the first is the end of "time to mitigate"). */
const MITIGATED = ['mitigating', 'monitoring'];

/** The first status change to Mitigating or Monitoring in the timeline. */
export function mitigatedAt(incident: Incident, policy: Policy): Date | null {
  let first: Date | null = null;
  for (const e of incident.timeline) {
    const change = statusChangeOf(e.text, policy);
    const at = change && MITIGATED.includes(change.to.toLowerCase()) ? toDate(e.at) : null;
    if (at && (!first || at < first)) first = at;
  }
  return first;
}

/**
 * Minutes the incident spent in each status, from detection to resolution (or `now` while
 * active), from its logged status changes; null when it has none (or no detection time).
 */
export function statusMinutes(incident: Incident, policy: Policy, now: Date): Map<string, number> | null {
  const start = detectedAt(incident, policy);
  if (!start) return null;
  const end = resolvedAt(incident) ?? (incident.status && incident.status.toLowerCase() === policy.resolvedStatus.toLowerCase() ? null : now);
  if (!end || end < start) return null;
  const changes: Array<{ at: Date; from: string | null; to: string }> = [];
  for (const e of incident.timeline) {
    const c = statusChangeOf(e.text, policy);
    const at = c ? toDate(e.at) : null;
    if (c && at) changes.push({ at, ...c });
  }
  // With no status change logged, when the incident entered its status is not known.
  if (changes.length === 0) return null;
  changes.sort((a, b) => a.at.getTime() - b.at.getTime());
  const out = new Map<string, number>();
  let status = changes[0].from ?? policy.initialStatus;
  let since = start;
  const add = (s: string, from: Date, to: Date) => {
    const clippedFrom = from < start ? start : from;
    const clippedTo = to > end ? end : to;
    if (clippedTo > clippedFrom) out.set(s, (out.get(s) ?? 0) + (clippedTo.getTime() - clippedFrom.getTime()) / 60000);
  };
  for (const c of changes) {
    if (status.toLowerCase() === policy.resolvedStatus.toLowerCase()) break;
    add(status, since, c.at);
    status = c.to;
    since = c.at > since ? c.at : since;
  }
  if (status.toLowerCase() !== policy.resolvedStatus.toLowerCase()) add(status, since, end);
  return out;
}

/** The severity level the incident's severity names (its policy id), or null. */
export function severityId(incident: Incident, policy: Policy): string | null {
  if (!incident.severity) return null;
  return matchSeverity(policy, incident.severity)?.id ?? incident.severity;
}
