// `incident check`: what a responder should fix now. Reading problems (conflict markers, bad
// dates, unterminated fences) come from the index; this adds the policy's clocks and duplicates.
// The checks fall in two parts: the log's (scan problems, front matter, duplicate ids), found
// from ids alone, and each incident's, found from what `incidentFacts` reads from it once. An
// editor keeps the latter per incident (IncrementalCheck), so a keystroke reads one body.
import { frontMatterProblemMessage, parseFrontMatter } from '../reader/frontMatter';
import type { Incident, LogIndex, Problem } from '../model';
import { contentOf, readingProblems } from '../reader/lazy';
import { isActive, policyOf, statusState, type StatusState } from '../indexer';
import { type Policy, type SeverityLevel, matchSeverity } from '../playbook/policy';
import { FUTURE_SLACK_MS, toDate } from '../format/time';
import { formatElapsed, overdueText } from '../format/duration';
import type { Dated } from '../metrics/times';
import { type Moments, MOMENT_NAMES, faultMessage, impossibleDates, otherDates, readMoments } from '../metrics/impossibleDates';
import { affectedComponents, statusPageOf } from '../statuspage/components';
import { readStatus } from '../playbook/statusWords';

function minutesBetween(a: Date, b: Date): number {
  return (b.getTime() - a.getTime()) / 60000;
}

/** The entry a "Snooze" on a reminder logs: `Status update reminder snoozed for 10 min`. */
export function snoozeEntryText(minutes: number): string {
  return `Status update reminder snoozed for ${Math.round(minutes)} min`;
}

const SNOOZE_ENTRY = /^status update reminder snoozed for (\d{1,4}) min\b/i;

/** The minutes a timeline entry snoozes the update reminder for; null when it is not a snooze. */
export function snoozeMinutes(text: string): number | null {
  const m = SNOOZE_ENTRY.exec(text.trim());
  return m ? Number(m[1]) : null;
}

/**
 * When the update reminder stays quiet until: the newest snooze entry's time plus its minutes.
 * Written in the log, so every teammate's editor (and the CLI) sees the same snooze.
 */
export function snoozedUntil(incident: Incident): Date | null {
  let until: Date | null = null;
  for (const e of incident.timeline) {
    const minutes = snoozeMinutes(e.text);
    const at = minutes === null ? null : toDate(e.at);
    if (at && minutes !== null) {
      const end = new Date(at.getTime() + minutes * 60000);
      if (!until || end > until) until = end;
    }
  }
  return until;
}

/** The times of the timeline entries that are updates (a snooze is not), in milliseconds. */
function updateTimes(incident: Incident): number[] {
  const times: number[] = [];
  for (const e of incident.timeline) {
    if (snoozeMinutes(e.text) !== null) continue;
    const d = toDate(e.at);
    if (d) times.push(d.getTime());
  }
  return times;
}

/** The newest of `times` that has happened by `now` (with a day's slack), else the detection. */
function newestUpdate(times: readonly number[], detected: Date | null, now?: Date): Date | null {
  const latest = now ? now.getTime() + FUTURE_SLACK_MS : Infinity;
  let last = -Infinity;
  for (const t of times) if (t > last && t <= latest) last = t;
  return last > -Infinity ? new Date(last) : detected;
}

/**
 * When the last update happened: the newest timeline entry, or the detection time. A snooze
 * entry is not an update: it quiets the reminder, it does not restart the cadence. Given `now`,
 * an entry more than a day after it is not one either: it has not happened (`check` reports
 * its date), and an entry typed in 2062 must not quiet the reminder until then.
 */
export function lastUpdateAt(incident: Incident, now?: Date): Date | null {
  return newestUpdate(updateTimes(incident), detectedAt(incident), now);
}

/** Minutes until the next status update is due (negative when overdue); null when none is required. */
export function nextUpdateDue(incident: Incident, policy: Policy, now: Date): { dueAt: Date; minutesLeft: number } | null {
  if (!isActive(incident, policy)) return null;
  const level = incident.severity ? matchSeverity(policy, incident.severity) : undefined;
  return updateDue(level, lastUpdateAt(incident, now), now);
}

