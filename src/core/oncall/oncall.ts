// Who to call: the team's weekly on-call rotation, its escalation contacts, people's contacts,
// the team's links and its drill scenarios, as the playbook declares them (validated in
// oncallSchema.ts), and the rotation maths. Zone arithmetic is zone.ts's (as in time.ts): a
// handover is a wall-clock time in the rotation's zone, so it stays at 09:00 local across DST.
// Pure: no zod or YAML here, so the status bar and the tree can ask whether an incident is a
// drill without loading the validation libraries.
import { addDays, dayText, offsetText, timeText, wallClockAt, wallClockToInstant } from '../format/zone';
import type { ChecklistPhase, Policy } from '../playbook/policy';
import type { Incident } from '../model';

export interface OnCallShift {
  primary: string;
  backup?: string;
}

export interface OnCallOverride {
  /** Instants (the playbook writes them in the rotation's zone unless it gives an offset). */
  from: Date;
  to: Date;
  primary?: string;
  backup?: string;
}

export interface Rotation {
  /** IANA zone of the handovers. */
  timeZone: string;
  /** ISO weekday of the handover: 1 Monday … 7 Sunday. */
  handoverWeekday: number;
  /** Local time of the handover, minutes after midnight. */
  handoverMinutes: number;
  /** `YYYY-MM-DD`, on the handover weekday: week 1 begins at its handover. */
  start: string;
  weeks: OnCallShift[];
  overrides: OnCallOverride[];
}

/** How a person or escalation contact can be reached. */
export interface Person {
  phone?: string;
  email?: string;
  handle?: string;
  url?: string;
}

export interface EscalationContact {
  name: string;
  /** A phone number, an email address, an https URL, or free text (copied, never opened). */
  contact: string;
}

export interface TeamLink {
  name: string;
  /** An http(s) URL, or a path relative to the folder holding `.incident/` (never leaving it). */
  target: string;
}

export interface DrillScenario {
  /** The scenario's key (a step id), for `Start Drill` with an argument. */
  id: string;
  title: string;
  severity: string;
  /** The checklist the drill starts with; the playbook's when absent. */
  phases?: ChecklistPhase[];
  /** A runbook of the playbook to follow (its steps become the checklist when none is given). */
  runbook?: string;
  description?: string;
}

/** The on-call parts of a playbook. Absent sections are empty, never undefined. */
export interface Team {
  rotation?: Rotation;
  people: Record<string, Person>;
  roles: Record<string, { primary?: string; backup?: string }>;
  escalation: EscalationContact[];
  links: TeamLink[];
  drills: DrillScenario[];
  /** Whether an escalation's timeline entry carries the contact (phone, email) or only the name. */
  logContacts: boolean;
}

/** A policy as loadPolicy returns it: the team's directory rides along (see teamOf). */
export type PolicyWithTeam = Policy & { team?: Team };

export function emptyTeam(): Team {
  return { people: {}, roles: {}, escalation: [], links: [], drills: [], logContacts: true };
}

