// A runbook opened on an incident lives in the log as plain markdown, inside the incident's
// checklist, so it is shared through git and can be edited by hand:
//
//   ### Checklist
//   …
//   #### Runbook: Website outage
//   - [ ] Verify outage
//   - [x] Roll back
//
// The reader already reads such a sub-heading as one of the checklist's phases; this module maps
// those items back to the playbook's runbook (by title or id) and its steps (by step title),
// writes the sub-section (one splice), and resolves what a checklist item can run. Pure.
import { type HealthCheck, type Runbook, type RunbookStep, findHealthCheck, findRunbook, runbooksOf } from '../health/healthChecks';
import { type ChecklistItem, type Incident, type LogIndex, type Splice, writtenAs } from '../model';
import type { ChecklistPhase, Policy } from '../playbook/policy';
import { classify } from '../reader/blocks';
import { subsectionKind } from '../reader/headings';
import { scanLines } from '../reader/lineScan';
import { normalizeToken } from '../reader/text';
import { WriteRefused, requireIncident } from '../log/writer';
import { foldHeadingText, foldUserText } from '../reader/text';

/** What a runbook's phase heading starts with. */
export const RUNBOOK_PHASE_PREFIX = 'Runbook:';

/** The phase heading a runbook is written under: `Runbook: Website outage`. */
export function runbookPhaseName(book: Runbook): string {
  return `${RUNBOOK_PHASE_PREFIX} ${foldHeadingText(book.title)}`;
}

/** The runbook named after `Runbook:` in a phase heading (its title, else its id); undefined for other phases. */
export function runbookOfPhase(policy: Policy, phase: string | undefined): { name: string; runbook: Runbook | undefined } | undefined {
  if (phase === undefined) return undefined;
  const head = phase.slice(0, RUNBOOK_PHASE_PREFIX.length);
  if (head.toLowerCase() !== RUNBOOK_PHASE_PREFIX.toLowerCase()) return undefined;
  const name = phase.slice(RUNBOOK_PHASE_PREFIX.length).trim();
  const key = normalizeToken(name);
  const runbook = runbooksOf(policy).find((b) => normalizeToken(b.title) === key) ?? (name ? findRunbook(policy, name) : undefined);
  return { name, runbook };
}

/** One item of an opened runbook, with the playbook step it stands for (when one matches its text). */
export interface RunbookItem {
  item: ChecklistItem;
  /** Position of the item in the incident's checklist. */
  index: number;
  step?: RunbookStep;
  /** 1-based, as `incident runbook TYPE --run N` numbers it. */
  stepNumber?: number;
}

/** A runbook opened on an incident: its phase heading as written, the playbook's runbook (when it still has it), its items. */
export interface OpenedRunbook {
  phase: string;
  /** The name after `Runbook:`. */
  name: string;
  runbook: Runbook | undefined;
  items: RunbookItem[];
}

/**
 * The runbooks opened on an incident, in the order written. Items map to steps by their text
 * (step titles compared without case, markup or punctuation); a step title written twice maps
 * to its occurrences in order.
 */
export function openedRunbooks(incident: Incident, policy: Policy): OpenedRunbook[] {
  const out: OpenedRunbook[] = [];
  const used = new Map<OpenedRunbook, Set<number>>();
  incident.checklist.forEach((item, index) => {
    const named = runbookOfPhase(policy, item.phase);
    if (!named) return;
    let book = out.find((b) => b.phase === item.phase);
    if (!book) {
      book = { phase: item.phase as string, name: named.name, runbook: named.runbook, items: [] };
      out.push(book);
      used.set(book, new Set());
    }
    const entry: RunbookItem = { item, index };
    if (book.runbook) {
      const key = normalizeToken(item.text);
      const taken = used.get(book) as Set<number>;
      const n = book.runbook.steps.findIndex((s, i) => !taken.has(i) && normalizeToken(s.title) === key);
      if (n >= 0) {
        taken.add(n);
        entry.step = book.runbook.steps[n];
        entry.stepNumber = n + 1;
      }
    }
    book.items.push(entry);
  });
  return out;
}

/** Whether the runbook is already opened on the incident (by its title or id). */
export function isRunbookOpen(incident: Incident, policy: Policy, book: Runbook): boolean {
  return openedRunbooks(incident, policy).some((o) => o.runbook?.id === book.id);
}