function updateDue(level: SeverityLevel | undefined, last: Date | null, now: Date): { dueAt: Date; minutesLeft: number } | null {
  if (!level || level.updateMinutes === null || !last) return null;
  const dueAt = new Date(last.getTime() + level.updateMinutes * 60000);
  return { dueAt, minutesLeft: minutesBetween(now, dueAt) };
}

/** The detection time when it carries a time of day (a bare day starts no clock). */
function detectedAt(incident: Incident): Date | null {
  return incident.detected && incident.detected.length > 10 ? toDate(incident.detected) : null;
}

/**
 * An incident without a commander past its severity's response time: the level and the minutes
 * waited since detection; null when there is a commander, no response time, or time is left.
 */
export function responseTimeBreach(incident: Incident, policy: Policy, now: Date): { level: SeverityLevel; waited: number } | null {
  if (incident.roles.commander) return null;
  const level = incident.severity ? matchSeverity(policy, incident.severity) : undefined;
  return breach(level, detectedAt(incident), now);
}

function breach(level: SeverityLevel | undefined, detected: Date | null, now: Date): { level: SeverityLevel; waited: number } | null {
  if (!detected || !level || level.responseMinutes === null) return null;
  const waited = minutesBetween(detected, now);
  return waited > level.responseMinutes ? { level, waited } : null;
}

/**
 * What the per-incident checks read from one incident, taken once. Plain data that depends only
 * on the incident's text and the policy, so it can be kept while the incident is unchanged; the
 * clock is applied when the problems are made (checkIncidentFacts).
 */
export interface IncidentFacts {
  id: string;
  /** The incident's line when the facts were taken: `reading` lines are relative to it. */
  line: number;
  severity: string | null;
  active: boolean;
  /** Active, resolved, or unknown (no status and no resolution fact): unknowns are counted per log. */
  state: StatusState;
  commander: boolean;
  detected: Date | null;
  /** The update times (see lastUpdateAt): the newest that has happened depends on the clock. */
  updates: number[];
  /** Problems met reading the body (impossible dates), each `line` relative to the heading's. */
  reading: Problem[];
  /**
   * The moments the metrics measure, and the other dates (timeline entries, a day-only
   * Detected or Resolved), each `line` relative to the heading's: whether one is in the future
   * depends on the clock, so they are judged when the problems are made.
   */
  moments: Moments;
  otherDates: Dated[];
  /** `Affected:` names the playbook's components list does not have (none without a list). */
  unknownComponents: string[];
  /** An active incident's status that no status word matched (`STAGE_3`): read as open, as written. */
  unknownStatusWord: string | null;
}

export function incidentFacts(incident: Incident, policy: Policy): IncidentFacts {
  const line = incident.line;
  // A linked file's dates are on lines of that file: they are reported on the index row.
  const relative = (d: Dated): Dated => ({ ...d, line: incident.source === 'linked-file' ? 0 : d.line + 1 - line });
  const read = readMoments(incident, policy);
  const moments = {} as Moments;
  for (const name of MOMENT_NAMES) moments[name] = read[name] && relative(read[name]);
  return {
    id: incident.id,
    line,
    severity: incident.severity,
    active: isActive(incident, policy),
    state: statusState(incident, policy),
    commander: !!incident.roles.commander,
    detected: detectedAt(incident),
    updates: updateTimes(incident),
    reading: readingProblems(incident).map((p) => ({ ...p, line: p.line - line })),
    moments,
    otherDates: otherDates(incident).map(relative),
    unknownComponents: statusPageOf(policy)?.components.length ? affectedComponents(incident, policy).unknown : [],
    unknownStatusWord: incident.status && readStatus(policy, incident.status)?.unknown ? incident.status : null,
  };
}

