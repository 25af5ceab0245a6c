// Field lines (`- **Severity:** SEV-2`, `**Status**: open`, `Commander: @ana`, two-column
// tables, front matter keys) and the incident values read from them.
import { frontMatterProblemMessage, parseFrontMatter } from './frontMatter';
import type { CanonicalField, Field, FieldStyle, Incident } from '../model';
import { type Policy, canonicalField, matchSeverity } from '../playbook/policy';
import { isImpactKey, readSeverity } from '../playbook/severityWords';
import { isDurationKey, isFilledValue, isNotApplicableStatus, isOutstandingKey, isPlaceholderValue, isResolutionKey, openFact, readStatus, resolutionFact } from '../playbook/statusWords';
import { isLetterOrDigitCode, stripInline } from './text';
import { combineDayAndTime, parseLeadingTime, parseTimeValue } from '../format/time';
import { type IndexContext, type Section, lineStart, lineText } from './context';
import type { HeadingFacts } from './headings';
import { hasChar } from './lineScan';
import { tableAt, tableField } from './tables';

// The colon may be the full-width one of Chinese and Japanese text (`**状态**：未处理`).
const FIELD_BOLD_INSIDE = /^(\s*(?:[-*+]\s+)?)(\*\*|__)([^*_]{1,60}?)[:：]\2[ \t]*(.*)$/;
const FIELD_BOLD_OUTSIDE = /^(\s*(?:[-*+]\s+)?)(\*\*|__)([^*_]{1,60}?)\2[ \t]*[:：][ \t]*(.*)$/;
const FIELD_PLAIN = /^(\s*(?:[-*+]\s+)?)([\p{L}][\p{L}\p{N} _/-]{0,40}?)[ \t]*(?::[ \t]+|：[ \t]*)(.*)$/u;

/**
 * Keys read on a plain `Key: value` line: the canonical fields and their aliases, and the keys
 * that tell how an incident ended, whether it has, or how bad it was (Resolution, TTR,
 * Outstanding, Impact).
 */
function isReadKey(policy: Policy, key: string): boolean {
  return !!canonicalField(policy, key) || isResolutionKey(key) || isDurationKey(key) || isOutstandingKey(key) || isImpactKey(key);
}

/**
 * `**Status: RESOLVED**`, the whole line bold (a list marker allowed): found by hand, since a
 * pattern with a lazy value before the closing `**` would backtrack on long lines.
 */
