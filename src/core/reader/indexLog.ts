// The orchestrator: scan the lines, mark front matter, code and headings, then find the
// incidents (sections and table rows, or the one incident of a per-incident file).
import type { Incident, LogIndex, Problem } from '../model';
import { type Policy, defaultPolicy } from '../playbook/policy';
import { presetForLog } from '../playbook/severityPreset';
import type { IndexContext, IndexOptions } from './context';
import { type HiddenByFence, classify } from './blocks';
import { reportHiddenIncidents } from './hiddenIncidents';
import { assignDerivedIds } from './derivedIds';
import { findConflicts, flatten, markFrontMatter, scanLines, unwrapWholeFence } from './lineScan';
import { LazySectionIncident, attachReadingProblems } from './lazy';
import { findIncidents } from './sections';
import { nestFlatParts } from './flatParts';
import { singleIncident } from './sectionIncident';

/** Indexes `text` without remembering the options (see indexLog). */
export function runIndex(text: string, options: IndexOptions): LogIndex {
  flatten(text);
  // Without a playbook, the log's own severity tokens may choose the P1..P4 preset.
  const inferred = options.singleIncident ? undefined : presetForLog(text, options.policy ?? defaultPolicy());
  const policy = inferred?.policy ?? options.policy ?? defaultPolicy();
  const problems: Problem[] = [];
  const bom = text.charCodeAt(0) === 0xfeff;
  const firstNl = text.indexOf('\n');
  const eol: '\n' | '\r\n' = firstNl > 0 && text.charCodeAt(firstNl - 1) === 13 ? '\r\n' : '\n';
  const contentStart = bom ? 1 : 0;
  const lines = scanLines(text, contentStart);
  const bodyLine = markFrontMatter(text, lines, problems);
  // A document pasted whole into a Markdown fence is read as what is inside it.
  unwrapWholeFence(text, lines, bodyLine);
  const bodyStart = bodyLine < lines.starts.length ? lines.starts[bodyLine] : text.length;
  const hidden: { fence?: HiddenByFence } = {};
  const headings = classify(text, lines, problems, hidden);
  if (hidden.fence) reportHiddenIncidents(text, lines, hidden.fence, policy, problems);
  let ctx: IndexContext = { text, options, policy, lines, problems, headings, lazy: [], indexFile: indexIncidentFile, dates: {} };

  const conflictLine = findConflicts(text, lines);
  const hasConflicts = conflictLine !== -1;
  if (hasConflicts) {
    problems.push({
      code: 'conflict-markers',
      message: 'The log holds git conflict markers (<<<<<<< … >>>>>>>): resolve the merge before it can be edited.',
      line: conflictLine + 1,
      severity: 'error',
    });
  }

  let incidents = options.singleIncident ? singleIncident(ctx, bodyLine) : findIncidents(ctx, bodyLine);
  // Nothing read, or one section guessed from the parts under it: parts written at their entry's
  // level (`### 403` / `### Cause` / `### Fix`) may be entries' parts. (Sections read in prose are
  // built at once; a lazy one is never asked, which would read its body before its problems have a home.) Read again with them one
  // level down, on a copy of what the first reading noted; more incidents found that way win.
  if (!options.singleIncident && (!incidents.length || (incidents.length === 1 && !(incidents[0] instanceof LazySectionIncident) && incidents[0].reading?.shape === 'prose-section'))) {
    const nested = nestFlatParts(ctx);
    if (nested !== headings) {
      // A section read so depends on the headings beside it: an edit re-reads the log whole.
      const again: IndexContext = { ...ctx, headings: nested, problems: problems.slice(), lazy: [], readsBeside: true };
      const found = findIncidents(again, bodyLine);
      if (found.length > incidents.length) {
        incidents = found;
        problems.splice(0, problems.length, ...again.problems);
        ctx = again;
      }
    }
  }
  assignDerivedIds(incidents, policy);
  const scanProblems = splitReadingProblems(problems, incidents, lines.starts);
  // A lazy body read later reports into the same list (for `problems`) and keeps what it added.
  for (const incident of ctx.lazy) incident.sink = problems;
  let slot: LogIndex['declareSlot'] | undefined;
  return {
    text,
    eol,
    bom,
    bodyStart,
    incidents,
    get problems() {
      // Problems inside incident bodies (impossible dates) are found when the bodies are read.
      for (const incident of ctx.lazy) incident.body();
      return problems.sort((a, b) => a.line - b.line);
    },
    scanProblems,
    hasConflicts,
    // Where a declaration would go: read on first use, since judging it reads the first and
    // last dated incidents' bodies, which listing or measuring the log does not need kept.
    get declareSlot() {
      return (slot ??= declareSlot(incidents, text));
    },
    lineCount: lines.starts.length,
    ...(inferred ? { inferredPolicy: inferred } : {}),
    ...(ctx.groupedByStatus ? { groupedByStatus: true as const } : {}),
    ...(ctx.readsBeside ? { readsBeside: true as const } : {}),
    ...(ctx.dates.slashOrder !== undefined ? { slashOrderLooked: true as const } : {}),
    ...(ctx.repeatsSection ? { repeatsSection: true as const } : {}),
  };
}

