// Incidents written as entries with no heading of their own, read only when nothing else in the
// log is an incident:
// - a list under a title that names incidents, one entry per item, when the items read as
//   incidents: `- checkout: double charge on retry → idempotency key added`, or
//   `- 2026-03-02: API down 40 min, failover to the replica`;
// - blocks of key lines separated by blank lines, each opened by an id (`ID: R1` / `what: …` /
//   `cost: …`);
// - the rows of a table of problems and their fixes (`Problem | Cause | Fix`, see tableIncidents.ts).
// Each is a guess, noted on the incident (see readingNotes). Scans over characters and words:
// no pattern runs on the user's text.
import type { Field, Incident, IncidentReading } from '../model';
import { canonicalField } from '../playbook/policy';
import { meaningEndsIt, readStatus, statusKept } from '../playbook/statusWords';
import { type SlashOrder, parseLeadingTime, slashOrderIn } from '../format/time';
import { type IndexContext, lineText } from './context';
import { fieldValues, readFields } from './fields';
import { anatomyKeyCount, namesCause } from './anatomy';
import { isEntriesPartTitle, isIncidentLogTitle, isMetaTitle, isPeriodTitle } from './proseIncidents';
import { arrowSaysPending, statusInWords } from './statusInProse';
import { headingGroupStatus, isGroupedProblemsTitle, isKnownProblemsTitle } from './statusGroups';
import { boldLineText, cutToTitle, stripInline } from './text';
import { headingFacts, logSlashOrder, readHeading } from './headings';
import { findProblemTables, lineIncident } from './tableIncidents';
import { type MarkMeaning, leadingMark, statusLegend } from './statusMarks';

/** The longest title taken from an entry's words; the rest stays in the log. */
const TITLE_CHARS = 100;

/** Arrows that separate what broke from what was done about it (`problem → fix`). */
const ARROWS = ['→', '⟶', '⇒', '➜', '➔', '->', '=>'];

/** An item of a list: where its marker's line starts, and its text after the marker. */
interface ListItem {
  line: number;
  /** The item's first line after the marker, with any continuation lines joined by a space. */
  text: string;
  /** The line after the item's last line. */
  endLine: number;
  task: boolean;
}

/** A list item's line: its marker's indentation and where its text starts; undefined when the line is no item. */
function itemAt(line: string): { indent: number; text: number } | undefined {
  let i = 0;
  while (i < line.length && line[i] === ' ') i++;
  const c = line[i];
  let after: number;
  if (c === '-' || c === '*' || c === '+') after = i + 1;
  else {
    let d = i;
    while (d < line.length && d - i < 9 && line.charCodeAt(d) >= 48 && line.charCodeAt(d) <= 57) d++;
    if (d === i || (line[d] !== '.' && line[d] !== ')')) return undefined;
    after = d + 1;
  }
  if (after >= line.length || (line[after] !== ' ' && line[after] !== '\t')) return undefined;
  let t = after;
  while (t < line.length && (line[t] === ' ' || line[t] === '\t')) t++;
  // `- ` alone, and `---` or `***` (thematic breaks), are no items.
  return t < line.length ? { indent: i, text: t } : undefined;
}

const isBlank = (ctx: IndexContext, li: number) => ctx.lines.starts[li] === ctx.lines.ends[li] || lineText(ctx, li).trim() === '';

/**
 * The top-level items of the lists in lines [from, to), list by list. An item runs to the next
 * item of its list; its indented lines, nested items and lazy continuation lines belong to it.
 * A list ends at a heading, code, or a blank line followed by an unindented line that is no item.
 */
function listItems(ctx: IndexContext, from: number, to: number): ListItem[][] {
  const lists: ListItem[][] = [];
  let list: ListItem[] = [];
  let item: ListItem | undefined;
  let listIndent = 0;
  const endList = () => {
    if (list.length) lists.push(list);
    list = [];
    item = undefined;
  };
  for (let li = from; li < to; li++) {
    if (ctx.lines.skip[li] || ctx.lines.level[li]) {
      endList();
      continue;
    }
    const line = lineText(ctx, li);
    if (isBlank(ctx, li)) {
      // A blank line inside a list: the list goes on when the next line is indented under the
      // item or is an item itself.
      const next = li + 1 < to && !ctx.lines.skip[li + 1] && !ctx.lines.level[li + 1] ? lineText(ctx, li + 1) : '';
      if (item && next.trim() && (itemAt(next) || next.startsWith('  ') || next.startsWith('\t'))) continue;
      endList();
      continue;
    }
    const at = itemAt(line);
    if (at && (!item || at.indent <= listIndent + 1) && at.indent <= 3) {
      if (!item) listIndent = at.indent;
      const rest = line.slice(at.text);
      const task = rest.length >= 3 && rest[0] === '[' && rest[2] === ']' && (rest[1] === ' ' || rest[1] === 'x' || rest[1] === 'X');
      item = { line: li, text: rest.slice(0, 4000), endLine: li + 1, task };
      list.push(item);
      continue;
    }
    if (!item) {
      endList();
      continue;
    }
    // An indented line, a nested item or a lazy continuation: part of the item.
    if (item.text.length < 4000) item.text += ' ' + line.trim();
    item.endLine = li + 1;
  }
  endList();
  return lists;
}