/** The playbook's on-call sections; empty when it has none (or there is no playbook). */
export function teamOf(policy: Policy): Team {
  return (policy as PolicyWithTeam).team ?? emptyTeam();
}

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTH_ABBREVIATIONS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Monday 09:00` (any case, 3-letter day names too) as an ISO weekday and minutes; undefined when it is not. */
export function parseHandover(text: string): { weekday: number; minutes: number } | undefined {
  const m = /^\s{0,20}([A-Za-z]{3,9})\s{1,20}(\d{1,2}):(\d{2})\s{0,20}$/.exec(text);
  if (!m) return undefined;
  const name = m[1].toLowerCase();
  const weekday = WEEKDAYS.findIndex((d) => d.toLowerCase() === name || d.slice(0, 3).toLowerCase() === name) + 1;
  const h = Number(m[2]);
  const mi = Number(m[3]);
  if (weekday === 0 || h > 23 || mi > 59) return undefined;
  return { weekday, minutes: h * 60 + mi };
}

/** Thrown for an instant the rotation cannot answer (before it starts); the message is for the user. */
export class RotationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RotationError';
  }
}

/** The handover that begins week `k` (0-based, counted from the start; may be past the listed weeks). */
function handoverAt(rotation: Rotation, k: number): number {
  // Calendar days, not 24-hour steps: across a DST change the wall-clock time is kept.
  const [y, mo, d] = addDays(rotation.start, 7 * k).split('-').map(Number);
  return wallClockToInstant(rotation.timeZone, y, mo, d, Math.floor(rotation.handoverMinutes / 60), rotation.handoverMinutes % 60);
}

/** The first handover: when week 1 begins. */
export function rotationStart(rotation: Rotation): Date {
  return new Date(handoverAt(rotation, 0));
}

/** The index of the week whose handover is the last at or before `at`; -1 before the first. */
function weekIndex(rotation: Rotation, at: Date): number {
  const first = handoverAt(rotation, 0);
  // An estimate from elapsed time, corrected against the real (DST-aware) handovers.
  let k = Math.floor((at.getTime() - first) / (7 * 86_400_000));
  while (k >= 0 && handoverAt(rotation, k) > at.getTime()) k--;
  while (handoverAt(rotation, k + 1) <= at.getTime()) k++;
  return k;
}

export interface OnCallNow {
  primary: string;
  backup: string | null;
  /** When this arrangement began and when it ends: a handover or an override's edge. */
  since: Date;
  until: Date;
  /** 1-based week of the rotation in force (its position in `weeks`). */
  week: number;
  /** The override in force, if one is. */
  override?: OnCallOverride;
}

/** The shift of the listed rotation (overrides aside) in week `k`. */
function rotationShift(rotation: Rotation, k: number): OnCallShift {
  return rotation.weeks[((k % rotation.weeks.length) + rotation.weeks.length) % rotation.weeks.length];
}

/** The override in force at `t`: the last listed whose [from, to) holds it. */
function overrideAt(rotation: Rotation, t: number): OnCallOverride | undefined {
  let found: OnCallOverride | undefined;
  for (const o of rotation.overrides) if (o.from.getTime() <= t && t < o.to.getTime()) found = o;
  return found;
}

/** Who is on call at instant `t` (ms), overrides applied; undefined before the rotation starts. */
function stateAt(rotation: Rotation, t: number): { primary: string; backup: string | null; k: number; override?: OnCallOverride } | undefined {
  const k = weekIndex(rotation, new Date(t));
  if (k < 0) return undefined;
  const shift = rotationShift(rotation, k);
  const override = overrideAt(rotation, t);
  return { primary: override?.primary ?? shift.primary, backup: override?.backup ?? shift.backup ?? null, k, ...(override ? { override } : {}) };
}

const sameShift = (a: ReturnType<typeof stateAt>, b: ReturnType<typeof stateAt>) => !!a && !!b && a.primary === b.primary && a.backup === b.backup;

/**
 * Who is on call at `at`: the week's primary and backup (the rotation repeats after its last
 * week), with an override in force winning for the roles it names. `since`/`until` are the
 * edges (handovers, override starts and ends) where the pair on call last changed and next
 * changes; an edge where the same two people stay on (a one-week rotation, an override naming
 * the week's own primary) is passed over, looking back or ahead at most a full cycle.
 */
export function onCallAt(rotation: Rotation, at: Date): OnCallNow {
  const t = at.getTime();
  const now = stateAt(rotation, t);
  if (!now) {
    const first = handoverAt(rotation, 0);
    throw new RotationError(`The rotation starts at ${formatZoned(new Date(first), rotation.timeZone)} (start: ${rotation.start}); ${formatZoned(at, rotation.timeZone)} is before it.`);
  }
  const k = now.k;
  const span = rotation.weeks.length + 1;
  // At a handover the week is known on both sides: no search for it.
  const shiftAround = (j: number, edge: number) => {
    const shift = rotationShift(rotation, j);
    const o = overrideAt(rotation, edge);
    return { primary: o?.primary ?? shift.primary, backup: o?.backup ?? shift.backup ?? null, k: j };
  };
  const changesAtHandover = (j: number, edge: number) => j <= 0 || !sameShift(shiftAround(j - 1, edge - 1), shiftAround(j, edge));
  const changesAt = (e: number) => !sameShift(stateAt(rotation, e - 1), stateAt(rotation, e));
  const overrideEdges = rotation.overrides.flatMap((o) => [o.from.getTime(), o.to.getTime()]);
  /**
   * The nearest edge where the pair changes, back from `at` (`dir` -1: this week's handover and
   * the ones before it, and the override edges up to `at`, newest first) or ahead of it (+1: next
   * week's handover on, and the override edges after `at`, oldest first); undefined when there is
   * none within `span` weeks.
   */
  const nearestChange = (dir: -1 | 1): number | undefined => {
    const edges = overrideEdges.filter((e) => (dir < 0 ? e <= t : e > t)).sort((a, b) => dir * (a - b));
    const last = dir < 0 ? Math.max(0, k - span) : k + span;
    for (let j = dir < 0 ? k : k + 1, oi = 0, h = handoverAt(rotation, j); dir * (last - j) >= 0; ) {
      // An override edge met before the handover (going this way) is looked at first.
      if (oi < edges.length && dir * (edges[oi] - h) < 0) {
        if (changesAt(edges[oi])) return edges[oi];
        oi++;
        continue;
      }
      if (oi < edges.length && edges[oi] === h) oi++;
      if (changesAtHandover(j, h)) return h;
      j += dir;
      if (j >= 0) h = handoverAt(rotation, j);
    }
    return undefined;
  };
  const since = nearestChange(-1) ?? handoverAt(rotation, k);
  const until = nearestChange(1) ?? handoverAt(rotation, k + 1);
  return { primary: now.primary, backup: now.backup, since: new Date(since), until: new Date(until), week: (k % rotation.weeks.length) + 1, ...(now.override ? { override: now.override } : {}) };
}

/** Who is on call when the current arrangement ends (the next handover or override edge). */
export function nextOnCall(rotation: Rotation, at: Date): OnCallNow {
  return onCallAt(rotation, onCallAt(rotation, at).until);
}

/** An instant as ISO 8601 with the zone's offset, to the second: `2026-01-05T09:00:00+03:00`. */
export function formatZoned(at: Date, zone: string): string {
  const w = wallClockAt(at.getTime(), zone);
  if (Number.isNaN(w.offset)) return at.toISOString();
  const ms = at.getUTCMilliseconds();
  // `UTC` itself (any case) and `GMT` are written with `Z`; a zone that is at +00:00 today is not.
  const offset = /^(utc|gmt)$/i.test(zone) ? 'Z' : offsetText(w.offset);
  return `${dayText(w)}T${timeText(w, true)}${ms ? '.' + String(ms).padStart(3, '0') : ''}${offset}`;
}

/** A handover for people: `Mon 5 Jan 09:00 (Asia/Riyadh)`. */
export function formatHandover(at: Date, zone: string): string {
  const w = wallClockAt(at.getTime(), zone);
  return `${WEEKDAYS[w.weekday - 1].slice(0, 3)} ${w.day} ${MONTH_ABBREVIATIONS[w.month - 1]} ${timeText(w)} (${zone})`;
}

export type ContactKind = 'phone' | 'email' | 'url' | 'text';

/**
 * What a contact is, for opening it: a dialable phone number (digits with `+ -().` and spaces, 3
 * to 20 digits), an email address, an https URL, or text that is only copied (a placeholder like
 * `+966-5X-XXX-XXXX`, a pager alias).
 */
export function contactKind(contact: string): ContactKind {
  const s = contact.trim();
  if (s.length > 200) return 'text';
  if (/^\+?[0-9(][0-9 ().-]{1,30}$/.test(s)) {
    const digits = s.replace(/[^0-9]/g, '').length;
    if (digits >= 3 && digits <= 20) return 'phone';
  }
  if (/^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}$/.test(s)) return 'email';
  if (/^https:\/\/[^\s]{1,190}$/i.test(s)) {
    try {
      const url = new URL(s);
      if (url.protocol === 'https:' && url.hostname) return 'url';
    } catch {
      // not a URL after all: text
    }
  }
  return 'text';
}

/** The URI that opens a contact (`tel:`, `mailto:`, `https:`); undefined for text. */
export function contactUri(contact: string): string | undefined {
  const s = contact.trim();
  switch (contactKind(s)) {
    case 'phone':
      return `tel:${s.startsWith('+') ? '+' : ''}${s.replace(/[^0-9]/g, '')}`;
    case 'email':
      return `mailto:${s}`;
    case 'url':
      return new URL(s).toString();
    default:
      return undefined;
  }
}

/** A person's contacts in the order they are tried: phone, email, handle, URL. */
export function personContacts(person: Person | undefined): Array<{ label: string; value: string }> {
  if (!person) return [];
  const out: Array<{ label: string; value: string }> = [];
  if (person.phone) out.push({ label: 'phone', value: person.phone });
  if (person.email) out.push({ label: 'email', value: person.email });
  if (person.handle) out.push({ label: 'handle', value: person.handle });
  if (person.url) out.push({ label: 'url', value: person.url });
  return out;
}

/** The timeline entry of an escalation: `Escalated to CTO (+966…)`, the name only without logContacts. */
export function escalationEntry(contact: EscalationContact, logContacts: boolean): string {
  return logContacts && contact.contact.trim() ? `Escalated to ${contact.name} (${contact.contact.trim()})` : `Escalated to ${contact.name}`;
}

/** True for the values of a `Drill:` field that mean yes. */
function isYes(value: string): boolean {
  const v = value.trim().toLowerCase().replace(/[*_`]/g, '');
  return v === 'yes' || v === 'true' || v === 'y' || v === '1' || v === 'x' || v === '✅';
}

