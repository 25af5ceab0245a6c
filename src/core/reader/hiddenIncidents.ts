// A code fence that is never closed turns the rest of the log into code, as CommonMark (and so
// VS Code's preview) reads it. The reader keeps that reading; this finding says how many of the
// hidden headings read like incidents, so that a person who counts six incidents where the tool
// lists two knows why, and where to close the fence.
import type { Problem } from '../model';
import { type Policy, canonicalField } from '../playbook/policy';
import type { HiddenByFence } from './blocks';
import { readHeading } from './headings';
import type { Lines } from './lineScan';

/** Lines after a hidden heading looked at for fields. */
const FIELD_LOOKAHEAD = 30;

/** Whether a line is a field of a known key: `- **Status:** …`, `**Date**: …`, `Severity: …`. */
function isFieldLine(line: string, policy: Policy): boolean {
  let s = line.trimStart();
  if (/^[-*+]\s/.test(s)) s = s.slice(2).trimStart();
  const colon = s.indexOf(':');
  if (colon <= 0 || colon > 60) return false;
  const key = s.slice(0, colon).replace(/[*_]/g, '').trim();
  return key !== '' && canonicalField(policy, key) !== undefined;
}

/** Whether a hidden heading reads like an incident: an id or a date, or fields under it. */
function readsLikeIncident(text: string, lines: Lines, li: number, next: number, policy: Policy): boolean {
  const heading = text.slice(lines.starts[li], lines.ends[li]).replace(/^\s*#+\s*/, '');
  const facts = readHeading(heading, policy);
  if (facts.id !== null || facts.date !== null) return true;
  const until = Math.min(next, li + 1 + FIELD_LOOKAHEAD, lines.starts.length);
  let fields = 0;
  for (let k = li + 1; k < until; k++) {
    const s = lines.starts[k];
    const e = lines.ends[k];
    if (e - s > 400) continue;
    if (isFieldLine(text.slice(s, e), policy) && ++fields >= 2) return true;
  }
  return false;
}

function listLines(lines: number[]): string {
  const shown = lines.slice(0, 6).map(String);
  const more = lines.length > 6 ? `, …` : '';
  if (shown.length === 1) return `line ${shown[0]}`;
  return `lines ${shown.length > 1 && !more ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : shown.join(', ') + more}`;
}

/**
 * The finding for a fence that hides incident-like headings, replacing the per-heading
 * `swallowed-heading` findings of that fence when there are several, or when some of them
 * have no id or date of their own (the per-heading check misses those). One such heading with
 * an id or date keeps its own finding.
 */
export function reportHiddenIncidents(text: string, lines: Lines, hidden: HiddenByFence, policy: Policy, problems: Problem[]): void {
  const like: number[] = [];
  let withoutIdOrDate = false;
  for (let k = 0; k < hidden.lines.length; k++) {
    const li = hidden.lines[k];
    const next = k + 1 < hidden.lines.length ? hidden.lines[k + 1] : lines.starts.length;
    if (!readsLikeIncident(text, lines, li, next, policy)) continue;
    like.push(li + 1);
    const heading = text.slice(lines.starts[li], lines.ends[li]).replace(/^\s*#+\s*/, '');
    const facts = readHeading(heading, policy);
    if (facts.id === null && facts.date === null) withoutIdOrDate = true;
  }
  if (like.length === 0 || (like.length === 1 && !withoutIdOrDate)) return;
  const hiddenSet = new Set(like);
  for (let i = problems.length - 1; i >= 0; i--) {
    if (problems[i].code === 'swallowed-heading' && hiddenSet.has(problems[i].line)) problems.splice(i, 1);
  }
  const fence = hidden.fenceLine + 1;
  const what = like.length === 1 ? `the heading on ${listLines(like)}, which reads like an incident, is` : `${like.length} headings that read like incidents (${listLines(like)}) are`;
  problems.push({
    code: 'fence-hides-incidents',
    message: `The code fence opened on line ${fence} is never closed, so ${what} read as code, as the preview shows them. To read them as incidents, close the fence before line ${like[0]}.`,
    line: fence,
    severity: 'warning',
  });
}
