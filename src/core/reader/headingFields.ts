// A file that is one incident written as a document: an H1 title, then incident fields under it
// (`**Date**: …`, `**Status**: …`), or H2 sections named like fields (`## Date`, `## Status`,
// `## Issue`, `## Current state`) whose first line is the value.
//
//   # Checkout outage
//   ## Date
//   2026-07-16
//   ## Current state
//   Resolved — payments flowing again
import type { CanonicalField, Field, Incident } from '../model';
import { canonicalField } from '../playbook/policy';
import { readStatus } from '../playbook/statusWords';
import { firstColon, stripInline } from './text';
import { type IndexContext, type Section, lineText } from './context';
import { headingFacts } from './headings';
import { fieldsLookLikeIncident, readFields } from './fields';
import { filledFields, isPlaceholderValue } from './placeholders';
import { buildSectionIncident } from './sectionIncident';
import { headingTitle } from './headings';
import { isAnatomyTitle } from './anatomy';
import { isIncidentLogTitle } from './proseIncidents';

/** Section names of such files that the built-in field aliases do not already name. */
const HEADING_FIELD_NAMES: Record<string, CanonicalField> = {
  'current state': 'status',
  'current status': 'status',
  issue: 'summary',
  problem: 'summary',
  'what happened': 'summary',
};

/** Section names that belong to an incident document without being one of its fields. */
const DOCUMENT_SECTIONS = /^(?:impact|root cause|resolution|fix|workaround|next steps|recovery(?: steps)?(?: needed)?|what was (?:asked|tried)(?: this round)?|result|follow[- ]?ups?|action items|lessons learned|timeline|notes|context|summary|background|detection|customer impact|affected (?:services|systems|users))$/i;

function fieldNameOf(ctx: IndexContext, title: string): CanonicalField | undefined {
  return canonicalField(ctx.policy, title) ?? HEADING_FIELD_NAMES[title.toLowerCase()];
}

/**
 * The H2 sections under the H1 at `h1Line` that are fields, each read from its first non-blank
 * line (a list marker removed). Such a value is replaced in place by a write.
 */
export function headingFields(ctx: IndexContext, h1Line: number): Field[] {
  const out: Field[] = [];
  const { headings, lines } = ctx;
  for (let k = 0; k < headings.length; k++) {
    const h = headings[k];
    if (h.line <= h1Line) continue;
    if (h.level === 1) break;
    if (h.level !== 2) continue;
    const title = stripInline(h.text).replace(/[:：]\s*$/, '').trim();
    const canonical = fieldNameOf(ctx, title);
    if (!canonical) continue;
    const end = k + 1 < headings.length ? headings[k + 1].line : lines.starts.length;
    const field = firstLineField(ctx, title, canonical, h.line + 1, end);
    if (field) out.push(field);
  }
  return out;
}

/**
 * The field a section named like one holds: its first non-blank line in [from, to), a list
 * marker removed; none when a table or (but for a summary) a list comes first, which says more
 * than one value.
 */
function firstLineField(ctx: IndexContext, key: string, canonical: CanonicalField, from: number, to: number): Field | undefined {
  const { lines } = ctx;
  for (let li = from; li < to; li++) {
    if (lines.skip[li]) continue;
    const line = lineText(ctx, li);
    if (!line.trim()) continue;
    // A table says more than one value: `## Current Status` over `| Metric | … |` is no status word.
    if (line.trimStart().startsWith('|')) return undefined;
    const marker = /^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s{1,4}/.exec(line);
    // A list says more than one value: `## Current State` over bullets is no status word.
    if (marker && canonical !== 'summary') return undefined;
    const start = marker ? marker[0].length : line.length - line.trimStart().length;
    let end = line.length;
    while (end > start && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
    if (end <= start) return undefined;
    const base = lines.starts[li];
    return { key, canonical, value: line.slice(start, end), style: 'table', line: li, valueStart: base + start, valueEnd: base + end };
  }
  return undefined;
}

/** An enumerator before a sub-section's title (`d) Statut`, `4. Status`). */
const ENUMERATOR = /^(?:[a-z]|\d{1,2})[.)]\s+/i;