function matchBoldLine(line: string): { prefix: number; key: string; keyStart: number; valueStart: number; valueEnd: number } | undefined {
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  if ((line[i] === '-' || line[i] === '*' || line[i] === '+') && (line[i + 1] === ' ' || line[i + 1] === '\t') && line[i + 2] !== undefined) {
    i += 2;
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  }
  const marker = line.slice(i, i + 2);
  if (marker !== '**' && marker !== '__') return undefined;
  let end = line.length;
  while (end > i && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  if (end - i < 6 || line.slice(end - 2, end) !== marker) return undefined;
  const inner = i + 2;
  const colon = line.indexOf(':', inner);
  if (colon === -1 || colon >= end - 2 || colon - inner > 60) return undefined;
  const key = line.slice(inner, colon);
  if (key.includes('*') || key.includes('_') || !key.trim()) return undefined;
  let valueStart = colon + 1;
  while (valueStart < end - 2 && (line[valueStart] === ' ' || line[valueStart] === '\t')) valueStart++;
  let valueEnd = end - 2;
  while (valueEnd > valueStart && (line[valueEnd - 1] === ' ' || line[valueEnd - 1] === '\t')) valueEnd--;
  return { prefix: i, key, keyStart: inner, valueStart, valueEnd };
}

interface FieldMatch {
  key: string;
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
  value: string;
  style: FieldStyle;
}

/** Recognises a field line; offsets are relative to the line. */
function matchFieldLine(line: string, policy: Policy): FieldMatch | undefined {
  let m = FIELD_BOLD_INSIDE.exec(line);
  let style: FieldStyle | undefined;
  let keyGroup = 3;
  let valueGroup = 4;
  if (m) style = m[1].trim() ? 'list-bold' : 'bold';
  else {
    m = FIELD_BOLD_OUTSIDE.exec(line);
    if (m) style = 'bold-outside';
    else {
      const bold = matchBoldLine(line);
      if (bold) {
        const key = stripInline(bold.key).trim();
        if (!key || /^\d/.test(key) || !isReadKey(policy, key)) return undefined;
        return { key, keyStart: bold.keyStart, keyEnd: bold.keyStart + bold.key.length, valueStart: bold.valueStart, valueEnd: bold.valueEnd, value: line.slice(bold.valueStart, bold.valueEnd), style: 'bold' };
      }
      m = FIELD_PLAIN.exec(line);
      if (!m) return undefined;
      keyGroup = 2;
      valueGroup = 3;
      style = 'plain';
      if (!isReadKey(policy, m[2])) return undefined;
    }
  }
  const key = stripInline(m[keyGroup]).trim();
  if (!key || /^\d/.test(key)) return undefined;
  const keyStart = line.indexOf(m[keyGroup], m[1].length);
  const valueRaw = m[valueGroup];
  const valueStart = line.length - valueRaw.length;
  let valueEnd = line.length;
  // Trailing two-space hard breaks and backslash breaks stay where they are.
  while (valueEnd > valueStart && (line[valueEnd - 1] === ' ' || line[valueEnd - 1] === '\t')) valueEnd--;
  if (valueEnd > valueStart && line[valueEnd - 1] === '\\' && line[valueEnd - 2] !== '\\') {
    valueEnd--;
    while (valueEnd > valueStart && line[valueEnd - 1] === ' ') valueEnd--;
  }
  return { key, keyStart, keyEnd: keyStart + m[keyGroup].length, valueStart, valueEnd, value: line.slice(valueStart, valueEnd), style };
}

/**
 * A whole bold field line that wraps onto the next line, as an editor's soft wrap leaves it:
 * `**Status: PARTIALLY RESOLVED — code fix verified, infra deployment` then
 * `decision still open.**`. The value runs from after the colon to before the closing marker on
 * the second line (a write replaces both lines' value). Only a key that is read, and only when
 * the first line holds no closing marker and the second ends with it.
 */
function matchWrappedBoldLine(ctx: IndexContext, li: number): Field | undefined {
  const { text, lines, policy } = ctx;
  const next = li + 1;
  if (lines.skip[next] || lines.level[next]) return undefined;
  const line = lineText(ctx, li);
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  if ((line[i] === '-' || line[i] === '*' || line[i] === '+') && (line[i + 1] === ' ' || line[i + 1] === '\t')) {
    i += 2;
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  }
  const marker = line.slice(i, i + 2);
  if (marker !== '**' && marker !== '__') return undefined;
  if (line.indexOf(marker, i + 2) !== -1) return undefined;
  const colon = line.indexOf(':', i + 2);
  if (colon === -1 || colon - i - 2 > 60) return undefined;
  const rawKey = line.slice(i + 2, colon);
  const key = stripInline(rawKey).trim();
  if (!key || /^\d/.test(key) || rawKey.includes('*') || rawKey.includes('_') || !isReadKey(policy, key)) return undefined;
  const second = lineText(ctx, next);
  let end = second.length;
  while (end > 0 && (second[end - 1] === ' ' || second[end - 1] === '\t')) end--;
  if (end < 3 || second.slice(end - 2, end) !== marker || second.indexOf(marker) !== end - 2 || second.trim().length < 3) return undefined;
  let valueStart = colon + 1;
  while (valueStart < line.length && (line[valueStart] === ' ' || line[valueStart] === '\t')) valueStart++;
  if (valueStart >= line.length) return undefined;
  const base = lines.starts[li];
  const valueEnd = lines.starts[next] + end - 2;
  return { key, canonical: canonicalField(policy, key), value: text.slice(base + valueStart, valueEnd), style: 'bold', line: li, valueStart: base + valueStart, valueEnd };
}

/** The field lines and two-column field tables in lines [from, to). */
export function readFields(ctx: IndexContext, from: number, to: number, options: { quoted?: boolean } = {}): Field[] {
  const fields: Field[] = [];
  const { text, lines, policy } = ctx;
  for (let li = from; li < to; li++) {
    if (lines.skip[li] || lines.level[li]) continue;
    const s0 = lines.starts[li];
    const e0 = lines.ends[li];
    // Every field shape has a colon or is a table row; most prose lines are neither.
    if (e0 - s0 > 400 || e0 === s0) continue;
    if (!hasChar(text, 58 /* : */, s0, e0) && !hasChar(text, 124 /* | */, s0, e0) && !hasChar(text, 0xff1a /* ： */, s0, e0)) continue;
    if (options.quoted) {
      const q = quotedField(ctx, li);
      if (q) fields.push(q);
      continue;
    }
    const line = lineText(ctx, li);
    const table = tableAt(text, lines, li, to);
    if (table) {
      if (table.headers.length === 2) {
        for (let r = table.firstRow; r <= table.lastRow; r++) {
          const f = tableField(ctx, r, 0, 1);
          if (f) fields.push(f);
        }
      }
      li = table.lastRow;
      continue;
    }
    const m = matchFieldLine(line, policy);
    if (!m) {
      const wrapped = li + 1 < to ? matchWrappedBoldLine(ctx, li) : undefined;
      if (wrapped) {
        fields.push(wrapped);
        li++;
      }
      continue;
    }
    const base = lines.starts[li];
    fields.push({
      key: m.key,
      canonical: canonicalField(policy, m.key),
      value: m.value,
      style: m.style,
      line: li,
      valueStart: base + m.valueStart,
      valueEnd: base + m.valueEnd,
    });
  }
  return fields;
}

/**
 * Keys too common outside incidents to make a section one on their own (a page's `Owner:` and
 * `Created:`, a `Window:`): they are read as fields inside an incident, but do not count towards
 * deciding that a section is one.
 */
const WEAK_KEYS = new Set(['owner', 'lead', 'responsible', 'created', 'created at', 'created on', 'opened', 'opened at', 'opened on', 'window', 'data', 'end', 'fin', 'fine', 'ende', 'reported', 'reported at', 'reported on']);

/** `> ` before a line (up to three spaces first): a block quote's marker, and how long it is. */
function quoteMarkerLength(line: string): number {
  let i = 0;
  while (i < 3 && line[i] === ' ') i++;
  if (line[i] !== '>') return 0;
  return line[i + 1] === ' ' ? i + 2 : i + 1;
}

/**
 * A field on a block-quoted line (`> **Status:** ✅ RESOLVED`), as a document's header box
 * writes its facts under the title; offsets are the file's, so a write replaces the value in place.
 */
function quotedField(ctx: IndexContext, li: number): Field | undefined {
  const line = lineText(ctx, li);
  const cut = quoteMarkerLength(line);
  if (!cut) return undefined;
  const m = matchFieldLine(line.slice(cut), ctx.policy);
  if (!m) return undefined;
  const base = ctx.lines.starts[li] + cut;
  return { key: m.key, canonical: canonicalField(ctx.policy, m.key), value: m.value, style: m.style, line: li, valueStart: base + m.valueStart, valueEnd: base + m.valueEnd };
}

/** Whether a section without an id or date in its heading holds enough fields to be an incident. */
export function fieldsLookLikeIncident(policy: Policy, allFields: Field[]): boolean {
  const fields = allFields.filter((f) => !WEAK_KEYS.has(f.key.trim().toLowerCase().replace(/\s+/g, ' ')));
  const kinds = new Set<CanonicalField>();
  for (const f of fields) if (f.canonical && f.value.trim()) kinds.add(f.canonical);
  const core = ['severity', 'status', 'detected', 'resolved', 'commander'] as const;
  const n = core.filter((k) => kinds.has(k)).length;
  if (n >= 2) return true;
  for (const f of fields) {
    if (f.canonical === 'severity' && matchSeverity(policy, stripInline(f.value))) return true;
    if (f.canonical === 'detected' && parseTimeValue(stripInline(f.value), policy.timeZone)) return true;
  }
  return false;
}

/** `~08:15`, `≈ 14:00`, `approx. 2026-03-04 10:00`: an approximate time, the mark removed. */
export function withoutApproximation(text: string): { text: string; approximate: boolean } {
  const t = text.trim();
  const m = /^(?:~|≈|approx\.?|approximately|around|about|ca\.|circa|aprox\.?|env\.|environ|etwa|circa|около|примерно)\s{0,3}/i.exec(t);
  let out = m ? t.slice(m[0].length) : t;
  let approximate = !!m;
  // `2026-03-04 ~08:15`: the mark before the time of a dated value.
  const inner = out.indexOf(' ~');
  if (inner !== -1 && inner < 12) {
    out = out.slice(0, inner + 1) + out.slice(inner + 2);
    approximate = true;
  }
  return { text: out, approximate };
}

/** A zone written in a key's note (`Date / Window (IST)`, `Started (UTC+2)`), or undefined. */
function keyZone(key: string): string | undefined {
  const k = key.trim();
  if (!k.endsWith(')')) return undefined;
  const open = k.lastIndexOf('(');
  if (open === -1) return undefined;
  const inner = k.slice(open + 1, -1).trim();
  return /^(?:[A-Z]{1,5}|[A-Z]{3}[+-]\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}|[A-Z][A-Za-z_]+\/[A-Za-z_]+)$/.test(inner) ? inner : undefined;
}