/** Problems met while reading an incident's body: they belong to it, not to the log's structure. */
const READING_CODES: ReadonlySet<Problem['code']> = new Set(['bad-date', 'duplicate-field']);

/**
 * The problems found so far, split: a reading problem inside an incident read with the index
 * (not lazily) is attached to that incident (see readingProblems); the rest, returned, describe
 * the log as a whole (conflicts, fences, front matter, links). Editors show the latter after
 * every edit without reading a single incident body.
 */
function splitReadingProblems(problems: Problem[], incidents: Incident[], lineStarts: ArrayLike<number>): Problem[] {
  const scan: Problem[] = [];
  const owned = new Map<Incident, Problem[]>();
  for (const p of problems) {
    const owner = READING_CODES.has(p.code) ? incidentAt(incidents, lineStarts[p.line - 1]) : undefined;
    if (!owner) {
      scan.push(p);
      continue;
    }
    const list = owned.get(owner);
    if (list) list.push(p);
    else owned.set(owner, [p]);
  }
  for (const [incident, list] of owned) attachReadingProblems(incident, list);
  return scan.sort((a, b) => a.line - b.line);
}

/** The incident whose text holds `offset` (incidents are sorted by start and do not overlap). */
function incidentAt(incidents: Incident[], offset: number | undefined): Incident | undefined {
  if (offset === undefined) return undefined;
  let lo = 0;
  let hi = incidents.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const inc = incidents[mid];
    if (offset < inc.start) hi = mid - 1;
    else if (offset >= inc.end) lo = mid + 1;
    else return inc;
  }
  return undefined;
}

function declareSlot(incidents: Incident[], text: string): LogIndex['declareSlot'] {
  const sections = incidents.filter((i) => i.source === 'section');
  if (sections.length === 0) {
    return { insertAt: text.length, level: 2 };
  }
  const level = sections[0].level;
  // The order is judged from the first and the last dated incidents only: no need to read all.
  const first = sections.find((i) => i.detected);
  let last: Incident | undefined;
  for (let k = sections.length - 1; k >= 0 && !last; k--) if (sections[k].detected) last = sections[k];
  const oldestFirst = !!first && !!last && first !== last && (first.detected as string) < (last.detected as string);
  if (oldestFirst) {
    const last = sections[sections.length - 1];
    return { insertAt: last.end, level };
  }
  return { insertAt: sections[0].start, level };
}

/** The options each index was made with, so that a re-index can tell whether it may reuse it. */
const indexOptions = new WeakMap<LogIndex, IndexOptions>();

export function optionsOf(index: LogIndex): IndexOptions | undefined {
  return indexOptions.get(index);
}

export function rememberOptions(index: LogIndex, options: IndexOptions): void {
  indexOptions.set(index, options);
}

/** Indexes a log. Never throws on any text; what it cannot read it reports in `problems`. */
export function indexLog(text: string, options: IndexOptions = {}): LogIndex {
  const index = runIndex(text, options);
  indexOptions.set(index, options);
  return index;
}

/** Indexes a per-incident file (front matter + one incident). */
export function indexIncidentFile(text: string, policy?: Policy): LogIndex {
  return runIndex(text, { policy, singleIncident: true });
}