/**
 * The status an incident's sub-section says in its title (`### Statut : OPEN — waiting on the
 * vendor`, the value on the heading line) or under it (`### d) Status` over `Resolved — …`), as
 * a field a write replaces in place; undefined when the heading is no status key.
 */
export function statusHeadingField(ctx: IndexContext, headingLine: number, to: number): Field | undefined {
  const line = lineText(ctx, headingLine);
  const title = headingTitle(line);
  if (title.length > 200) return undefined;
  const plain = stripInline(title).replace(ENUMERATOR, '').trim();
  const colon = firstColon(plain);
  const key = (colon < 0 ? plain : plain.slice(0, colon)).trim();
  if (key.length > 40 || fieldNameOf(ctx, key) !== 'status') return undefined;
  // `### Status` (or `### Status:`) over its value.
  if (colon < 0 || plain.slice(colon + 1).trim() === '') return firstLineField(ctx, key, 'status', headingLine + 1, to);
  // The value's offsets on the line: after the heading's colon and any markup closing the key.
  const at = firstColon(line);
  let start = at + 1;
  while (start < line.length && (line[start] === ' ' || line[start] === '\t' || line[start] === '*' || line[start] === '_')) start++;
  const base = ctx.lines.starts[headingLine];
  const end = line.indexOf(title) + title.length;
  if (at < 0 || end <= start) return undefined;
  return { key, canonical: 'status', value: line.slice(start, end), style: 'table', line: headingLine, valueStart: base + start, valueEnd: base + end };
}

/**
 * Whether the H2 sections under an H1 make it one incident: two or more of them are fields or
 * an incident document's sections, and one is a filled date, status, severity or resolution.
 */
function looksLikeIncidentDocument(ctx: IndexContext, h1Line: number, h1Title: string, fields: Field[]): boolean {
  const core = fields.filter((f) => (f.canonical === 'detected' || f.canonical === 'status' || f.canonical === 'severity' || f.canonical === 'resolved') && !isPlaceholderValue(f.value));
  if (core.length === 0 && !namesIncident(h1Title)) return false;
  let named = 0;
  for (const h of ctx.headings) {
    if (h.line <= h1Line || h.level !== 2) continue;
    const title = stripInline(h.text).replace(/[:：]\s*$/, '').trim();
    // A part named in any language the reader knows (`事故经过`, `Příčina`, `Lessons`) counts too.
    if (fieldNameOf(ctx, title) || DOCUMENT_SECTIONS.test(title) || isAnatomyTitle(title)) named++;
    // A part titled like a log of incidents (`## Active Incidents`, `## Incident Log (2026)`):
    // the document holds many, it is not one.
    else if (isIncidentLogTitle(title)) return false;
  }
  return named >= 2;
}