/** The headings of an incident's section, read as the reader reads them (code and HTML skipped). */
function sectionHeadings(index: LogIndex, incident: Incident): Array<{ start: number; level: number; text: string }> {
  const slice = index.text.slice(incident.start, incident.end);
  const lines = scanLines(slice, 0);
  return classify(slice, lines, []).map((h) => ({ start: incident.start + lines.starts[h.line], level: h.level, text: h.text }));
}

/** Offset just after the last non-blank line before `end` (and not before `from`). */
function contentEnd(text: string, from: number, end: number): number {
  while (end > from) {
    let lineEnd = end;
    if (text[lineEnd - 1] === '\n') lineEnd--;
    if (text[lineEnd - 1] === '\r') lineEnd--;
    let ls = lineEnd;
    while (ls > from && text[ls - 1] !== '\n') ls--;
    if (text.slice(ls, lineEnd).trim() !== '') return end;
    end = ls;
  }
  return end;
}

/**
 * Where the incident's checklist sub-section ends and the level of its heading: the first
 * heading naming a checklist, up to the next heading at its level or above, or a deeper one
 * naming another sub-section (as the reader cuts it). Undefined when it has none.
 */
function checklistRegion(index: LogIndex, incident: Incident, policy: Policy): { end: number; level: number; headingEnd: number } | undefined {
  const headings = sectionHeadings(index, incident).slice(1);
  const first = headings.findIndex((h) => h.level > incident.level && subsectionKind(h.text, policy) === 'checklist');
  if (first < 0) return undefined;
  const level = headings[first].level;
  let end = incident.end;
  for (let k = first + 1; k < headings.length; k++) {
    const kind = subsectionKind(headings[k].text, policy);
    if (headings[k].level <= level || (kind !== null && kind !== 'checklist')) {
      end = headings[k].start;
      break;
    }
  }
  const headingEnd = index.text.indexOf('\n', headings[first].start);
  return { end, level, headingEnd: headingEnd < 0 ? index.text.length : headingEnd + 1 };
}

/**
 * Adds an opened runbook to an incident: a `Runbook: <title>` phase at the end of its checklist
 * (a `### Checklist` sub-section is added when it has none), with one open task per step. One
 * splice; none when the runbook is already open on the incident.
 */
export function addRunbookChecklist(index: LogIndex, id: string, policy: Policy, runbookId: string): Splice[] {
  if (index.hasConflicts) throw new WriteRefused('The log has git conflict markers; resolve the merge first. Nothing was written.');
  const incident = requireIncident(index, id);
  if (incident.source === 'table-row' || incident.source === 'entry') throw new WriteRefused(`${incident.id} is ${writtenAs(incident)} on line ${incident.line}; a runbook needs a section for the incident (## ${incident.id}: ${incident.title}).`);
  if (incident.source === 'linked-file') throw new WriteRefused(`${incident.id} lives in ${incident.file}; write to that file.`);
  const book = findRunbook(policy, runbookId);
  if (!book) throw new WriteRefused(`The playbook has no runbook "${runbookId}".`);
  if (isRunbookOpen(incident, policy, book)) return [];
  const phase = runbookPhaseName(book);
  const kind = subsectionKind(phase, policy);
  if (kind !== null && kind !== 'checklist') throw new WriteRefused(`The heading "${phase}" would be read as a ${kind === 'timeline' ? 'timeline' : 'list of action items'}, not a checklist phase; rename the runbook's title in the playbook.`);
  const items = book.steps.map((s) => `- [ ] ${foldUserText(s.title)}`);
  const eol = index.eol;
  const text = index.text;
  const region = checklistRegion(index, incident, policy);
  let at: number;
  let block: string;
  if (region) {
    if (region.level >= 6) throw new WriteRefused(`The checklist of ${incident.id} is under a level-6 heading; a runbook cannot be added below it.`);
    at = contentEnd(text, region.headingEnd, region.end);
    block = `${eol}${'#'.repeat(region.level + 1)} ${phase}${eol}${items.join(eol)}${eol}`;
  } else {
    const level = Math.min(6, Math.max(incident.level, 2) + 1);
    if (level >= 6) throw new WriteRefused(`${incident.id} is under a heading too deep to hold a checklist with a runbook.`);
    at = contentEnd(text, incident.bodyStart, incident.end);
    block = `${eol}${'#'.repeat(level)} Checklist${eol}${eol}${'#'.repeat(level + 1)} ${phase}${eol}${items.join(eol)}${eol}`;
  }
  const lead = at > 0 && text[at - 1] !== '\n' ? eol : '';
  return [{ start: at, end: at, text: lead + block }];
}