/** The policy's problems for one incident (severity, commander, update cadence) at `line`, as of `now`. */
export function checkIncidentFacts(f: IncidentFacts, line: number, policy: Policy, now: Date): Problem[] {
  const id = f.id;
  const problems: Problem[] = impossibleDates(f.moments, f.otherDates, now).map((fault) => ({
    code: fault.code,
    message: faultMessage(id, fault, now, policy.timeZone),
    line: line + fault.moment.line,
    incidentId: id,
    severity: 'warning',
  }));
  const level = f.severity ? matchSeverity(policy, f.severity) : undefined;
  if (!f.severity) {
    problems.push({ code: 'missing-severity', message: `${id} has no severity.`, line, incidentId: id, severity: 'warning' });
  } else if (!level) {
    problems.push({ code: 'missing-severity', message: `${id} has severity "${f.severity}", which the policy does not know (${policy.severities.map((s) => s.id).join(', ')}).`, line, incidentId: id, severity: 'warning' });
  }
  if (f.unknownComponents.length) {
    const names = f.unknownComponents.map((n) => `"${n}"`).join(', ');
    const ids = (statusPageOf(policy)?.components ?? []).map((c) => c.id);
    const known = ids.length > 8 ? `${ids.slice(0, 8).join(', ')} and ${ids.length - 8} more` : ids.join(', ');
    const one = f.unknownComponents.length === 1;
    problems.push({ code: 'unknown-component', message: `${id} is affected on ${names}, ${one ? 'which is not a component' : 'which are not components'} of the playbook (${known}).`, line, incidentId: id, severity: 'warning' });
  }
  if (!f.active) return problems;
  if (f.unknownStatusWord) {
    // Counted active because nothing says otherwise: say so, and how to say what it means.
    problems.push({
      code: 'unknown-status-word',
      message: `${id} has status "${f.unknownStatusWord}", which no status word matches, so it is counted active. If it means the incident is over, add it under statusWords: closed: in .incident/playbook.yml (open: or deferred: for those).`,
      line,
      incidentId: id,
      severity: 'info',
    });
  }
  if (!f.commander) {
    const late = breach(level, f.detected, now);
    problems.push(
      late
        ? { code: 'response-time-breach', message: `${id} (${late.level.id}) has had no incident commander for ${formatElapsed(late.waited)}; the response time is ${formatElapsed(late.level.responseMinutes!)}.`, line, incidentId: id, severity: 'error' }
        : { code: 'missing-commander', message: `${id} is active with no incident commander.`, line, incidentId: id, severity: 'warning' },
    );
  }
  const due = updateDue(level, newestUpdate(f.updates, f.detected, now), now);
  if (due && due.minutesLeft < 0) {
    problems.push({
      code: 'update-overdue',
      message: `${id} (${level?.id}) status update is overdue by ${overdueText(-due.minutesLeft)} (every ${formatElapsed(level?.updateMinutes ?? 0)}).`,
      line,
      incidentId: id,
      severity: 'warning',
    });
  }
  return problems;
}

/** The front matter's YAML error, if any (line 1). */
function frontMatterProblems(index: LogIndex): Problem[] {
  const from = index.bom ? 1 : 0;
  if (index.bodyStart <= from) return [];
  try {
    parseFrontMatter(index.text.slice(from, index.bodyStart).replace(/\r\n/g, '\n'));
    return [];
  } catch (e) {
    return [{ code: 'bad-front-matter', message: frontMatterProblemMessage(e), line: 1, severity: 'warning' }];
  }
}

/** Ids written twice: the second (and later) use, naming the first's line. Reads ids only. */
function duplicateIds(index: LogIndex): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, Incident>();
  for (const inc of index.incidents) {
    if (!inc.idWritten) continue;
    const first = seen.get(inc.id);
    if (first) problems.push({ code: 'duplicate-id', message: `${inc.id} is used twice (also on line ${first.line}).`, line: inc.line, incidentId: inc.id, severity: 'error' });
    else seen.set(inc.id, inc);
  }
  return problems;
}

/** How many ids an unknown-status finding names before "and N more". */
const UNKNOWN_NAMED = 5;

