// Dates that cannot be: a moment before 1970, one more than a day after `now`, and an
// acknowledgement, mitigation or resolution before the detection. One reading for `check`, which
// reports each on its line, and for the metrics, which count every duration such a date bounds
// as unknown and keep it out of every clock: the two never disagree about which dates are real.
import type { Incident } from '../model';
import type { Policy } from '../playbook/policy';
import { stripInline } from '../reader/text';
import { type DateFault, dateFault, formatIsoUtc, formatLogTime, toDate } from '../format/time';
import { type Dated, acknowledgedMoment, detectedMoment, mitigatedMoment, resolvedMoment, startedMoment } from './times';

export const MOMENT_NAMES = ['started', 'detected', 'acknowledged', 'mitigated', 'resolved'] as const;
export type MomentName = (typeof MOMENT_NAMES)[number];

/** The moments the figures are measured between, each with where the log says it (null: not said). */
export type Moments = Record<MomentName, Dated | null>;

export function readMoments(incident: Incident, policy: Policy): Moments {
  return {
    started: startedMoment(incident, policy),
    detected: detectedMoment(incident, policy),
    acknowledged: acknowledgedMoment(incident, policy),
    mitigated: mitigatedMoment(incident, policy),
    resolved: resolvedMoment(incident),
  };
}

export type DateFaultCode = DateFault | 'date-order';

export interface MomentFault {
  code: DateFaultCode;
  /** The moment at fault; null for another date (a timeline entry, a day only). */
  name: MomentName | null;
  moment: Dated;
  /** For `date-order`: the detection the moment comes before. */
  detected?: Dated;
}

/**
 * What cannot happen before the incident is detected (each name is the verb of check's
 * message). Impact can begin before detection (it usually does), so `started` is not here.
 */
const AFTER_DETECTION: ReadonlySet<MomentName> = new Set(['acknowledged', 'mitigated', 'resolved']);

/**
 * The moments that cannot be, as of `now`. A moment that is itself impossible is not also
 * compared with the detection, and nothing is compared with an impossible detection: one
 * finding per mistake.
 */
export function momentFaults(m: Moments, now: Date): Partial<Record<MomentName, MomentFault>> {
  const faults: Partial<Record<MomentName, MomentFault>> = {};
  for (const name of MOMENT_NAMES) {
    const moment = m[name];
    const code = moment ? dateFault(moment.at, now) : null;
    if (moment && code) faults[name] = { code, name, moment };
  }
  const detected = m.detected;
  if (!detected || faults.detected) return faults;
  for (const name of MOMENT_NAMES) {
    const moment = AFTER_DETECTION.has(name) ? m[name] : null;
    if (moment && !faults[name] && moment.at < detected.at) faults[name] = { code: 'date-order', name, moment, detected };
  }
  return faults;
}

/**
 * The dates of an incident that are not its moments but can be impossible all the same: each
 * timeline entry's time, and a Detected or Resolved written as a day only (`Detected:
 * 0001-01-01`), at the start of that day.
 */
export function otherDates(incident: Incident): Dated[] {
  const out: Dated[] = [];
  for (const [kind, value, label] of [['detected', incident.detected, 'Detected'], ['resolved', incident.resolved, 'Resolved']] as const) {
    const at = value && value.length <= 10 ? toDate(value) : null;
    if (!at) continue;
    const f = incident.fields.find((x) => x.canonical === kind && x.value.trim());
    out.push(f ? { at, line: f.line, label: stripInline(f.key).trim(), written: stripInline(f.value).trim() } : { at, line: incident.line - 1, label, written: value! });
  }
  for (const e of incident.timeline) {
    const at = toDate(e.at);
    if (at) out.push({ at, line: e.line, label: 'the timeline entry' });
  }
  return out;
}

/**
 * Every date of an incident that cannot be, as of `now`: its moments' faults, then those of its
 * other dates on lines no moment's fault is on (an assignment entry in the year 9999 is one
 * finding, not two).
 */
export function impossibleDates(moments: Moments, others: readonly Dated[], now: Date): MomentFault[] {
  const faults = Object.values(momentFaults(moments, now));
  const lines = new Set(faults.map((f) => f.moment.line));
  for (const d of others) {
    const code = lines.has(d.line) ? null : dateFault(d.at, now);
    if (code) {
      faults.push({ code, name: null, moment: d });
      lines.add(d.line);
    }
  }
  return faults.sort((a, b) => a.moment.line - b.moment.line);
}

/** A moment as check names it: `Resolved 9999-12-31 23:59 UTC` (as written), `the commander assignment at 2026-11-15 13:00 UTC`. */
function shown(d: Dated, zone: string): string {
  return d.written !== undefined ? `${d.label} ${d.written}` : `${d.label} at ${formatLogTime(d.at, zone)}`;
}

/** check's message for a fault of incident `id`, times shown in `zone`. */
export function faultMessage(id: string, fault: MomentFault, now: Date, zone: string): string {
  const what = shown(fault.moment, zone);
  if (fault.code === 'date-future') return `${id}: ${what} is more than a day in the future (now is ${formatLogTime(now, zone)}).`;
  if (fault.code === 'date-too-early') return `${id}: ${what} is before 1970: no incident log goes back that far.`;
  return `${id}: ${what} is before ${shown(fault.detected!, zone)}: an incident cannot be ${fault.name} before it is detected.`;
}

/** Why a figure is unknown, for the metrics: `Resolved 9999-12-31T23:59:00Z is more than a day in the future`. */
export function faultReason(fault: MomentFault): string {
  const what = `${fault.moment.label} ${formatIsoUtc(fault.moment.at)}`;
  if (fault.code === 'date-future') return `${what} is more than a day in the future`;
  if (fault.code === 'date-too-early') return `${what} is before 1970`;
  return `${what} is before ${fault.detected!.label} ${formatIsoUtc(fault.detected!.at)}`;
}