/** A runnable step: a health check, or a runbook's step (1-based `number`). */
export type RunnableStep = { kind: 'healthCheck'; check: HealthCheck } | { kind: 'runbookStep'; runbook: Runbook; step: RunbookStep; number: number };

/**
 * What a checklist item's `run:` names: a health check by name, or a runbook step written
 * `RUNBOOK/N` (or `RUNBOOK:N`), N counting from 1. Undefined when the playbook has neither, or
 * the step has no command.
 */
export function resolveRunnable(policy: Policy, ref: string): RunnableStep | undefined {
  const check = findHealthCheck(policy, ref);
  if (check) return { kind: 'healthCheck', check };
  const cut = Math.max(ref.lastIndexOf('/'), ref.lastIndexOf(':'));
  if (cut <= 0) return undefined;
  const n = Number(ref.slice(cut + 1));
  const runbook = findRunbook(policy, ref.slice(0, cut));
  if (!runbook || !Number.isInteger(n) || n < 1 || n > runbook.steps.length) return undefined;
  const step = runbook.steps[n - 1];
  return step.run ? { kind: 'runbookStep', runbook, step, number: n } : undefined;
}

/** The reference a runbook step is run by (`website-outage/3`). */
export function runbookStepRef(runbook: Runbook, number: number): string {
  return `${runbook.id}/${number}`;
}

/**
 * The runnable step of an incident's checklist item: its runbook step (for an opened runbook's
 * item), or what the playbook's checklist gives its text (`run:`). Undefined when it has none.
 */
export function checklistItemRunnable(incident: Incident, policy: Policy, itemIndex: number): RunnableStep | undefined {
  const item = incident.checklist[itemIndex];
  if (!item) return undefined;
  if (runbookOfPhase(policy, item.phase)) {
    const mapped = openedRunbooks(incident, policy)
      .flatMap((b) => b.items.map((i) => ({ b, i })))
      .find((x) => x.i.index === itemIndex);
    if (!mapped?.b.runbook || !mapped.i.step?.run || !mapped.i.stepNumber) return undefined;
    return { kind: 'runbookStep', runbook: mapped.b.runbook, step: mapped.i.step, number: mapped.i.stepNumber };
  }
  const ref = playbookRunRef(policy.phases, item.phase, item.text);
  return ref ? resolveRunnable(policy, ref) : undefined;
}

/** The runnable step of every item of an incident's checklist that has one, by position: one pass over the runbooks. */
export function runnableItems(incident: Incident, policy: Policy): Map<number, RunnableStep> {
  const out = new Map<number, RunnableStep>();
  for (const book of openedRunbooks(incident, policy)) {
    if (!book.runbook) continue;
    for (const i of book.items) if (i.step?.run && i.stepNumber) out.set(i.index, { kind: 'runbookStep', runbook: book.runbook, step: i.step, number: i.stepNumber });
  }
  incident.checklist.forEach((item, index) => {
    if (runbookOfPhase(policy, item.phase)) return;
    const ref = playbookRunRef(policy.phases, item.phase, item.text);
    const runnable = ref ? resolveRunnable(policy, ref) : undefined;
    if (runnable) out.set(index, runnable);
  });
  return out;
}

/** The `run:` the playbook's checklist gives an item's text: in the same phase first, then anywhere. */
export function playbookRunRef(phases: readonly ChecklistPhase[], phase: string | undefined, text: string): string | undefined {
  const t = normalizeToken(text);
  let any: string | undefined;
  for (const p of phases) {
    for (const i of p.items) {
      if (!i.run || normalizeToken(i.text) !== t) continue;
      if (phase !== undefined && normalizeToken(p.name) === normalizeToken(phase)) return i.run;
      any ??= i.run;
    }
  }
  return any;
}

/** The name a runbook step's run goes by on the timeline: `website-outage #3 Roll back` (as the CLI writes it). */
export function runbookStepName(runbook: Runbook, number: number): string {
  return `${runbook.id} #${number} ${runbook.steps[number - 1]?.title ?? ''}`.trimEnd();
}