/** Where the first arrow of `text` is and how long it is, when text stands on both sides of it. */
function findArrow(text: string): { at: number; length: number } | undefined {
  let best: { at: number; length: number } | undefined;
  for (const arrow of ARROWS) {
    const at = text.indexOf(arrow);
    if (at > 0 && (!best || at < best.at)) best = { at, length: arrow.length };
  }
  if (!best) return undefined;
  const before = stripInline(text.slice(0, best.at)).trim();
  const after = stripInline(text.slice(best.at + best.length)).trim();
  return before.length >= 3 && after.length >= 3 ? best : undefined;
}

/** A date at the start of an item's text (`2026-03-02:`, `**2 March 2026** —`), as parsed. */
function leadingDate(text: string, order?: SlashOrder | (() => SlashOrder | undefined)): { value: string | null; length: number } | undefined {
  const plain = stripInline(text.slice(0, 200));
  // `22/04/2024`, `04/22/2024`: the number above 12 is the day. `03/05/2024`: a date either way
  // round; which, the list's other dates say (see slashOrder).
  const slashed = slashDate(plain);
  if (slashed) {
    const [a, b, y] = slashed.parts;
    const known: SlashOrder | undefined = a > 12 || a === b ? 'dmy' : b > 12 ? 'mdy' : typeof order === 'function' ? order() : order;
    const [mo, d] = known === 'dmy' ? [b, a] : [a, b];
    const valid = known !== undefined && d <= 31 && mo <= 12 && !Number.isNaN(Date.parse(`${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}T00:00:00Z`));
    if (a > 12 && b > 12) return undefined;
    return { value: valid ? `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` : null, length: slashed.length };
  }
  // A timestamp in brackets, as log lines write it (`[2026-02-25T01:30:38Z] executor: …`).
  const bracketed = plain[0] === '[' ? plain.indexOf(']') : -1;
  const parsed = parseLeadingTime(bracketed > 0 ? plain.slice(1, bracketed) : plain);
  if (!parsed || parsed.kind === 'time' || !parsed.value || parsed.invalid) return undefined;
  if (bracketed > 0 && parsed.length !== bracketed - 1) return undefined;
  return { value: parsed.value, length: bracketed > 0 ? bracketed + 1 : parsed.length };
}

/** Verbs a follow-up opens with (`Add an alert`, `Rotate the key`, `Agregar un índice`, `Vérifier …`). */
const ACTION_VERBS = new Set([
  'add', 'rotate', 'tag', 'automate', 'document', 'migrate', 'update', 'review', 'fix', 'remove', 'create', 'write', 'set', 'enable', 'disable', 'investigate', 'check', 'verify',
  'move', 'upgrade', 'replace', 'implement', 'schedule', 'audit', 'clean', 'configure', 'deploy', 'test', 'run', 'ask', 'notify', 'raise', 'lower', 'increase', 'reduce',
  'split', 'backfill', 'refactor', 'rename', 'delete', 'archive', 'revoke', 'restrict', 'introduce', 'adopt', 'define', 'draft', 'publish', 'train', 'alert', 'monitor', 'block',
  'agregar', 'añadir', 'revisar', 'documentar', 'actualizar', 'adicionar', 'atualizar', 'ajouter', 'vérifier', 'mettre', 'documenter', 'hinzufügen', 'prüfen', 'aktualisieren', 'dokumentieren', 'aggiungere', 'verificare',
]);

/** Whether a title opens with what to do (see ACTION_VERBS), not with what went wrong. */
function opensWithAction(title: string): boolean {
  let end = 0;
  while (end < title.length && end < 20 && title[end] !== ' ') end++;
  return ACTION_VERBS.has(title.slice(0, end).toLowerCase());
}

/** A task item read as the item it would be without its box (`[x] 2024-04-02 — …` → `2024-04-02 — …`). */
function untasked(item: ListItem): ListItem {
  return item.task ? { ...item, task: false, text: item.text.slice(3).trimStart() } : item;
}

/** A date of slashes, day and month in either order (`03/05/2024`, `22/04/2024`), at the start of `plain`: its numbers and length. */
function slashDate(plain: string): { parts: [number, number, number]; length: number } | undefined {
  const nums: number[] = [];
  let i = 0;
  for (const width of [2, 2, 4]) {
    const from = i;
    while (i < plain.length && i - from < width && plain.charCodeAt(i) >= 48 && plain.charCodeAt(i) <= 57) i++;
    if (i === from || (width === 4 && i - from !== 4)) return undefined;
    nums.push(Number(plain.slice(from, i)));
    if (nums.length < 3) {
      if (plain[i] !== '/') return undefined;
      i++;
    }
  }
  const c = plain.charCodeAt(i);
  if (c >= 48 && c <= 57) return undefined;
  const [a, b, y] = nums;
  return a >= 1 && a <= 31 && b >= 1 && b <= 31 && y >= 1970 && y <= 2199 ? { parts: [a, b, y], length: i } : undefined;
}

/** Which way round a list writes its slashed dates: the first of its items' dates that says (see slashOrderIn). */
function slashOrder(list: readonly ListItem[]): SlashOrder | undefined {
  for (const item of list) {
    const order = slashOrderIn(stripInline(item.text.slice(0, 40)));
    if (order) return order;
  }
  return undefined;
}

/** Whether an item reads as one incident: a problem and what was done (an arrow), or a date first and words after it. */
function isIncidentItem(item: ListItem): boolean {
  if (item.task) return false;
  if (findArrow(item.text)) return true;
  const date = leadingDate(item.text);
  // A date and a few words after it (a dated line of a timeline is no incident list's item
  // alone: the list needs two such items and two thirds of its items, see listEntries).
  return !!date && stripInline(item.text.slice(0, 400)).slice(date.length).trim().length >= 12;
}

