// The playbook proposed for a log a team already keeps: `.incident/playbook.yml` listing, as
// comments, every severity value, status and field key the log writes, with what the tool reads
// each as, and the unknown ones marked. The team maps them in one edit (uncomment a block, move
// a value) instead of finding them one warning at a time. Pure: the CLI's `incident init` and
// the extension's "Create Playbook" write the text it returns.
import { statusState } from '../indexer';
import type { Incident, LogIndex } from '../model';
import { type Policy, type SeverityLevel, canonicalField, matchSeverity } from './policy';
import { PLAYBOOK_TEMPLATE } from './playbookTemplate';
import { isImpactKey, readSeverity } from './severityWords';
import { isDurationKey, isPlaceholderValue, isResolutionKey, readStatus } from './statusWords';
import { stripInline } from '../reader/text';
import { blankHiddenControls } from '../format/controlCharacters';
import { readingSummary } from '../reader/readingSummary';

/** How many distinct values of one kind are listed (the rest are counted). */
const MAX_LISTED = 40;

/** A value as a comment may hold it: one line, no control characters, at most 60 characters. */
function commentText(value: string): string {
  const one = blankHiddenControls(stripInline(value)).trim();
  return one.length > 60 ? `${one.slice(0, 59)}…` : one;
}

/** A YAML flow-sequence item: bare when safe, else double-quoted (JSON quoting is valid YAML). */
function yamlItem(value: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u.test(value) && !/^(yes|no|true|false|null|on|off|~)$/i.test(value) ? value : JSON.stringify(value);
}

/** A value written in the log, how often, and what it is read as (null: nothing). */
type Written = { text: string; n: number; read: string | null };

class Tally {
  private counts = new Map<string, Written>();
  add(text: string, read: string | null): void {
    const key = text.toLowerCase();
    const hit = this.counts.get(key);
    if (hit) hit.n++;
    else this.counts.set(key, { text, n: 1, read });
  }
  entries(): Written[] {
    return [...this.counts.values()].sort((a, b) => b.n - a.n || a.text.localeCompare(b.text));
  }
}

function listed<T>(xs: T[]): { shown: T[]; more: number } {
  return { shown: xs.slice(0, MAX_LISTED), more: Math.max(0, xs.length - MAX_LISTED) };
}

const times = (n: number) => `${n}×`;

/** `# title`, then each value written, how often, and what it is read as (`unknown` when nothing), the first MAX_LISTED. */
function pushReadings(lines: string[], title: string, entries: Written[], unknown: string): void {
  const { shown, more } = listed(entries);
  lines.push(`# ${title}`);
  if (!shown.length) lines.push('#   (none written)');
  for (const e of shown) lines.push(`#   ${commentText(e.text)} (${times(e.n)}) → ${e.read ?? unknown}`);
  if (more) lines.push(`#   … and ${more} more`);
}

/** The preset name a playbook writes for the policy the log was read with. */
function presetName(policy: Policy): string {
  if (policy.severities.some((s) => s.id === 'P0')) return 'p0-p4';
  return policy.severities.some((s) => s.id === 'P1') && !policy.severities.some((s) => s.id === 'SEV-1') ? 'p1-p4' : 'sev';
}

function severityBlock(policy: Policy, perLevel: Map<SeverityLevel, string[]>, unknown: string[]): string[] {
  const out = ['# severities:'];
  const duration = (m: number | null) => (m === null ? 'none' : m % 60 === 0 ? `${m / 60}h` : `${m}m`);
  for (const level of policy.severities) {
    const aliases = [...new Set([...level.aliases.slice(0, 2), ...(perLevel.get(level) ?? [])])];
    out.push(`#   - id: ${yamlItem(level.id)}`);
    out.push(`#     description: ${JSON.stringify(level.description)}`);
    out.push(`#     aliases: [${aliases.map(yamlItem).join(', ')}]`);
    out.push(`#     response: ${duration(level.responseMinutes)}`);
    out.push(`#     updates: ${duration(level.updateMinutes)}`);
  }
  if (unknown.length) out.push(`#   # Move each into the aliases of the level it means: ${unknown.map(yamlItem).join(', ')}`);
  return out;
}