/** Generic names of a report's H1, alone or before the incident's own name: `Incident Report: X`. */
const GENERIC_REPORT = /^(?:incident report|incident log|incident details?|incident summary|incident|post[- ]?mortem|post[- ]incident review|pir|rca|root cause analysis|informe de incidente|relatório de incidente|rapport d'incident|störungsbericht|отч[её]т об инциденте)(?:\s{0,3}[:：—–-]\s{0,3}|$)/i;

/** A document's H1 title without a generic report name: `Incident Report: Checkout down` → `Checkout down`. */
export function documentTitle(title: string): { title: string; generic: boolean } {
  const m = GENERIC_REPORT.exec(title.trim());
  return m ? { title: title.trim().slice(m[0].length).trim(), generic: true } : { title, generic: false };
}

/** Whether a title names an incident log or report: `Project Incident Log`, `Incident report`. */
function namesIncident(title: string): boolean {
  // A troubleshooting or diagnosis write-up of one problem (`# Diagnostic technique : tableau de
  // bord vide`, `# トラブルシューティングログ - パネルが更新されない`) names one too.
  return (
    /(?:^|[^\p{L}])(?:incident|incidente|incidencia|vorfall|инцидент|postmortem|post-mortem|troubleshooting|diagnos[ie]s|diagnostic|diagnóstico|diagnostico|dépannage|fehleranalyse|fehlerbehebung|диагностика)/iu.test(title) ||
    /事故|事件|障害|장애|사고|トラブルシューティング|故障排除|问题排查|排查记录|트러블슈팅/.test(title)
  );
}

/** A log that holds one incident as a document (see above); undefined when it does not. */
export function headingFieldIncident(ctx: IndexContext, bodyLine: number): Incident | undefined {
  const h1 = ctx.headings.find((h) => h.line >= bodyLine && h.level === 1);
  if (!h1) return undefined;
  const fields = headingFields(ctx, h1.line);
  const h1Title = headingTitle(lineText(ctx, h1.line));
  const firstH2 = ctx.headings.find((h) => h.line > h1.line && h.level <= 2);
  const headEnd = firstH2 ? firstH2.line : ctx.lines.starts.length;
  let own = filledFields(readFields(ctx, h1.line + 1, headEnd));
  // The facts in a quoted box under a title that names an incident or its write-up (`# Login
  // Troubleshooting Log` over `> **Date:** …` / `> **Status:** ✅ RESOLVED`), when no field stands
  // outside it. ADRs, runbooks, READMEs and posts open with such a box as often: their titles
  // name no incident.
  let quoted = own.length || !namesIncident(h1Title) ? [] : filledFields(readFields(ctx, h1.line + 1, headEnd, { quoted: true }));
  // Its status must be one (`Resolved`, `Investigating`): a post about postmortems is `Published`.
  if (!quoted.some((f) => f.canonical === 'status' && readStatus(ctx.policy, f.value)?.meaning)) quoted = [];
  if (quoted.length) own = quoted;
  if (!fieldsLookLikeIncident(ctx.policy, own) && !looksLikeIncidentDocument(ctx, h1.line, h1Title, fields)) return undefined;
  const section: Section = { headingLine: h1.line, level: 1, bodyLine: h1.line + 1, endLine: ctx.lines.starts.length };
  const read = headingFacts(ctx, h1Title);
  const facts = { ...read, title: documentTitle(read.title).title };
  return buildSectionIncident(ctx, section, facts, { before: [...fields, ...quoted] });
}

const CORE_FACTS: ReadonlySet<CanonicalField> = new Set(['severity', 'status', 'detected', 'resolved', 'commander']);

/**
 * A post-mortem written as a document (an H1 naming it with its own fields right under it:
 * `**Date:**`, `**Severity:**`, `**Status:**`) to which later incidents were appended as
 * sections (`## Post-mortem 2: …`): the H1 is an incident too, its section running to the first
 * of the others (`endLine`). A log's title (`# Incident Log`) with fields is not.
 */
export function leadingDocumentIncident(ctx: IndexContext, bodyLine: number, endLine: number): Incident | undefined {
  const h1 = ctx.headings.find((h) => h.line >= bodyLine && h.level === 1);
  if (!h1 || h1.line >= endLine) return undefined;
  const h1Title = headingTitle(lineText(ctx, h1.line));
  if (isIncidentLogTitle(h1Title)) return undefined;
  const next = ctx.headings.find((h) => h.line > h1.line && h.level <= 2);
  const own = filledFields(readFields(ctx, h1.line + 1, next && next.line < endLine ? next.line : endLine));
  // Two of an incident's own facts (a date and a severity or status): a date alone is a
  // session's or a page's (`**Date:** June 22` under `# Home lab log`).
  // A status that is no status word (`**Status**: Priorisierte Liste aller bekannten Probleme`)
  // says what the page is, not how an incident stands.
  const kinds = new Set(own.filter((f) => f.canonical && CORE_FACTS.has(f.canonical) && (f.canonical !== 'status' || readStatus(ctx.policy, f.value)?.meaning)).map((f) => f.canonical));
  if (kinds.size < 2) return undefined;
  const section: Section = { headingLine: h1.line, level: 1, bodyLine: h1.line + 1, endLine };
  const read = headingFacts(ctx, h1Title);
  const facts = { ...read, title: documentTitle(read.title).title };
  return buildSectionIncident(ctx, section, facts);
}