/** An entry's title: the words before its arrow, or after its date, at most TITLE_CHARS. */
function entryTitle(item: ListItem): string {
  const arrow = findArrow(item.text);
  let text = stripInline(arrow ? item.text.slice(0, arrow.at) : item.text);
  const date = leadingDate(item.text);
  if (date) text = text.slice(date.length);
  text = text.replace(/^[\s:—–\-|,.]+/, '').trim();
  if (text.length > TITLE_CHARS) {
    const cut = text.lastIndexOf(' ', TITLE_CHARS);
    text = text.slice(0, cut > 40 ? cut : TITLE_CHARS) + '…';
  }
  return text;
}

/** An incident with no section of its own: the lines [line, endLine) of one entry. */
function entryIncident(ctx: IndexContext, line: number, endLine: number, id: string | null, title: string, fields: Field[], reading: IncidentReading, opts: { detected?: string | null; arrowFix?: string; groupStatus?: IncidentReading['statusText'] } = {}): Incident {
  const values = fieldValues(ctx, fields, { id, title, severityText: null, date: null });
  let status = values.status;
  let statusText: IncidentReading['statusText'];
  if (!status) {
    statusText = statusInWords(ctx, [[line, endLine]], new Set(fields.map((f) => f.line)));
    // `problem → what was done`: the arrow says a fix followed, unless the words say it is pending.
    if ((!statusText || !statusText.open) && opts.arrowFix) statusText = { words: opts.arrowFix, line: line + 1, open: arrowSaysPending(ctx, opts.arrowFix) };
    // Under `## Resolved` (a group of a log), what its words leave unsaid the group says.
    statusText ??= opts.groupStatus;
    if (statusText) status = statusText.open ? (readStatus(ctx.policy, 'Open')?.status ?? 'Open') : ctx.policy.resolvedStatus;
  }
  const incident = lineIncident(ctx, line, endLine, 'entry', id, title, fields, { ...values, status, detected: values.detected ?? opts.detected ?? null });
  incident.reading = { ...reading, ...(statusText ? { statusText } : {}) };
  return incident;
}

/** A part of the text lists of entries may stand in (see titledRanges). */
interface TitledRange {
  from: number;
  to: number;
  under: string;
  /** What the group says of its entries' status where their words say nothing. */
  status?: IncidentReading['statusText'];
  /** Under a title of known problems (`# Known issues`, `# Problemas conhecidos`): every item is one. */
  known?: boolean;
  /** A period of a log (`## 2024` under `# Outages`): its list is part of the log's. */
  period?: boolean;
}

/**
 * The lines a list of entries may stand in: the text under a heading whose title names
 * incidents (`# Outages`, `## 장애 이력`), down to its first sub-heading, with the heading's title.
 */
function titledRanges(ctx: IndexContext, bodyLine: number): TitledRange[] {
  const out: TitledRange[] = [];
  const headings = ctx.headings;
  /** The level of the log title the headings are under, or 0. */
  let logLevel = 0;
  /** That title's heading. */
  let logIndex = -1;
  /** The status the group of that log the headings are in says, if any. */
  let group: IncidentReading['statusText'];
  for (let hi = 0; hi < headings.length; hi++) {
    const h = headings[hi];
    if (logLevel && h.level <= logLevel) {
      logLevel = 0;
      group = undefined;
    }
    const to = hi + 1 < headings.length ? headings[hi + 1].line : ctx.lines.starts.length;
    if (h.level <= 3 && (isIncidentLogTitle(h.text) || isKnownProblemsTitle(ctx.policy, h.text) || isGroupedProblemsTitle(ctx, hi)) && !isMetaTitle(h.text)) {
      const under = stripInline(h.text);
      // Under a list of known problems, what an entry's words leave unsaid is open.
      if (isKnownProblemsTitle(ctx.policy, h.text)) out.push({ from: Math.max(bodyLine, h.line + 1), to, under, known: true, status: { words: under.trim().toLowerCase(), line: h.line + 1, open: true } });
      else out.push({ from: Math.max(bodyLine, h.line + 1), to, under });
      logLevel = h.level;
      logIndex = hi;
      group = undefined;
      continue;
    }
    // A status group of that log (`## Resolved` under `# Known bugs`): its entries take its status,
    // and so do those of its own parts (`### Browser` under `## Fixed`).
    if (logLevel && h.level === logLevel + 1) {
      group = headingGroupStatus(ctx, hi);
      if (group) out.push({ from: Math.max(bodyLine, h.line + 1), to, under: stripInline(h.text), status: group });
      // A period of that log (`## 2024`, `## May 2024` under `# Outages`): its entries are the log's.
      else if (isPeriodTitle(h.text)) out.push({ from: Math.max(bodyLine, h.line + 1), to, under: stripInline(headings[logIndex].text), period: true });
      // So are those of a part named for what the log holds (`## Problems`, `## Issues` under `# Infra problems tracker`).
      else if (isEntriesPartTitle(h.text)) out.push({ from: Math.max(bodyLine, h.line + 1), to, under: stripInline(headings[logIndex].text) });
    } else if (logLevel && group && h.level > logLevel + 1) {
      // Its own status, if its title says one (`### Reopened` under `## Fixed`), wins.
      out.push({ from: Math.max(bodyLine, h.line + 1), to, under: stripInline(h.text), status: headingGroupStatus(ctx, hi) ?? group });
    }
  }
  return out;
}