export interface TimeFieldReading {
  /** ISO UTC, or a plain day; null when the value is not a time or names an impossible one. */
  value: string | null;
  invalid: boolean;
  approximate: boolean;
}

/**
 * A time field's value: approximation marks (`~`) set aside, a zone from the key's note used
 * when the value writes none, a time alone placed on `day` when there is one.
 */
export function readTimeField(field: Field, zone: string, day: string | null): TimeFieldReading | undefined {
  const { text, approximate } = withoutApproximation(stripInline(field.value));
  let p = parseTimeValue(text, zone);
  if (!p) {
    const lead = parseLeadingTime(text, zone);
    if (lead?.kind === 'time' && day) {
      if (lead.invalid || !lead.value) return { value: null, invalid: true, approximate };
      const zoneText = lead.zone ?? keyZone(field.key) ?? null;
      const value = combineDayAndTime(day, lead.value, zoneText, zone);
      return value ? { value, invalid: false, approximate } : undefined;
    }
    return undefined;
  }
  const noted = p.kind === 'datetime' && !p.zone ? keyZone(field.key) : undefined;
  if (noted) {
    const again = parseLeadingTime(`${text.slice(0, p.length)} ${noted}`, zone);
    if (again && again.value && !again.invalid) p = again;
  }
  return { value: p.invalid ? null : p.value, invalid: p.invalid || !p.value, approximate };
}

