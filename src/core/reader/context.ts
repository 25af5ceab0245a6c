// What every reading rule shares while one text is indexed: the text, its per-line facts, the
// policy and the problems found so far. Free functions take it as their first argument; it is
// built once per index, always with the same shape, so the hot loops stay monomorphic.
import type { LogIndex, Problem } from '../model';
import type { Policy } from '../playbook/policy';
import type { SlashOrder } from '../format/time';
import type { Heading, Lines } from './lineScan';
import type { LazySectionIncident } from './lazy';

export interface IndexOptions {
  policy?: Policy;
  /** Reads a file linked from an index table, relative to the log. Undefined: links are not followed. */
  readFile?: (relativePath: string) => LinkedFileRead;
  /** Treat the document as one incident (a per-incident file linked from an index table). */
  singleIncident?: boolean;
}

export interface IndexContext {
  readonly text: string;
  readonly options: IndexOptions;
  readonly policy: Policy;
  readonly lines: Lines;
  readonly problems: Problem[];
  /** ATX headings outside code and comments, in order. */
  readonly headings: Heading[];
  /** Section incidents whose bodies are not read yet (see lazy.ts). */
  readonly lazy: LazySectionIncident[];
  /** Indexes a linked per-incident file; passed in so that table reading need not import the orchestrator. */
  readonly indexFile: (text: string, policy?: Policy) => LogIndex;
  /** Set by findIncidents when a section stands under a heading that says a status (see statusGroups.ts). */
  groupedByStatus?: boolean;
  /** Set by the sibling rule when it weighed a section beside the incidents (see siblingSections.ts). */
  readsBeside?: boolean;
  /** Set when a section pasted twice word for word was read once (see sections.ts). */
  repeatsSection?: boolean;
  /**
   * Which way round the log writes slashed dates (see logSlashOrder): looked up on the first date
   * that does not say, null when nothing in the log says. One holder, shared by the copies of the
   * context a rule makes (`{ ...ctx, problems: [] }`), so the log is looked through once.
   */
  readonly dates: { slashOrder?: SlashOrder | null };
}

export interface Section {
  headingLine: number;
  level: number;
  /** First line after the heading, and the line after the section's last line. */
  bodyLine: number;
  endLine: number;
}

export function lineText(ctx: IndexContext, li: number): string {
  return ctx.text.slice(ctx.lines.starts[li], ctx.lines.ends[li]);
}

/** The line where headings[hi]'s section ends: the next heading of its level or higher, or the end. */
export function sectionEndLine(ctx: IndexContext, hi: number): number {
  const headings = ctx.headings;
  for (let k = hi + 1; k < headings.length; k++) if (headings[k].level <= headings[hi].level) return headings[k].line;
  return ctx.lines.starts.length;
}

/** Offset where line `li` starts, or the end of the text when there is no such line. */
export function lineStart(ctx: IndexContext, li: number): number {
  return li < ctx.lines.starts.length ? ctx.lines.starts[li] : ctx.text.length;
}

/**
 * What reading a linked file gives: its text, undefined when it does not exist, or the reason
 * it was refused ("points outside the repository", "is a FIFO, not a file").
 */
export type LinkedFileRead = string | undefined | { refused: string };
