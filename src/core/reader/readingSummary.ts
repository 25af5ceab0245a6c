// How a log was read, said once: the shapes its incidents were found in and how many in each
// ("Read 3 H2 sections under 'Incidents' as incidents (no ids or dates); 1 table of occurrences
// (lines 12–14): 3 incidents"), and how many statuses were read from the words of the text.
// `incident check` prints it as an info finding, and the Incidents view shows it in a tooltip.
import type { Incident, LogIndex } from '../model';
import { readingIfRead } from './lazy';

export interface ReadingPart {
  /** `sections` (an id, a date or fields), `prose-sections`, `sections-alike` (labelled like their neighbours), `table-rows`, `occurrence-table`, `problem-table`, `list-entries`, `key-blocks`, `linked-files`. */
  shape: 'sections' | 'prose-sections' | 'sections-alike' | 'table-rows' | 'occurrence-table' | 'problem-table' | 'list-entries' | 'key-blocks' | 'bold-headings' | 'id-lines' | 'linked-files';
  count: number;
  /** The heading level of a part of sections. */
  level?: number;
  /** The heading a part was read under (`Incidents`), when a rule used it. */
  under?: string;
  /** 1-based first and last line of a table's rows. */
  lines?: [number, number];
  /** Found because the playbook says so (`reading:`). */
  byPlaybook?: boolean;
}

export interface ReadingSummary {
  parts: ReadingPart[];
  /** Incidents whose status was read from the words of the text (no status written). */
  statusesFromText: number;
  /** Whether any part or status is a guess (prose sections, occurrence tables, statuses from words). */
  guessed: boolean;
  /**
   * Whether to tell the user (check's info finding, the view's tooltip): a guess, or a log read in
   * more than one part (a summary table and sections), where a person may count otherwise.
   */
  worthSaying: boolean;
  /** One sentence for a person. */
  text: string;
}

function partOf(incident: Incident, r: Incident['reading']): ReadingPart {
  if (r?.shape === 'prose-section') return { shape: 'prose-sections', count: 1, level: incident.level, ...(r.under ? { under: r.under } : {}), ...(r.byPlaybook ? { byPlaybook: true } : {}) };
  if (r?.shape === 'like-siblings') return { shape: 'sections-alike', count: 1, level: incident.level, ...(r.under ? { under: r.under } : {}) };
  if (r?.shape === 'occurrence-table') return { shape: 'occurrence-table', count: 1, lines: [incident.line, incident.line], ...(r.under ? { under: r.under } : {}), ...(r.byPlaybook ? { byPlaybook: true } : {}) };
  if (r?.shape === 'problem-table') return { shape: 'problem-table', count: 1, lines: [incident.line, incident.line], ...(r.under ? { under: r.under } : {}) };
  if (r?.shape === 'list-entry') return { shape: 'list-entries', count: 1, lines: [incident.line, incident.line], ...(r.under ? { under: r.under } : {}) };
  if (r?.shape === 'key-block') return { shape: 'key-blocks', count: 1, lines: [incident.line, incident.line] };
  if (r?.shape === 'bold-heading') return { shape: 'bold-headings', count: 1, lines: [incident.line, incident.line] };
  if (r?.shape === 'id-line') return { shape: 'id-lines', count: 1, lines: [incident.line, incident.line] };
  if (incident.source === 'linked-file') return { shape: 'linked-files', count: 1 };
  if (incident.source === 'table-row') return { shape: 'table-rows', count: 1, lines: [incident.line, incident.line] };
  return { shape: 'sections', count: 1, level: incident.level };
}