/**
 * An item whose own lines are labelled with two parts of an incident or more (`- Date: …` /
 * `  Impact: …` / `  Cause: …` / `  Fix: …`, in any language the labels are known in): one
 * incident, titled by its first label's value that is no date, status or severity.
 */
function labelledItemIncident(ctx: IndexContext, item: ListItem, under: string): Incident | undefined {
  if (item.task || anatomyKeyCount(ctx, item.line, item.endLine) < 2) return undefined;
  const fields = readFields(ctx, item.line, item.endLine);
  let title = '';
  let detected: string | undefined;
  for (let li = item.line; li < item.endLine && !title; li++) {
    const line = lineText(ctx, li);
    const at = itemAt(line);
    const kv = keyLine(at && li === item.line ? line.slice(at.text) : line.trim());
    if (!kv) continue;
    const date = leadingDate(kv.value);
    if (date) {
      detected ??= date.value ?? undefined;
      continue;
    }
    const canonical = canonicalField(ctx.policy, kv.key);
    if (canonical === 'status' || canonical === 'severity' || canonical === 'id') continue;
    title = shortTitle(stripInline(kv.value));
  }
  if (!title) return undefined;
  return entryIncident(ctx, item.line, item.endLine, null, title, fields, { shape: 'list-entry', under }, { detected });
}

/** A value cut to a title: its first sentence when that is long enough, at most TITLE_CHARS. */
function shortTitle(value: string): string {
  let title = value.trim();
  const stop = title.search(/[.!?](?:\s|$)/);
  if (stop > 20) title = title.slice(0, stop);
  return cutToTitle(title, TITLE_CHARS);
}

/** The items labelled with two parts of an incident or more, in lists under titles that name incidents (see labelledItemIncident). */
export function labelledListEntries(ctx: IndexContext, bodyLine: number): Incident[] {
  if (ctx.options.singleIncident) return [];
  const out: Incident[] = [];
  for (const range of titledRanges(ctx, bodyLine)) {
    for (const list of listItems(ctx, range.from, range.to)) {
      for (const item of list) {
        const incident = labelledItemIncident(ctx, item, range.under);
        if (incident) out.push(incident);
      }
    }
  }
  return out;
}

/**
 * Entries of lists under titles that name incidents: one-line entries (at least two, and two
 * thirds of their list or more), and items labelled with an incident's parts (each on its own).
 */