/**
 * One finding for the whole log, not one per incident: the incidents whose status is unknown (no
 * status, nothing that says they ended). A history of 150 rows is one line to fix, not 150.
 */
export function unknownStatusProblem(unknown: ReadonlyArray<{ id: string; line: number }>): Problem | undefined {
  if (unknown.length === 0) return undefined;
  const named = unknown.slice(0, UNKNOWN_NAMED).map((u) => u.id).join(', ');
  const more = unknown.length > UNKNOWN_NAMED ? ` and ${unknown.length - UNKNOWN_NAMED} more` : '';
  const n = unknown.length;
  return {
    code: 'unknown-status',
    message: `${n} incident${n === 1 ? ' has' : 's have'} no status and nothing that says ${n === 1 ? 'it' : 'they'} ended (${named}${more}): ${n === 1 ? 'it is' : 'they are'} not counted active. Add a Status field, or a Resolution or TTR when one is over.`,
    line: unknown[0].line,
    severity: 'warning',
  };
}

/** The preset the log was read with when it is not the one given (an info finding, line 1). */
function presetProblems(index: LogIndex): Problem[] {
  const inferred = index.inferredPolicy;
  return inferred ? [{ code: 'severity-preset', message: inferred.reason, line: 1, severity: 'info' }] : [];
}

export interface CheckOptions {
  /**
   * Check only these incidents (of `index`) for their own problems; the log's problems (scan
   * problems, front matter, duplicate ids) are always included. Bodies of other incidents are
   * not read.
   */
  incidents?: readonly Incident[];
}

export function checkLog(index: LogIndex, given: Policy, now: Date = new Date(), options: CheckOptions = {}): Problem[] {
  // A log read with an inferred preset is checked against it.
  const policy = policyOf(index, given);
  if (options.incidents) {
    const problems = [...index.scanProblems, ...frontMatterProblems(index), ...duplicateIds(index), ...presetProblems(index)];
    const unknown: Incident[] = [];
    for (const inc of options.incidents) {
      const facts = incidentFacts(contentOf(inc), policy);
      if (facts.state === 'unknown') unknown.push(inc);
      problems.push(...facts.reading.map((p) => ({ ...p, line: p.line + inc.line })), ...checkIncidentFacts(facts, inc.line, policy, now));
    }
    const u = unknownStatusProblem(unknown);
    if (u) problems.push(u);
    return problems.sort((a, b) => a.line - b.line);
  }
  const problems: Problem[] = [...index.problems, ...frontMatterProblems(index), ...presetProblems(index)];
  const seen = new Map<string, Incident>();
  const unknown: Incident[] = [];
  for (const inc of index.incidents) {
    if (statusState(inc, policy) === 'unknown') unknown.push(inc);
    if (inc.idWritten) {
      const first = seen.get(inc.id);
      if (first) {
        problems.push({ code: 'duplicate-id', message: `${inc.id} is used twice (also on line ${first.line}).`, line: inc.line, incidentId: inc.id, severity: 'error' });
      } else seen.set(inc.id, inc);
    }
    problems.push(...checkIncidentFacts(incidentFacts(inc, policy), inc.line, policy, now));
  }
  const u = unknownStatusProblem(unknown);
  if (u) problems.push(u);
  return problems.sort((a, b) => a.line - b.line);
}

/**
 * `checkLog` for an editor that checks after every edit: each incident's facts are kept under
 * its text (the incident object, or the base of a shifted one), and looked up by id and text
 * after a full re-index, so only the incidents an edit changed are read again. The result is
 * always `checkLog(index, policy, now)`, in the same order.
 */