/**
 * The `reading:` settings for a log some of whose incidents a rule guessed (sections told in
 * prose, tables of occurrences): as comments, what was guessed, and the block that says it for
 * certain (or, edited, corrects it). Nothing for a log read without a guess.
 */
function readingBlock(index: LogIndex): string[] {
  const summary = readingSummary(index);
  if (!summary.guessed) return [];
  const out = ['# How the log was read (some of it is a guess):'];
  // The summary in full, folded onto comment lines of about 90 characters.
  let line = '#  ';
  for (const word of blankHiddenControls(summary.text).split(/\s+/)) {
    if (line.length + word.length > 90) {
      out.push(line);
      line = '#  ';
    }
    line += ` ${word}`;
  }
  if (line.trim() !== '#') out.push(line);
  const prose = summary.parts.filter((p) => p.shape === 'prose-sections');
  const tables = summary.parts.filter((p) => p.shape === 'occurrence-table');
  out.push('# To say it for certain (or correct it), uncomment and edit: the heading level that holds');
  out.push('# incidents, and the tables that list one incident per row (by the heading they are under):');
  out.push('# reading:');
  if (prose.length) out.push(`#   incidentLevel: ${prose[0].level}`);
  const names = [...new Set(tables.map((t) => t.under).filter((u): u is string => !!u))].map((u) => commentText(u));
  if (tables.length) out.push(`#   incidentTables: [${names.map(yamlItem).join(', ')}]`);
  out.push('');
  return out;
}

/**
 * The text of a `.incident/playbook.yml` proposed for an existing log: its preset (the one the
 * log was read with), then as comments the severity values, statuses and field keys the log
 * writes, each with the built-in reading and the unknown ones marked, ready-to-uncomment blocks
 * to map them, then the runbook and health-check template. `policy` is the policy the log was
 * read with (policyOf(index, builtIn)); `logName` names the log in the header.
 */