/** Whether `next` continues `part` (the same shape, level and heading; a table's next row). */
function continues(part: ReadingPart, next: ReadingPart): boolean {
  if (part.shape !== next.shape || part.level !== next.level || part.under !== next.under) return false;
  // Entries of a list, and blocks, run on whatever lines lie between them.
  if (part.shape === 'list-entries' || part.shape === 'key-blocks' || part.shape === 'bold-headings' || part.shape === 'id-lines') return true;
  if (part.lines && next.lines) return next.lines[0] <= part.lines[1] + 1;
  return true;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function describe(part: ReadingPart): string {
  const under = part.under ? ` under '${part.under}'` : '';
  const rows = part.lines ? (part.lines[0] === part.lines[1] ? `line ${part.lines[0]}` : `lines ${part.lines[0]}–${part.lines[1]}`) : '';
  switch (part.shape) {
    case 'prose-sections':
      return `${plural(part.count, `H${part.level} section`, `H${part.level} sections`)}${under} as incidents (no ids or dates${part.byPlaybook ? "; the playbook's reading.incidentLevel" : ''})`;
    case 'sections-alike':
      return `${plural(part.count, `H${part.level} section`, `H${part.level} sections`)}${under} as incidents by the labelled lines they share with the incidents beside them (no id, date or status of their own)`;
    case 'occurrence-table':
      return `1 table of occurrences${under} (${rows}${part.byPlaybook ? "; the playbook's reading.incidentTables" : ''}): ${plural(part.count, 'incident', 'incidents')}`;
    case 'table-rows':
      return `1 table of incidents (${rows}): ${plural(part.count, 'incident', 'incidents')}`;
    case 'problem-table':
      return `1 table of problems and their fixes${under} (${rows}): ${plural(part.count, 'incident', 'incidents')}`;
    case 'list-entries':
      return `${plural(part.count, 'list item', 'list items')}${under} as incidents (${rows}; each a problem and what was done, or a date, a status tag or a bold title first)`;
    case 'key-blocks':
      return `${plural(part.count, 'block', 'blocks')} of key lines opened by an id as incidents (${rows})`;
    case 'bold-headings':
      return `${plural(part.count, 'paragraph', 'paragraphs')} opened by a bold line with an id or a date as incidents (${rows})`;
    case 'id-lines':
      return `${plural(part.count, 'line', 'lines')} written like the headings beside them, without # (${rows}), as incidents`;
    case 'linked-files':
      return `${plural(part.count, 'index row', 'index rows')} linking incident files`;
    default:
      return `${plural(part.count, `H${part.level} section`, `H${part.level} sections`)} with ids, dates or fields`;
  }
}

/** How `index` was read: its parts in log order, consecutive incidents of one shape together. */
export function readingSummary(index: LogIndex, options: { readBodies?: boolean } = {}): ReadingSummary {
  const parts: ReadingPart[] = [];
  let statusesFromText = 0;
  // An editor redrawing its view passes readBodies: false: sections not read yet are not read
  // for this (their status from words, if any, is then not counted).
  const readBodies = options.readBodies ?? true;
  for (const incident of index.incidents) {
    const reading = readBodies ? incident.reading : readingIfRead(incident);
    if (reading?.statusText) statusesFromText++;
    const part = partOf(incident, reading);
    const last = parts[parts.length - 1];
    if (last && continues(last, part)) {
      last.count++;
      if (last.lines && part.lines) last.lines[1] = part.lines[1];
    } else parts.push(part);
  }
  const guessed = statusesFromText > 0 || parts.some((p) => p.shape === 'prose-sections' || p.shape === 'sections-alike' || p.shape === 'occurrence-table' || p.shape === 'problem-table' || p.shape === 'list-entries' || p.shape === 'key-blocks' || p.shape === 'bold-headings' || p.shape === 'id-lines');
  let text = parts.length
    ? `Read ${parts.map(describe).join('; ')}.`
    : "Read no incidents: no heading has an id, a date or incident fields, no table lists incidents, and no section tells one under a title such as Incidents. If it lists them under headings of another level or in a table, the playbook's reading settings say where (reading: incidentLevel, incidentTables). A list is read as incidents under a title such as Incidents when its items each tell a problem and what was done (an arrow) or start with a date; blocks of key lines when each opens with an ID line.";
  if (statusesFromText) text += ` ${plural(statusesFromText, 'status was', 'statuses were')} read from the words of the text (no status written).`;
  // A log with something written in it and no incident read is worth saying: its author may see
  // incidents the rules do not. A new log (a title and a line or two) is not.
  const silentOnContent = !parts.length && hasContent(index.text);
  return { parts, statusesFromText, guessed, worthSaying: guessed || parts.length > 1 || silentOnContent, text };
}

/** Whether `text` has five or more non-blank lines (stops at the fifth). */
function hasContent(text: string): boolean {
  let lines = 0;
  let from = 0;
  while (from < text.length) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    if (text.slice(from, to).trim() && ++lines >= 5) return true;
    from = to + 1;
  }
  return false;
}