export class IncrementalCheck {
  private policy: Policy | undefined;
  private byContent = new WeakMap<Incident, IncidentFacts>();
  /**
   * The findings of incidents whose findings cannot change as time goes on, with lines counted
   * from the incident's heading: a resolved incident is judged on its dates and fields alone, and
   * a date that is not in the future now never will be. Checked again only when the clock goes
   * back. A keystroke then judges the one incident it changed, not every incident of the log.
   */
  private settled = new WeakMap<IncidentFacts, { at: number; problems: Problem[] }>();
  /** The last run's section incidents by id: their offsets in `text` and their facts. */
  private previous: { text: string; byId: Map<string, { start: number; end: number; facts: IncidentFacts }> } | undefined;
  private frontMatter: { text: string; problems: Problem[] } | undefined;
  /** How many incidents the last run read (the others' facts were kept). */
  lastReads = 0;
  /** How many incidents the last run judged afresh (the others' findings were settled). */
  lastJudged = 0;

  run(index: LogIndex, given: Policy, now: Date = new Date()): Problem[] {
    const policy = policyOf(index, given);
    if (policy !== this.policy) {
      this.policy = policy;
      this.byContent = new WeakMap();
      this.settled = new WeakMap();
      this.previous = undefined;
    }
    const problems: Problem[] = [...index.scanProblems, ...this.frontMatterOf(index), ...presetProblems(index)];
    const unknown: Incident[] = [];
    const byId = new Map<string, { start: number; end: number; facts: IncidentFacts }>();
    const seen = new Map<string, Incident>();
    this.lastReads = 0;
    this.lastJudged = 0;
    for (const inc of index.incidents) {
      const content = contentOf(inc);
      let facts = this.byContent.get(content) ?? this.sameText(index, inc);
      if (!facts) {
        facts = incidentFacts(content, policy);
        this.lastReads++;
      }
      this.byContent.set(content, facts);
      if (facts.state === 'unknown') unknown.push(inc);
      if (inc.source === 'section' && !byId.has(inc.id)) byId.set(inc.id, { start: inc.start, end: inc.end, facts });
      for (const p of facts.reading) problems.push({ ...p, line: p.line + inc.line });
      if (inc.idWritten) {
        const first = seen.get(inc.id);
        if (first) problems.push({ code: 'duplicate-id', message: `${inc.id} is used twice (also on line ${first.line}).`, line: inc.line, incidentId: inc.id, severity: 'error' });
        else seen.set(inc.id, inc);
      }
      for (const p of this.findingsOf(facts, policy, now)) problems.push({ ...p, line: p.line + inc.line });
    }
    this.previous = { text: index.text, byId };
    const u = unknownStatusProblem(unknown);
    if (u) problems.push(u);
    return problems.sort((a, b) => a.line - b.line);
  }

  /** checkIncidentFacts with lines counted from the heading (0), kept while they cannot change (see `settled`). */
  private findingsOf(facts: IncidentFacts, policy: Policy, now: Date): Problem[] {
    const kept = this.settled.get(facts);
    if (kept && now.getTime() >= kept.at) return kept.problems;
    this.lastJudged++;
    const problems = checkIncidentFacts(facts, 0, policy, now);
    if (!facts.active && !problems.some((p) => p.code === 'date-future')) this.settled.set(facts, { at: now.getTime(), problems });
    return problems;
  }

  /**
   * The facts of a section with the same id and the same text in the last run: a section is
   * read from its own text alone (the re-index relies on this too), so they still hold.
   */
  private sameText(index: LogIndex, inc: Incident): IncidentFacts | undefined {
    // A section under a heading that says a status is not read from its own text alone, nor is
    // one weighed by the labels of the incidents beside it.
    if (inc.source !== 'section' || !this.previous || index.groupedByStatus || index.readsBeside) return undefined;
    const was = this.previous.byId.get(inc.id);
    if (!was || was.end - was.start !== inc.end - inc.start) return undefined;
    return this.previous.text.slice(was.start, was.end) === index.text.slice(inc.start, inc.end) ? was.facts : undefined;
  }

  private frontMatterOf(index: LogIndex): Problem[] {
    const text = index.text.slice(0, index.bodyStart);
    if (this.frontMatter?.text !== text) this.frontMatter = { text, problems: frontMatterProblems(index) };
    return this.frontMatter.problems;
  }
}