/** Where an incident stands in the text, and its parts read from there. */
export interface IncidentPlace {
  timeline: Incident['timeline'];
  checklist: Incident['checklist'];
  actionItems: Incident['actionItems'];
  line: number;
  source: Incident['source'];
  start: number;
  end: number;
  level: number;
  bodyStart: number;
}

/**
 * An incident from its head (id, title, fields and their values) and its place, whatever holds
 * it (a section, a table row, an entry), as one literal of every key in one order, a section's
 * two slots added after: built by spreading a head and adding a dozen keys, each incident had
 * slow properties, measured at a fifth of reading a body.
 */
export function newIncident(id: string | null, title: string, fields: Field[], values: Pick<Incident, 'severity' | 'status' | 'detected' | 'resolved' | 'roles'>, place: IncidentPlace, slots?: Pick<Incident, 'timelineSlot' | 'fieldSlot'>): Incident {
  const head: Incident = {
    id: id ?? '',
    idWritten: id !== null,
    title,
    severity: values.severity,
    status: values.status,
    detected: values.detected,
    resolved: values.resolved,
    roles: values.roles,
    fields,
    timeline: place.timeline,
    checklist: place.checklist,
    actionItems: place.actionItems,
    line: place.line,
    source: place.source,
    start: place.start,
    end: place.end,
    level: place.level,
    bodyStart: place.bodyStart,
  };
  if (slots) {
    head.timelineSlot = slots.timelineSlot;
    head.fieldSlot = slots.fieldSlot;
  }
  return head;
}