/** True when the incident carries a `Drill: yes` field (written by declaring a drill). */
export function isDrill(incident: Incident): boolean {
  // Most keys are longer than any drill key with its marks and spaces: those are not normalized.
  return incident.fields.some((f) => f.key.length <= DRILL_KEY_CHARS && DRILL_KEYS.has(f.key.trim().toLowerCase().replace(/[*_`]/g, '')) && isYes(f.value));
}

/** The keys that mark an exercise (`Drill: yes`, and what teams also call one). */
const DRILL_KEYS = new Set(['drill', 'exercise', 'game day']);
/** The longest key isDrill normalizes: the longest drill key with room for bold marks and spaces. */
const DRILL_KEY_CHARS = Math.max(...[...DRILL_KEYS].map((k) => k.length)) + 16;

/** The name proposed as commander of a new incident: the primary on call now, else the commander role's primary. */
export function proposedCommander(team: Team, at: Date): string | undefined {
  if (team.rotation) {
    try {
      return onCallAt(team.rotation, at).primary;
    } catch {
      // before the rotation starts: fall back to the role
    }
  }
  return team.roles.commander?.primary;
}

/**
 * What a link of the playbook points at: an http(s) URL, or a file relative to the folder holding
 * `.incident/` (normalized with `/`, never absolute, never leaving that folder with `..`).
 */
export function linkTarget(target: string): { url: string } | { file: string } | { problem: string } {
  const s = target.trim();
  if (/^[A-Za-z][A-Za-z0-9+.-]{0,30}:/.test(s) && !/^[A-Za-z]:[\\/]/.test(s)) {
    if (!/^https?:/i.test(s)) return { problem: `"${s.slice(0, 80)}" is not an http(s) URL or a file in the repository` };
    try {
      const url = new URL(s);
      if (!url.hostname) return { problem: `"${s.slice(0, 80)}" has no host` };
      return { url: url.toString() };
    } catch {
      return { problem: `"${s.slice(0, 80)}" is not a valid URL` };
    }
  }
  const parts: string[] = [];
  const path = s.replace(/\\/g, '/');
  if (path === '' || path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.includes('\0')) return { problem: `"${s.slice(0, 80)}" must be a file inside the repository (a relative path) or an http(s) URL` };
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return { problem: `"${s.slice(0, 80)}" leaves the repository (..)` };
      parts.pop();
    } else parts.push(part);
  }
  if (parts.length === 0) return { problem: `"${s.slice(0, 80)}" names no file` };
  return { file: parts.join('/') };
}
