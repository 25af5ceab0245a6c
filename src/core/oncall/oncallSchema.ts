// The on-call sections of `.incident/playbook.yml` (`oncall`, `people`, `roles`, `escalation`,
// `links`, `drills`, `logContacts`): their zod shapes, merged into the playbook's schema in
// playbook.ts, and the checks that need the rest of the policy (severities, runbooks, the zone),
// each error naming its line like every other playbook error.
import { z } from 'zod';
import { type Policy, PolicyError, matchSeverity, unknownSeverityMessage } from '../playbook/policy';
import { parseUserTime } from '../format/time';
import { isValidZone, startOfDay, weekdayOf } from '../format/zone';
import { type DrillScenario, type OnCallOverride, type Rotation, type Team, WEEKDAYS, emptyTeam, linkTarget, parseHandover } from './oncall';

const name = z.string().trim().min(1, 'a name needs some text').max(100, 'is longer than 100 characters');

// YAML reads an unquoted +966501234567 as a number and drops the +: ask for quotes instead.
const contactValue = z.union([z.string(), z.number()], { required_error: 'is missing (a phone number, an email address or an https URL)', invalid_type_error: 'must be text (a phone number, an email address or an https URL)' }).superRefine((v, ctx) => {
  if (typeof v === 'number') ctx.addIssue({ code: z.ZodIssueCode.custom, message: `write ${v} in quotes ("+${v}"): unquoted, YAML reads a phone number as a number and drops its + and leading zeros` });
  else if (!v.trim()) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'a contact needs some text' });
  else if (v.length > 200) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'is longer than 200 characters' });
});

const shiftSchema = z.object({ primary: name, backup: name.optional() }).strict();
const overrideSchema = z
  .object({ from: z.string().trim().min(1), to: z.string().trim().min(1), primary: name.optional(), backup: name.optional(), reason: z.string().optional() })
  .strict();

const rotationSchema = z
  .object({
    timeZone: z.string().optional(),
    handover: z.string().refine((v) => parseHandover(v) !== undefined, 'is not a weekday and local time (e.g. Monday 09:00)'),
    start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a date (YYYY-MM-DD)'),
    weeks: z.array(shiftSchema).min(1, 'the rotation needs at least one week'),
    overrides: z.array(overrideSchema).optional(),
  })
  .strict();

const personSchema = z.object({ phone: contactValue.optional(), email: contactValue.optional(), handle: contactValue.optional(), url: contactValue.optional() }).strict();

const drillSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/, 'is not an id (letters, digits and ._:/- only, up to 100)').optional(),
    title: z.string().trim().min(1, 'a drill needs a title').max(200),
    severity: z.string().trim().min(1, 'a drill needs a severity'),
    description: z.string().optional(),
    checklist: z.array(z.string().trim().min(1, 'an item needs some text')).min(1).optional(),
    runbook: z.string().trim().min(1).optional(),
  })
  .strict();

/** The settings this module adds to the playbook's schema (spread into its z.object). */
export const onCallSettings = {
  oncall: rotationSchema.optional(),
  people: z.record(z.string(), personSchema).optional(),
  roles: z.record(z.string(), z.object({ primary: name.optional(), backup: name.optional() }).strict()).optional(),
  escalation: z.array(z.object({ name, contact: contactValue }).strict()).optional(),
  links: z
    .record(
      z.string(),
      z.string().superRefine((v, ctx) => {
        const t = linkTarget(v);
        if ('problem' in t) ctx.addIssue({ code: z.ZodIssueCode.custom, message: t.problem });
      }),
    )
    .optional(),
  drills: z.array(drillSchema).optional(),
  logContacts: z.boolean().optional(),
};

type OnCallSettings = { [K in keyof typeof onCallSettings]?: z.infer<(typeof onCallSettings)[K]> };

/** The line of a path in the playbook (the playbook's lineOf). */
type LineAt = (path: (string | number)[]) => number | undefined;

function validZone(zone: string): boolean {
  return isValidZone(zone);
}

/** A time of an override: ISO 8601, in the rotation's zone unless it carries an offset; a bare date is its local midnight. */
function overrideTime(text: string, zone: string): Date | undefined {
  const s = /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? `${text.trim()}T00:00` : text;
  return parseUserTime(s, zone);
}

function slug(title: string): string {
  const out = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return out || 'drill';
}

/**
 * The team's directory from the validated settings; undefined when the playbook has none of them.
 * Throws PolicyError naming the line of the first problem.
 */