/** Words that make a time one aimed at (`(target)`, `ETA`, `planned`, `prévu`), not one that happened. */
const TARGET_WORDS = ['target', 'targeted', 'planned', 'expected', 'eta', 'estimated', 'due', 'scheduled', 'goal', 'deadline', 'objetivo', 'previsto', 'prevista', 'prévu', 'prévue', 'geplant', 'voraussichtlich', 'ziel', 'планируется', 'план'];
/** The same in Chinese, Japanese and Korean, found anywhere in the value. */
const CJK_TARGET_WORDS = ['予定', '目標', '预计', '计划', '목표', '예정'];

/**
 * Whether a time field's value says the time is one aimed at (see TARGET_WORDS): a whole word,
 * looked for with native searches (every resolved time of a big log is asked).
 */
function isTargetTime(value: string): boolean {
  const lower = value.toLowerCase();
  for (const w of TARGET_WORDS) {
    for (let at = lower.indexOf(w); at !== -1; at = lower.indexOf(w, at + 1)) {
      const before = at === 0 ? 32 : lower.codePointAt(at - 1) as number;
      const after = at + w.length >= lower.length ? 32 : lower.codePointAt(at + w.length) as number;
      if (!isLetterOrDigitCode(before) && !isLetterOrDigitCode(after)) return true;
    }
  }
  for (const w of CJK_TARGET_WORDS) if (value.includes(w)) return true;
  return false;
}

/** The incident's values: the first non-empty field of each kind, else what the heading said. */
export function fieldValues(ctx: IndexContext, fields: Field[], facts: HeadingFacts) {
  const policy = ctx.policy;
  const time = (k: CanonicalField, day: string | null): string | null => {
    let candidates = fields.filter((x) => x.canonical === k && x.value.trim() !== '');
    // `Started` (impact began) is its own moment when a Detected field is written too: the
    // metrics measure time to detect between them. Alone, it stays the detection time.
    if (k === 'detected' && candidates.some((f) => isDetectionKey(f.key))) candidates = candidates.filter((f) => !isImpactStartKey(f.key));
    // `Resolution date: 2026-04-15 (target)`: a date aimed at, not one the incident ended on.
    if (k === 'resolved') candidates = candidates.filter((f) => !isTargetTime(f.value));
    if (!candidates.length) return null;
    const reads = candidates.map((f) => ({ f, read: readTimeField(f, policy.timeZone, null) }));
    const bad = reads[0].read?.invalid ? reads[0] : undefined;
    if (bad) {
      ctx.problems.push({ code: 'bad-date', message: `"${stripInline(bad.f.value)}" is not a real date or time.`, line: bad.f.line + 1, severity: 'warning' });
      return null;
    }
    // The first date-time wins; a time written alone (`Detected: ~08:15`) takes the day of
    // another field of its kind (`Date: 2026-08-28`), else the heading's.
    const dated = reads.find((r) => r.read?.value)?.read?.value ?? null;
    if (dated && dated.length > 10) return dated;
    const onDay = dated ?? day;
    if (onDay) {
      for (const f of candidates) {
        const placed = readTimeField(f, policy.timeZone, onDay);
        if (placed?.value && placed.value.length > 10) return placed.value;
      }
    }
    return dated;
  };
  const detected = time('detected', facts.date ? facts.date.slice(0, 10) : null) ?? facts.date;
  const resolved = time('resolved', detected ? detected.slice(0, 10) : null);
  // The first non-empty title, summary and id, in one pass.
  let title: string | null = null;
  let summary: string | null = null;
  let id: string | null = null;
  for (const f of fields) {
    const k = f.canonical;
    if (k !== 'title' && k !== 'summary' && k !== 'id') continue;
    if (f.value.trim() === '') continue;
    if (k === 'title') title ??= f.value;
    else if (k === 'summary') summary ??= f.value;
    else id ??= f.value;
  }
  const logged = loggedValues(policy, fields, facts, resolved);
  return { severity: logged.severity, status: logged.status, roles: logged.roles, detected, resolved, title, summary, id };
}