function listEntries(ctx: IndexContext, bodyLine: number): Incident[] {
  const out: Incident[] = [];
  const lists = titledRanges(ctx, bodyLine).map((range) => ({ range, lists: listItems(ctx, range.from, range.to) }));
  // The way round the log writes slashed dates, where a list of its own does not say (`## 2023`
  // over `12/03/2023` alone): another list's, else the headings' and the text's (logSlashOrder).
  let logOrder: SlashOrder | undefined;
  for (const { lists: ls } of lists) for (const list of ls) logOrder ??= slashOrder(list);
  for (const { range, lists: ls } of lists) {
    for (const list of ls) {
      const labelled = list.map((item) => labelledItemIncident(ctx, item, range.under));
      if (labelled.some(Boolean)) {
        for (const incident of labelled) if (incident) out.push(incident);
        continue;
      }
      const tagged = list.map((item) => statusTaggedItem(ctx, item, range.under));
      // Items that open with their status in brackets (`- **[OPEN] Crash on restart.**`, `-
      // [RESOLVED 2026-07-31] Garbled image`): each tagged item is one, the others (notes, history
      // lines) belong to the list around them.
      if (tagged.filter(Boolean).length >= 2) {
        for (const incident of tagged) if (incident) out.push(incident);
        continue;
      }
      // Items that open with an id (`- [BUG-0023](bugs/0023.md) Screen blocks on 210 candidates`,
      // `- **INC-12 Checkout down**`): an index of incidents, each item one.
      const ided = list.map((item) => idItem(ctx, item));
      const idCount = new Set(ided.flatMap((it) => (it ? [idPrefix(it.id)] : []))).size === 1 ? ided.filter(Boolean).length : 0;
      // One alone counts under a status group, where the list is the group's.
      if ((idCount >= 2 || (range.status !== undefined && idCount === list.length)) && idCount * 3 >= list.length * 2) {
        list.forEach((item, k) => {
          const it = ided[k];
          if (it) out.push(entryIncident(ctx, item.line, item.endLine, it.id, it.title, [], { shape: 'list-entry', under: range.under }, { groupStatus: range.status, ...markStatus(item) }));
        });
        continue;
      }
      // Items that open with a bold title and tell the story after it (`1. **Model redacted the
      // target's name.** Given a person who …`): at least two, and two thirds of their list.
      const titled = list.filter((item) => boldTitle(item) !== undefined);
      // One alone counts under a status group, where the list is the group's (`## Erledigt` over one fixed problem).
      if ((titled.length >= 2 || (range.status !== undefined && titled.length === list.length)) && titled.length * 3 >= list.length * 2) {
        // A mark opening the item says it is done (unless its words say something is pending) or still to do.
        for (const item of titled) out.push(entryIncident(ctx, item.line, item.endLine, null, boldTitle(item) as string, [], { shape: 'list-entry', under: range.under }, { groupStatus: range.status, ...markStatus(item) }));
        continue;
      }
      // A numbered list of known problems (`# Problemas conhecidos` over `1. …`, `2. …`): each
      // item is one, titled by its bold title or its first sentence, open unless its words say it
      // was fixed. Bullets there may be notes about the list (`- a note`), so they are not read.
      if (range.known && list.length >= 2 && list.every((item) => isNumbered(ctx, item))) {
        for (const item of list) {
          const title = item.task ? '' : (boldTitle(item) ?? shortTitle(stripInline(item.text)));
          if (title) out.push(entryIncident(ctx, item.line, item.endLine, null, title, [], { shape: 'list-entry', under: range.under }, { groupStatus: range.status, ...markStatus(item) }));
        }
        continue;
      }
      // Task items that open with a date (`- [x] 2024-04-02 — NAT gateway dropped connections`):
      // an incident each, over when ticked and open when not, as a tracker keeps them.
      const datedTasks = list.filter((item) => item.task && isIncidentItem(untasked(item)));
      // Follow-ups are dated tasks too (`- [ ] 2026-05-01 add an alert on queue depth`): a list
      // whose items mostly open with what to do is one of them.
      const followUps = datedTasks.filter((item) => opensWithAction(entryTitle(untasked(item)))).length;
      if (datedTasks.length >= (range.period ? 1 : 2) && datedTasks.length * 3 >= list.length * 2 && followUps * 2 < datedTasks.length) {
        const order = slashOrder(list.map(untasked)) ?? logOrder ?? (() => logSlashOrder(ctx));
        for (const item of datedTasks) {
          const plain = untasked(item);
          const title = entryTitle(plain);
          if (!title) continue;
          const ticked = item.text[1] !== ' ';
          const incident = entryIncident(ctx, item.line, item.endLine, null, title, [], { shape: 'list-entry', under: range.under }, { detected: leadingDate(plain.text, order)?.value });
          incident.status = ticked ? ctx.policy.resolvedStatus : (readStatus(ctx.policy, 'Open')?.status ?? 'Open');
          incident.reading = { ...incident.reading, statusText: { words: ticked ? `[${item.text[1]}] ticked` : '[ ] not ticked', line: item.line + 1, open: !ticked } };
          out.push(incident);
        }
        continue;
      }
      const entries = list.filter(isIncidentItem);
      // One alone counts under a period of the log (`## 2023` over one dated item).
      if (entries.length < (range.period ? 1 : 2) || entries.length * 3 < list.length * 2) continue;
      const order = slashOrder(list) ?? logOrder ?? (() => logSlashOrder(ctx));
      for (const item of entries) {
        const title = entryTitle(item);
        if (!title) continue;
        const arrow = findArrow(item.text);
        const fix = arrow ? stripInline(item.text.slice(arrow.at + arrow.length)).trim().slice(0, 60) : undefined;
        const date = leadingDate(item.text, order);
        out.push(entryIncident(ctx, item.line, item.endLine, null, title, [], { shape: 'list-entry', under: range.under }, { detected: date?.value, ...(fix ? { arrowFix: fix } : {}) }));
      }
    }
  }
  return out;
}

/**
 * An item opening with a link whose whole text is an incident's id (`[BUG-0023](bugs/0023.md)
 * Screen blocks …`, in bold or not), and its title after the link; undefined otherwise. An
 * issue number alone (`[#123](…)`, a release note's) and a term that looks like one (`UTF-8`,
 * bold, with no link) are no ids here.
 */