export function buildTeam(p: OnCallSettings, policy: Policy, lineAt: LineAt): Team | undefined {
  if (p.oncall === undefined && p.people === undefined && p.roles === undefined && p.escalation === undefined && p.links === undefined && p.drills === undefined && p.logContacts === undefined) return undefined;
  const team = emptyTeam();
  const str = (v: string | number | undefined) => (v === undefined ? undefined : String(v).trim());
  if (p.people) {
    for (const [who, c] of Object.entries(p.people)) {
      const key = who.trim();
      if (!key) throw new PolicyError('people: a person needs a name', lineAt(['people', who]));
      team.people[key] = Object.fromEntries(Object.entries({ phone: str(c.phone), email: str(c.email), handle: str(c.handle), url: str(c.url) }).filter(([, v]) => v));
    }
  }
  if (p.roles) for (const [role, holders] of Object.entries(p.roles)) team.roles[role.trim()] = { ...(holders.primary ? { primary: holders.primary } : {}), ...(holders.backup ? { backup: holders.backup } : {}) };
  if (p.escalation) team.escalation = p.escalation.map((e) => ({ name: e.name, contact: String(e.contact).trim() }));
  if (p.links) team.links = Object.entries(p.links).map(([n, target]) => ({ name: n, target: target.trim() }));
  if (p.logContacts !== undefined) team.logContacts = p.logContacts;
  if (p.oncall) team.rotation = buildRotation(p.oncall, policy, lineAt);
  if (p.drills) team.drills = buildDrills(p.drills, policy, lineAt);
  return team;
}

function buildRotation(r: NonNullable<OnCallSettings['oncall']>, policy: Policy, lineAt: LineAt): Rotation {
  const zone = r.timeZone?.trim() || policy.timeZone;
  if (!validZone(zone)) throw new PolicyError(`oncall.timeZone: "${zone}" is not an IANA time zone (e.g. Asia/Riyadh, Europe/Berlin)`, lineAt(['oncall', 'timeZone']));
  const handover = parseHandover(r.handover)!;
  // The schema has checked the shape (YYYY-MM-DD); 2026-02-30 has that shape and is no day.
  if (Number.isNaN(startOfDay(r.start, zone))) throw new PolicyError(`oncall.start: "${r.start}" is not a real date`, lineAt(['oncall', 'start']));
  const startWeekday = weekdayOf(r.start);
  if (startWeekday !== handover.weekday) {
    throw new PolicyError(`oncall.start: ${r.start} is a ${WEEKDAYS[startWeekday - 1]}; week 1 begins at a handover, on a ${WEEKDAYS[handover.weekday - 1]}`, lineAt(['oncall', 'start']));
  }
  const overrides = (r.overrides ?? []).map((o, i): OnCallOverride => {
    const from = overrideTime(o.from, zone);
    const to = overrideTime(o.to, zone);
    if (!from) throw new PolicyError(`oncall.overrides.${i}.from: "${o.from}" is not a date-time (e.g. 2026-02-02T09:00)`, lineAt(['oncall', 'overrides', i, 'from']));
    if (!to) throw new PolicyError(`oncall.overrides.${i}.to: "${o.to}" is not a date-time (e.g. 2026-02-04T09:00)`, lineAt(['oncall', 'overrides', i, 'to']));
    if (to.getTime() <= from.getTime()) throw new PolicyError(`oncall.overrides.${i}: "to" must come after "from"`, lineAt(['oncall', 'overrides', i]));
    if (!o.primary && !o.backup) throw new PolicyError(`oncall.overrides.${i}: an override names a primary, a backup or both`, lineAt(['oncall', 'overrides', i]));
    return { from, to, ...(o.primary ? { primary: o.primary } : {}), ...(o.backup ? { backup: o.backup } : {}) };
  });
  return { timeZone: zone, handoverWeekday: handover.weekday, handoverMinutes: handover.minutes, start: r.start, weeks: r.weeks.map((w) => ({ primary: w.primary, ...(w.backup ? { backup: w.backup } : {}) })), overrides };
}

function buildDrills(drills: NonNullable<OnCallSettings['drills']>, policy: Policy, lineAt: LineAt): DrillScenario[] {
  const seen = new Set<string>();
  return drills.map((d, i): DrillScenario => {
    const level = matchSeverity(policy, d.severity);
    if (!level) throw new PolicyError(`drills.${i}.severity: ${unknownSeverityMessage(policy, d.severity)}`, lineAt(['drills', i, 'severity']));
    const runbook = d.runbook ? policy.runbooks?.find((b) => b.id.toLowerCase() === d.runbook!.toLowerCase()) : undefined;
    if (d.runbook && !runbook) {
      const known = (policy.runbooks ?? []).map((b) => b.id).join(', ') || 'none';
      throw new PolicyError(`drills.${i}.runbook: no runbook "${d.runbook}" in the playbook (there are: ${known})`, lineAt(['drills', i, 'runbook']));
    }
    const id = d.id ?? slug(d.title);
    if (seen.has(id.toLowerCase())) throw new PolicyError(`drills.${i}: the id "${id}" is used twice (give one an id:)`, lineAt(['drills', i]));
    seen.add(id.toLowerCase());
    return {
      id,
      title: d.title.trim(),
      severity: level.id,
      ...(d.checklist ? { phases: [{ name: 'Checklist', items: d.checklist.map((text) => ({ text })) }] } : {}),
      ...(runbook ? { runbook: runbook.id } : {}),
      ...(d.description ? { description: d.description } : {}),
    };
  });
}