/**
 * The values whose changes the timeline records (severity, status, roles): read again when the
 * timeline decides which of two written lines is the later one (see duplicateFields.ts).
 */
export function loggedValues(policy: Policy, fields: Field[], facts: HeadingFacts, resolved: string | null): Pick<Incident, 'severity' | 'status' | 'roles'> {
  const person = (k: CanonicalField) => {
    const v = fields.find((f) => f.canonical === k && f.value.trim() !== '')?.value;
    if (!v) return null;
    const plain = stripInline(v).replace(/^@/, '').trim();
    return plain && !/^(tbd|none|n\/a|-|unassigned|—)$/i.test(plain) && !isPlaceholderValue(v) ? plain : null;
  };
  return {
    severity: severityOf(policy, fields, facts),
    status: statusOf(policy, fields, resolved),
    roles: { commander: person('commander'), techLead: person('techLead'), commsLead: person('commsLead') },
  };
}

/**
 * The severity: the Severity field's leading token (the rest is a note), else the heading's
 * marker, else an Impact field that starts with a severity token.
 */
function severityOf(policy: Policy, fields: Field[], facts: HeadingFacts): string | null {
  const field = fields.find((f) => f.canonical === 'severity' && !isPlaceholderValue(f.value));
  if (field) {
    const read = readSeverity(policy, field.value);
    if (read) return read.severity;
  }
  if (facts.severityText) return readSeverity(policy, facts.severityText)?.severity ?? stripInline(facts.severityText);
  for (const f of fields) {
    if (f.canonical || !isImpactKey(f.key)) continue;
    const read = readSeverity(policy, f.value, true);
    if (read) return read.severity;
  }
  return null;
}

/**
 * The status: the Status field read by its leading words; without one (or with a placeholder),
 * open when a resolved-time field says in words that it is still to come (`<PENDING …>`, `not
 * yet`), the resolved status when the incident carries a resolution fact (a Resolution or Fix
 * field, a filled TTR or duration, a resolved time), else null: the status is unknown.
 */
function statusOf(policy: Policy, fields: Field[], resolved: string | null): string | null {
  const field = fields.find((f) => f.canonical === 'status' && !isPlaceholderValue(f.value));
  if (field) {
    const read = readStatus(policy, field.value);
    if (read) return read.status;
  }
  // `Status: n/a (superseded)`: nothing more to do, said in the placeholder's words.
  const notApplicable = fields.find((f) => f.canonical === 'status' && isNotApplicableStatus(f.value));
  if (notApplicable) return readStatus(policy, notApplicable.value)?.status ?? 'n/a';
  if (resolved) return policy.resolvedStatus;
  // `Resolved at: <PENDING smoke test>`, `Duration: ongoing`, `Outstanding: …`: the author says it
  // is still open, whatever else the section already records (who is fixing it, a partial fix).
  // (The raw value: a `<placeholder>` reads as an HTML tag once inline markup is stripped.)
  if (openFact(fields)) return readStatus(policy, 'Open')?.status ?? 'Open';
  if (resolutionFact(fields) || fields.some((f) => f.canonical === 'resolved' && isFilledValue(f.value) && !isTargetTime(f.value))) return policy.resolvedStatus;
  return null;
}

/** Keys that say when impact began (aliases of Detected when nothing else says when it was detected). */
const IMPACT_START_KEYS = new Set(['started', 'start', 'started at', 'started on', 'start time', 'impact start', 'impact started', 'impact began', 'inicio', 'início', 'début', 'beginn', 'inizio', 'начало']);
/** Keys that name the detection itself (not a bare date, not the impact's start). */
const DETECTION_KEYS = new Set(['detected', 'detected at', 'detected on', 'date detected', 'discovered', 'first seen', 'reported', 'reported at', 'reported on', 'declared', 'detectado', 'detectado em', 'fecha de detección', 'data de detecção', 'date de détection', 'détecté', 'détecté le', 'erkannt', 'erkannt am', 'rilevato', 'rilevato il', 'обнаружено', 'дата обнаружения']);
/** Keys as compared, by the key as written: a log writes the same few keys in every incident. */
const comparedKeys = new Map<string, string>();
const COMPARED_KEYS_KEPT = 512;