function idItem(ctx: IndexContext, item: ListItem): { id: string; title: string } | undefined {
  if (item.task) return undefined;
  const bold = item.text.startsWith('**');
  const at = bold ? 2 : 0;
  if (item.text[at] !== '[') return undefined;
  const close = item.text.indexOf('](', at);
  if (close < 0 || close - at > 40) return undefined;
  const id = item.text.slice(at + 1, close).trim();
  if (/^#?\d+$/.test(id) || headingFacts(ctx, id).id !== id) return undefined;
  // An item in bold is titled by its bold run; the lines after it tell more.
  const end = bold ? item.text.indexOf('**', close) : -1;
  const facts = headingFacts(ctx, stripInline((end > close ? item.text.slice(2, end) : item.text).slice(0, 300)).trim());
  const title = facts.title.replace(/^[\s:—–\-|,.]+/, '').trim();
  return title ? { id, title: title.length > TITLE_CHARS ? shortTitle(title) : title } : undefined;
}

/** An id's prefix (`BUG` of `BUG-0023`): the ids of an index share one. */
const idPrefix = (id: string) => id.replace(/[-_]?\d+$/, '');

/** Marks that open an item, as a list's legend says them (`✅ = done`): done, still to do, or neither said. */
const ITEM_MARKS: ReadonlyArray<[string, 'done' | 'pending' | 'other']> = [
  ['✅', 'done'], ['✔', 'done'], ['☑', 'done'], ['✓', 'done'],
  ['⬜', 'pending'], ['☐', 'pending'], ['⏳', 'pending'], ['🔲', 'pending'],
  ['❌', 'other'], ['✖', 'other'], ['⚠', 'other'],
];

/** The mark opening an item's text, and where its text starts after the mark and its spaces. */
function itemMark(text: string): { kind: 'done' | 'pending' | 'other'; mark: string; end: number } | undefined {
  const found = ITEM_MARKS.find(([m]) => text.startsWith(m));
  if (!found) return undefined;
  let i = found[0].length;
  // A variation selector may follow the mark (`✔️`, `⚠️`).
  if (text.charCodeAt(i) === 0xfe0e || text.charCodeAt(i) === 0xfe0f) i++;
  const after = i;
  while (text.charCodeAt(i) === 32) i++;
  return i > after ? { kind: found[1], mark: found[0], end: i } : undefined;
}

/** Where a task's text starts after its box and a space (`[ ] **Title**`), or -1. */
function taskTextStart(text: string): number {
  return text.charCodeAt(3) === 32 ? 4 : -1;
}

/** What an item's mark says of its status: done (a fix, unless its words say pending) or still to do; a task's box says the same. */
function markStatus(item: ListItem): { arrowFix?: string; groupStatus?: IncidentReading['statusText'] } {
  if (item.task) {
    const box = item.text.slice(0, 3);
    return box === '[ ]' ? { groupStatus: { words: box, line: item.line + 1, open: true } } : { arrowFix: box };
  }
  const mark = itemMark(item.text);
  if (mark?.kind === 'done') return { arrowFix: mark.mark };
  if (mark?.kind === 'pending') return { groupStatus: { words: mark.mark, line: item.line + 1, open: true } };
  return {};
}

/** Whether an item's marker is a number (`1.`, `2)`), not a bullet. */
function isNumbered(ctx: IndexContext, item: ListItem): boolean {
  const line = lineText(ctx, item.line);
  const at = line.length - line.trimStart().length;
  const c = line.charCodeAt(at);
  return c >= 48 && c <= 57;
}

/** How far into an item its bold title may close (a title that wraps over two lines included). */
const BOLD_TITLE_CHARS = 300;

/**
 * The bold title an item opens with when prose follows it (`**Portal sky culls geometry** — the
 * texgen stages were skipped …`), or undefined. A label (`**Status:** …`, `**Cause**:`) is none.
 */
function boldTitle(item: ListItem): string | undefined {
  // A task's box opens it like a mark (`- [ ] **Export writes two rows** – …`).
  const checked = item.task ? taskTextStart(item.text) : (itemMark(item.text)?.end ?? 0);
  if (checked < 0) return undefined;
  const text = item.text.slice(checked);
  const marker = text.slice(0, 2);
  if (marker !== '**' && marker !== '__') return undefined;
  const close = text.indexOf(marker, 2);
  if (close < 4 || close > BOLD_TITLE_CHARS) return undefined;
  const inner = text.slice(2, close).trim();
  const after = text.slice(close + 2);
  // A bold label (`**Status:** …`) is no title, unless a mark opened the item: then it is the
  // item's title (`✅ **Points do not add up:** …`).
  if (!checked && (inner.endsWith(':') || inner.endsWith('：') || after.startsWith(':') || after.startsWith('：'))) return undefined;
  if (stripInline(after).trim().length < 20 || !inner.includes(' ')) return undefined;
  const title = stripInline(inner).replace(/[.:;,]+$/, '');
  return title.length > TITLE_CHARS ? shortTitle(title) : title;
}

/** Tags that say an item is still to do (see statusTaggedItem). */
const TAG_STILL_TO_DO = new Set(['todo', 'to do', 'to-do', 'wip']);

/** The longest status tag read at the start of an item (`[RESOLVED 2026-07-31]` is 21 characters). */
const TAG_CHARS = 40;

/**
 * An item that opens with its status in brackets, bold or not (`- **[OPEN] Crash on restart.**`,
 * `- [RESOLVED 2026-07-31] Garbled image …`, `- [FIXED] …`): an incident whose status is the
 * tag's word (a write replaces it there) and whose end is the tag's date when it says one ended.
 */
function statusTaggedItem(ctx: IndexContext, item: ListItem, under: string): Incident | undefined {
  if (item.task) return undefined;
  const line = lineText(ctx, item.line);
  const at = itemAt(line);
  if (!at) return undefined;
  let p = at.text;
  if (line.startsWith('**', p) || line.startsWith('__', p)) p += 2;
  if (line[p] !== '[') return undefined;
  const close = line.indexOf(']', p + 1);
  if (close < 0 || close - p > TAG_CHARS || line[close + 1] === '(') return undefined;
  const inner = line.slice(p + 1, close);
  // The status: the tag's words before a date (`RESOLVED 2026-07-31` → `RESOLVED`).
  let cut = inner.length;
  for (let i = 0; i < inner.length; i++) {
    const c = inner.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      cut = i;
      break;
    }
  }
  const word = inner.slice(0, cut).replace(/[\s:—–-]+$/, '');
  const read = word ? readStatus(ctx.policy, word) : undefined;
  // `[TODO]` beside `[DONE]` in a list of bugs: still to do, so open (as a status value alone,
  // `TODO` is a template's blank, so it is read from the tag, and a write still replaces it).
  const toDo = !read?.meaning && TAG_STILL_TO_DO.has(word.trim().toLowerCase());
  if (!toDo && (!read?.meaning || read.note)) return undefined;
  const base = ctx.lines.starts[item.line];
  const wordStart = base + p + 1 + (word.length - word.trimStart().length);
  const fields: Field[] = [{ key: 'Status', canonical: 'status', value: word.trim(), style: 'table', line: item.line, valueStart: wordStart, valueEnd: wordStart + word.trim().length }];
  if (toDo) {
    const title = shortTitle(stripInline(line.slice(close + 1)).replace(/^[\s*_:—–-]+/, '').replace(/[*_]+$/, ''));
    return title ? entryIncident(ctx, item.line, item.endLine, null, title, fields, { shape: 'list-entry', under }, { groupStatus: { words: `[${word.trim()}]`, line: item.line + 1, open: true } }) : undefined;
  }
  const date = cut < inner.length ? leadingDate(inner.slice(cut)) : undefined;
  if (date && (read?.meaning === 'Resolved' || read?.meaning === 'Closed')) {
    const dateStart = base + p + 1 + cut;
    fields.push({ key: 'Resolved', canonical: 'resolved', value: inner.slice(cut, cut + date.length), style: 'table', line: item.line, valueStart: dateStart, valueEnd: dateStart + date.length });
  }
  const title = shortTitle(stripInline(line.slice(close + 1)).replace(/^[\s*_:—–-]+/, '').replace(/[*_]+$/, ''));
  if (!title) return undefined;
  return entryIncident(ctx, item.line, item.endLine, null, title, fields, { shape: 'list-entry', under });
}