export function proposePlaybook(index: LogIndex, policy: Policy, logName = 'the incident log'): string {
  const severities = new Tally();
  const statuses = new Tally();
  const keys = new Tally();
  const perLevel = new Map<SeverityLevel, string[]>();
  let unknownState = 0;
  for (const incident of index.incidents) tallyIncident(incident, policy, severities, statuses, keys, perLevel);
  for (const incident of index.incidents) if (statusState(incident, policy) === 'unknown') unknownState++;

  const n = index.incidents.length;
  const lines: string[] = [
    "# The team's incident response policy, read by the Incident Playbook extension and the",
    '# `incident` CLI. Everything here is optional; delete what you do not use.',
    '# Reference: docs/FORMAT.md (severities, statuses, field keys, checklist, health checks, runbooks).',
    '#',
    `# Proposed from ${commentText(logName)} (${n} incident${n === 1 ? '' : 's'} read). Below, as comments, every`,
    '# severity, status and field key the log writes, and what each is read as. Values marked',
    '# UNKNOWN are not understood yet: map them in the blocks that follow each list.',
    '',
    `preset: ${presetName(policy)}`,
    `timeZone: ${policy.timeZone}`,
    '',
  ];

  // Severities.
  const unknownSev = severities.entries().filter((e) => e.read === null).map((e) => e.text);
  pushReadings(lines, 'Severities written in the log → the level each is read as:', severities.entries(), 'UNKNOWN: not a level of the policy');
  if (unknownSev.length) {
    lines.push('# To map the unknown ones, uncomment this block (it replaces the preset\'s levels) and move each');
    lines.push('# value into the aliases of the level it means:');
    lines.push(...severityBlock(policy, perLevel, unknownSev.slice(0, MAX_LISTED)));
  }
  lines.push('');

  // Statuses.
  const unknownSt = statuses.entries().filter((e) => e.read === null).map((e) => e.text);
  pushReadings(lines, 'Statuses written in the log → what each is read as (matched by the leading words):', statuses.entries(), 'UNKNOWN: kept as written, counted active');
  if (unknownState) lines.push(`#   (no status written) (${times(unknownState)}) → unknown: neither active nor resolved; write a Status, or a Resolution or TTR`);
  if (unknownSt.length) {
    const extra = unknownSt.slice(0, MAX_LISTED);
    lines.push('# To map the unknown ones, uncomment these lines: add each to the statuses, and to');
    lines.push('# resolvedStatus when it means the incident is over (the first there is the one written):');
    lines.push(`# statuses: [${[...policy.statuses, ...extra].map(yamlItem).join(', ')}]`);
    lines.push(`# resolvedStatus: [${yamlItem(policy.resolvedStatus)}]`);
    lines.push('# or, to keep them as written: list each under the words that say what it means');
    lines.push('# (open: still worked; closed: over, counted resolved; deferred: put off, not active):');
    lines.push('# statusWords:');
    lines.push(`#   open: [${extra.map(yamlItem).join(', ')}]`);
    lines.push('#   closed: []');
    lines.push('#   deferred: []');
  }
  lines.push('');

  // Where the incidents were found, when a reading rule guessed.
  lines.push(...readingBlock(index));

  // Field keys.
  const unknownKeys = keys.entries().filter((e) => e.read === null).map((e) => e.text);
  pushReadings(lines, 'Field keys written in the log → the field each is read as:', keys.entries(), 'UNKNOWN: kept as written');
  if (unknownKeys.length) {
    lines.push('# To read an unknown key as a field, uncomment its field and list the key there:');
    lines.push('# fieldAliases:');
    for (const field of ['severity', 'status', 'detected', 'resolved', 'commander', 'techLead', 'commsLead', 'title', 'summary']) lines.push(`#   ${field}: []`);
  }
  lines.push('');

  // The runbook and health-check template, less its own preset lines.
  const rest = PLAYBOOK_TEMPLATE.indexOf('# Health checks:');
  lines.push(rest === -1 ? '' : PLAYBOOK_TEMPLATE.slice(rest).trimEnd());
  return `${lines.join('\n')}\n`;
}

function tallyIncident(incident: Incident, policy: Policy, severities: Tally, statuses: Tally, keys: Tally, perLevel: Map<SeverityLevel, string[]>): void {
  for (const f of incident.fields) {
    const key = stripInline(f.key);
    if (!key) continue;
    const canonical = f.canonical ?? canonicalField(policy, key);
    const role = canonical ?? (isResolutionKey(key) ? 'resolution (ends the incident)' : isDurationKey(key) ? 'time to resolve (ends the incident when filled)' : isImpactKey(key) ? 'impact (a severity only when it starts with one)' : null);
    keys.add(key, role);
    if (isPlaceholderValue(f.value)) continue;
    if (canonical === 'severity') {
      const read = readSeverity(policy, f.value);
      if (!read) continue;
      const token = read.written;
      const level = read.known ? matchSeverity(policy, read.severity) : undefined;
      severities.add(token || read.severity, level ? level.id : null);
      if (level && token) {
        const list = perLevel.get(level) ?? [];
        if (!list.includes(token)) list.push(token);
        perLevel.set(level, list);
      }
    } else if (canonical === 'status') {
      const read = readStatus(policy, f.value);
      if (!read) continue;
      const known = read.meaning !== undefined || policy.statuses.some((s) => s.toLowerCase() === read.status.toLowerCase());
      statuses.add(stripInline(f.value), known ? `${read.status}${read.meaning === 'Resolved' ? ' (resolved)' : read.meaning === 'Closed' ? ' (closed)' : read.meaning === 'Deferred' ? ' (deferred, not active)' : ''}` : null);
    }
  }
}
