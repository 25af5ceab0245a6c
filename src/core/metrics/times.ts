// The moments an incident's figures are measured between, read from what responders write:
// Started (impact began), Detected, Acknowledged (or the commander's assignment), the first
// Mitigating/Monitoring status, Resolved; and the status changes in between. Nothing is guessed:
// a time the log does not say (or says only as a day) is null, and the figure is "unknown".
import type { Field, Incident, TimelineEntry } from '../model';
import { type Policy, matchSeverity, matchStatus } from '../playbook/policy';
import { stripInline } from '../reader/text';
import { combineDayAndTime, dayOf, parseLeadingTime, parseTimeValue, toDate } from '../format/time';

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

/** The first field with a value whose key (as written) is one of `keys`. */
function fieldOf(incident: Incident, keys: ReadonlySet<string> | string): Field | null {
  for (const f of incident.fields) {
    const k = keyOf(f.key);
    if ((typeof keys === 'string' ? k === keys : keys.has(k)) && f.value.trim()) return f;
  }
  return null;
}

/** The first non-empty value of a field whose key (as written) is one of `keys`. */
export function rawField(incident: Incident, keys: ReadonlySet<string> | string): string | null {
  const f = fieldOf(incident, keys);
  return f ? stripInline(f.value).trim() : null;
}

/**
 * A moment of an incident and where the log says it, so that a date that cannot be is reported
 * on its line and named as the responder wrote it.
 */
export interface Dated {
  at: Date;
  /** 0-based line of the field, timeline entry or heading that says it. */
  line: number;
  /** What it is: a field's key as written (`Resolved`), or `the commander assignment`. */
  label: string;
  /** A field's value as written; absent for a timeline entry (its time is shown instead). */
  written?: string;
}

/** A field value as an instant; null for a bare day (no time of day), a bad date or no value. */
function instant(value: string | null, policy: Policy): Date | null {
  if (!value) return null;
  const p = parseTimeValue(value, policy.timeZone);
  if (!p || p.invalid || p.kind !== 'datetime' || !p.value) return null;
  return toDate(p.value);
}

/** A field's value as a dated moment; null when it names no instant. */
function fieldMoment(f: Field, policy: Policy): Dated | null {
  const written = stripInline(f.value).trim();
  const at = instant(written, policy);
  return at ? { at, line: f.line, label: stripInline(f.key).trim(), written } : null;
}

/** A timeline entry's time as a dated moment; null when the entry has none. */
function entryMoment(e: TimelineEntry, label: string): Dated | null {
  const at = toDate(e.at);
  return at ? { at, line: e.line, label } : null;
}

/** An indexed value (`…T…Z` or a bare day) as an instant; a bare day is no instant. */
function indexed(value: string | null): Date | null {
  return value && value.length > 10 ? toDate(value) : null;
}

/**
 * An indexed value as a dated moment, on the line of the first field of its kind (else the
 * heading's, where a date-time in the heading is read).
 */
function indexedMoment(incident: Incident, value: string | null, kind: 'detected' | 'resolved', label: string): Dated | null {
  const at = indexed(value);
  if (!at) return null;
  const f = incident.fields.find((x) => x.canonical === kind && x.value.trim());
  return f ? { at, line: f.line, label: stripInline(f.key).trim(), written: stripInline(f.value).trim() } : { at, line: incident.line - 1, label };
}

/** `Drill: yes` (or `Exercise: yes`): a practice run, kept out of the figures. */
/** One reading of `Drill: yes` for the whole tool (the view, the status bar, the metrics). */
export { isDrill } from '../oncall/oncall';

/**
 * When impact began: a `Started` field (only when the incident also has a Detected field;
 * otherwise the reader already took it as the detection time), else the first timeline entry
 * that says "Impact began" / "Impact started".
 */