/** `Key: value` at the start of a line: the key (one to three words, at most 30 characters) and the value, or undefined. */
function keyLine(line: string): { key: string; value: string } | undefined {
  const colon = line.indexOf(':');
  if (colon <= 0 || colon > 30) return undefined;
  const key = line.slice(0, colon).trim();
  if (!key || key.split(' ').length > 3) return undefined;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    // Letters, digits, spaces, `_` and `-` only: no list marker, no markup, no URL scheme's slashes.
    if (c < 48 && c !== 32 && c !== 45) return undefined;
    if ((c >= 58 && c <= 64) || (c >= 91 && c <= 96 && c !== 95) || (c >= 123 && c <= 127)) return undefined;
  }
  const value = line.slice(colon + 1).trim();
  return value ? { key, value } : undefined;
}

/**
 * Blocks of key lines separated by blank lines, each opened by an id (`ID: R1`, `Incident ID:
 * 2026-04`): an incident each, when the block has two more key lines or more.
 */
function keyBlocks(ctx: IndexContext, bodyLine: number): Incident[] {
  const out: Incident[] = [];
  const n = ctx.lines.starts.length;
  for (let li = bodyLine; li < n; li++) {
    if (ctx.lines.skip[li] || ctx.lines.level[li] || isBlank(ctx, li)) continue;
    // A block: non-blank lines from here to the next blank line, heading or code.
    let end = li + 1;
    while (end < n && !ctx.lines.skip[end] && !ctx.lines.level[end] && !isBlank(ctx, end)) end++;
    const first = keyLine(lineText(ctx, li));
    const id = first && canonicalField(ctx.policy, first.key) === 'id' ? stripInline(first.value) : '';
    if (id && id.length <= 40 && !id.includes(' ')) {
      let keys = 0;
      let describing = '';
      let firstValue = '';
      for (let k = li + 1; k < end; k++) {
        const kv = keyLine(lineText(ctx, k));
        if (!kv) continue;
        keys++;
        const canonical = canonicalField(ctx.policy, kv.key);
        // The first value of a few words that no field names (`what: The nightly job ran twice`), else the first value at all.
        const value = stripInline(kv.value);
        if (!canonical && value.split(' ').length >= 3 && !describing) describing = value;
        if (!canonical) firstValue ||= value;
      }
      if (keys >= 2) {
        const fields = readFields(ctx, li, end);
        const values = fieldValues(ctx, fields, { id, title: '', severityText: null, date: null });
        const title = shortTitle(stripInline(values.title ?? values.summary ?? (describing || firstValue)));
        out.push(entryIncident(ctx, li, end, id, title, fields, { shape: 'key-block' }));
      }
    }
    li = end - 1;
  }
  return out;
}

/** Where an entry opened on `line` ends: at the next entry's line, or at a heading before it. */
function entryEnd(ctx: IndexContext, line: number, next: number): number {
  for (let li = line + 1; li < next; li++) if (ctx.lines.level[li]) return li;
  return next;
}

/** Keys of a line that titles an entry (`Title: …`, `제목 : …`), besides the policy's title keys. */
const TITLE_KEYS = new Set(['제목', '标题', '標題', 'タイトル', '件名', '題名', 'tiêu đề']);

/** Markers of an example in a value (`(e.g. 404, 500)`, `(예: …)`): a template explains its fields with them. */
const EXAMPLE_MARKERS = ['(e.g.', '(eg.', '(eg ', '(z. b.', '(z.b.', '(p. ej.', '(ej.', '(ex.', '(ex:', '(por ex', '(например', '(напр.', '(例', '（例', '(예:', '(예 :', '（예'];

/**
 * Entries each opened by a line that titles them (`제목 : [Bulk load / N+1] Project - 1`, `Title:
 * Checkout down`) and telling an incident's parts below it (two anatomy labels or more, a cause among them), up to
 * the next such line: two or more make a log of them. An entry whose values explain themselves
 * by examples (`(e.g. 404, 500)`) is the log's template.
 */