function keyOf(key: string): string {
  let k = comparedKeys.get(key);
  if (k === undefined) {
    k = stripInline(key).trim().toLowerCase().replace(/\s+/g, ' ');
    if (key.length <= 64) {
      if (comparedKeys.size >= COMPARED_KEYS_KEPT) comparedKeys.clear();
      // Copies: a key sliced from a log would keep the whole text of that log alive.
      comparedKeys.set(Array.from(key).join(''), Array.from(k).join(''));
    }
  }
  return k;
}
function isImpactStartKey(key: string): boolean {
  return IMPACT_START_KEYS.has(keyOf(key));
}
function isDetectionKey(key: string): boolean {
  return DETECTION_KEYS.has(keyOf(key));
}

/** Where a new field line goes, and the style it copies. */
export function fieldSlot(ctx: IndexContext, fields: Field[], section: Section): Incident['fieldSlot'] {
  // New fields go after the last field of the first run of fields (not inside a table of them).
  const listFields = fields.filter((f) => f.style !== 'table');
  const last = listFields.length ? listFields[listFields.length - 1] : undefined;
  if (last) {
    const li = last.line;
    const line = lineText(ctx, li);
    const indent = /^\s*/.exec(line)?.[0] ?? '';
    return { insertAt: lineStart(ctx, li + 1), style: last.style, indent };
  }
  return { insertAt: lineStart(ctx, section.bodyLine), style: 'list-bold', indent: '' };
}

const FRONT_MATTER_KEY = /^([A-Za-z][\w -]{0,40}):[ \t]*/;

/** Front matter keys that name fields, with the offsets of their values (lines 1 to bodyLine - 2). */
export function readFrontMatterFields(ctx: IndexContext, bodyLine: number): Field[] {
  const out: Field[] = [];
  for (let li = 1; li < bodyLine - 1; li++) {
    const line = lineText(ctx, li);
    const m = FRONT_MATTER_KEY.exec(line);
    if (!m || !canonicalField(ctx.policy, m[1].replace(/[_-]/g, ' '))) continue;
    // The value runs to the line's end less trailing blanks (trimmed by hand: a lazy pattern
    // before `[ \t]*$` was quadratic on a value of many spaces).
    let end = line.length;
    while (end > m[0].length && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end--;
    let value = line.slice(m[0].length, end);
    if (/[\r\u2028\u2029]/.test(value)) continue;
    let valueStart = line.length - line.slice(m[1].length + 1).trimStart().length;
    // Quoted YAML scalars: the quotes are syntax, not value.
    const q = /^(["'])(.*)\1$/.exec(value);
    if (q) {
      value = q[2];
      valueStart += 1;
    }
    const base = ctx.lines.starts[li];
    out.push({ key: m[1], canonical: canonicalField(ctx.policy, m[1].replace(/[_-]/g, ' ')), value, style: 'plain', line: li, valueStart: base + valueStart, valueEnd: base + valueStart + value.length });
  }
  return out;
}

/** Replaces the line scan's values of front matter fields with what the YAML means. */
export function applyFrontMatterValues(ctx: IndexContext, bodyLine: number, fields: Field[]): void {
  const yaml = ctx.text.slice(ctx.lines.starts[0], ctx.lines.ends[bodyLine - 1]).replace(/\r\n/g, '\n');
  let data: Record<string, unknown>;
  try {
    data = parseFrontMatter(`${yaml}\n`).data;
  } catch (e) {
    ctx.problems.push({ code: 'bad-front-matter', message: frontMatterProblemMessage(e), line: 1, severity: 'warning' });
    return;
  }
  for (const field of fields) {
    const value = data[field.key];
    if (value instanceof Date && !Number.isNaN(value.getTime())) {
      // YAML reads `2026-03-04` as a date: keep it a day when that is all that was written.
      field.value = /^\d{4}-\d{2}-\d{2}$/.test(field.value) ? value.toISOString().slice(0, 10) : value.toISOString().replace(/\.000Z$/, 'Z');
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      field.value = String(value);
    }
  }
}