export function startedMoment(incident: Incident, policy: Policy): Dated | null {
  if (detectedField(incident)) {
    const f = fieldOf(incident, STARTED_KEYS);
    if (f) return fieldMoment(f, policy);
  }
  for (const e of incident.timeline) {
    const t = headOf(e.text);
    if (t.startsWith('impact began') || t.startsWith('impact started')) {
      const label = 'the "Impact began" entry';
      // "Impact began 14:05" names the time itself; otherwise the entry's time is the moment.
      const rest = e.text.trimStart().slice('impact began'.length).replace(/^[\s:—–-]{0,4}(?:at\s)?/i, '');
      const named = parseLeadingTime(rest, policy.timeZone);
      if (named && !named.invalid && named.value) {
        const at = named.kind === 'datetime' ? named.value : named.kind === 'time' ? timeOnEntryDay(e, named.value, named.zone, policy) : null;
        const d = toDate(at);
        if (d) return { at: d, line: e.line, label };
      }
      return entryMoment(e, label);
    }
  }
  return null;
}

/** A time of day alone, on the entry's day (in the playbook's zone). */
function timeOnEntryDay(e: TimelineEntry, time: string, zone: string | null, policy: Policy): string | null {
  const day = e.at ? dayOf(e.at, policy.timeZone) : null;
  return day ? combineDayAndTime(day, time, zone, policy.timeZone) : null;
}

export function startedAt(incident: Incident, policy: Policy): Date | null {
  return startedMoment(incident, policy)?.at ?? null;
}

/** The Detected field proper (not a Started key the policy reads as Detected). */
function detectedFieldOf(incident: Incident): Field | null {
  return incident.fields.find((f) => f.canonical === 'detected' && !STARTED_KEYS.has(keyOf(f.key)) && f.value.trim()) ?? null;
}

function detectedField(incident: Incident): string | null {
  const f = detectedFieldOf(incident);
  return f ? stripInline(f.value).trim() : null;
}

/** When the incident was detected: its Detected field, else what the index read (a Started field, the heading's date-time). */
export function detectedMoment(incident: Incident, policy: Policy): Dated | null {
  const own = detectedFieldOf(incident);
  return own ? fieldMoment(own, policy) : indexedMoment(incident, incident.detected, 'detected', 'Detected');
}

export function detectedAt(incident: Incident, policy: Policy): Date | null {
  return detectedMoment(incident, policy)?.at ?? null;
}

export function resolvedMoment(incident: Incident): Dated | null {
  return indexedMoment(incident, incident.resolved, 'resolved', 'Resolved');
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
export function acknowledgedMoment(incident: Incident, policy: Policy): Dated | null {
  const field = fieldOf(incident, ACK_KEYS);
  if (field) return fieldMoment(field, policy);
  let declared: TimelineEntry | null = null;
  const declaredMoment = () => (declared ? entryMoment(declared, 'the "Incident declared" entry') : null);
  for (const e of incident.timeline) {
    const t = headOf(e.text);
    if (declared === null && t.startsWith('incident declared') && e.at) declared = e;
    const i = COMMANDER_PREFIXES.findIndex((p) => t.startsWith(p));
    if (i < 0) continue;
    if (i < 3) return entryMoment(e, 'the commander assignment');
    return declaredMoment();
  }
  return incident.roles.commander ? declaredMoment() : null;
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
export function mitigatedMoment(incident: Incident, policy: Policy): Dated | null {
  let first: Dated | null = null;
  for (const e of incident.timeline) {
    const change = statusChangeOf(e.text, policy);
    const at = change && MITIGATED.includes(change.to.toLowerCase()) ? toDate(e.at) : null;
    if (at && (!first || at < first.at)) first = { at, line: e.line, label: `the first ${change!.to} status` };
  }
  return first;
}

/**
 * Minutes the incident spent in each status over `span` (detection to resolution, or to `now`
 * while active: the caller's, which knows which of those dates can be), from its logged status
 * changes; null when it has none, or no span.
 */
export function statusMinutes(incident: Incident, policy: Policy, span: { start: Date; end: Date } | null): Map<string, number> | null {
  if (!span) return null;
  const { start, end } = span;
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