function titledBlocks(ctx: IndexContext, bodyLine: number): Incident[] {
  const n = ctx.lines.starts.length;
  const starts: Array<{ line: number; title: string }> = [];
  for (let li = bodyLine; li < n; li++) {
    if (ctx.lines.skip[li] || ctx.lines.level[li]) continue;
    const kv = keyLine(lineText(ctx, li).trim());
    if (kv && (TITLE_KEYS.has(kv.key.toLowerCase()) || canonicalField(ctx.policy, kv.key) === 'title')) starts.push({ line: li, title: stripInline(kv.value).trim() });
  }
  if (starts.length < 2) return [];
  const out: Incident[] = [];
  for (let k = 0; k < starts.length; k++) {
    const { line, title } = starts[k];
    const end = entryEnd(ctx, line, k + 1 < starts.length ? starts[k + 1].line : n);
    // Its cause among the parts: a proposal's Problem / Solution / Impact tells no incident.
    if (!title || anatomyKeyCount(ctx, line + 1, end) < 2 || !namesCause(ctx, line + 1, end) || explainsByExamples(ctx, line, end)) continue;
    out.push(entryIncident(ctx, line, end, null, shortTitle(title), readFields(ctx, line, end), { shape: 'key-block' }));
  }
  return out.length >= 2 ? out : [];
}

/** Whether two lines or more of [from, to) give examples in brackets (see EXAMPLE_MARKERS). */
function explainsByExamples(ctx: IndexContext, from: number, to: number): boolean {
  let seen = 0;
  for (let li = from; li < to && seen < 2; li++) {
    const line = lineText(ctx, li).slice(0, 400).toLowerCase();
    if (line.includes('(') || line.includes('（')) for (const m of EXAMPLE_MARKERS) if (line.includes(m)) {
      seen++;
      break;
    }
  }
  return seen >= 2;
}

/**
 * Paragraphs opened by a bold line that names an incident by an id or a date (`**#1 — 2026-07-07
 * — Binance testnet retired**` over what happened and the fix): the bold line is the entry's
 * heading, read as headings are (id, date, title), and the entry runs to the next such line or
 * heading. Two or more make a log of them.
 */
function boldHeadingEntries(ctx: IndexContext, bodyLine: number): Incident[] {
  const starts: Array<{ line: number; facts: ReturnType<typeof readHeading>; mark?: string }> = [];
  const n = ctx.lines.starts.length;
  /** What the marks mean, as the log's legend says it: read at the first line that opens with a mark. */
  let legend: Map<string, MarkMeaning> | undefined;
  for (let li = bodyLine; li < n; li++) {
    if (ctx.lines.skip[li] || ctx.lines.level[li]) continue;
    // It opens a paragraph: the first line, or after a blank line or a heading.
    if (li > bodyLine && !isBlank(ctx, li - 1) && !ctx.lines.level[li - 1]) continue;
    const line = lineText(ctx, li);
    // A status mark may open it (`🔴 **2026-06-20 · Rate limiter rejecting valid traffic**`), when
    // the log's legend says the mark is a status: a feature matrix's `✅ **2024-02-12 · Python
    // 3.12**` is a release, not an incident.
    const lead = leadingMark(line);
    if (lead) legend ??= statusLegend(ctx, bodyLine, n);
    if (lead && !legend?.has(lead.mark)) continue;
    const inner = boldLineText(lead ? lead.rest : line);
    if (!inner) continue;
    const facts = headingFacts(ctx, inner);
    if ((facts.id || facts.date) && facts.title) starts.push({ line: li, facts, ...(lead ? { mark: lead.mark } : {}) });
  }
  if (starts.length < 2) return [];
  const out: Incident[] = [];
  for (let k = 0; k < starts.length; k++) {
    const { line, facts, mark } = starts[k];
    const end = entryEnd(ctx, line, k + 1 < starts.length ? starts[k + 1].line : n);
    const fields = readFields(ctx, line + 1, end);
    const incident = entryIncident(ctx, line, end, facts.id, facts.title, fields, { shape: 'bold-heading' }, { detected: facts.date });
    // The legend's mark is the status written, where no status field is.
    const meant = mark !== undefined ? legend?.get(mark) : undefined;
    if (meant && !fields.some((f) => f.canonical === 'status')) {
      const open = !meaningEndsIt(meant.meaning);
      incident.status = statusKept(ctx.policy, meant.status, meant.meaning);
      incident.reading = { ...incident.reading, statusText: { words: `${mark} (${meant.words}, as the legend says)`, line: line + 1, open } };
    }
    out.push(incident);
  }
  return out;
}

/**
 * A paragraph opened by a line written as the incidents' headings beside it are, without `#`
 * (`🔴 [CRITICAL] IR-2026-03-03: The Identity Paradox` among `## 🔴 [CRITICAL] IR-2026-02-22: …`):
 * the lines [line, end), its id and title read from that line (see idLines.ts).
 */
export function idLineIncident(ctx: IndexContext, line: number, end: number, facts: ReturnType<typeof readHeading>): Incident {
  const fields = readFields(ctx, line + 1, end);
  return entryIncident(ctx, line, end, facts.id, facts.title, fields, { shape: 'id-line' }, { detected: facts.date });
}

/**
 * Incidents written with no heading of their own (see the top of this file), and the rows of
 * tables of problems and their fixes (tableIncidents.ts): called when nothing else was read.
 */
export function entryIncidents(ctx: IndexContext, bodyLine: number): Incident[] {
  if (ctx.options.singleIncident) return [];
  const blocks = keyBlocks(ctx, bodyLine);
  if (blocks.length) return blocks;
  const titled = titledBlocks(ctx, bodyLine);
  if (titled.length) return titled;
  const bold = boldHeadingEntries(ctx, bodyLine);
  if (bold.length) return bold;
  const out = listEntries(ctx, bodyLine);
  findProblemTables(ctx, bodyLine, ctx.lines.starts.length, out);
  return out;
}
