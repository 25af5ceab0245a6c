// The response policy: severities (with aliases, response times, update cadences), statuses,
// field aliases and the time zone. Built-in defaults come from the two playbooks we implement;
// a team overrides them in `.incident/playbook.yml`, validated with errors that name the line.
import { MORE_DATE_KEYS, MORE_STATUS_KEYS } from './moreLanguages';
import type { CanonicalField } from '../model';
import type { HealthCheck, Runbook } from '../health/healthChecks';
import { normalizeToken } from '../reader/text';
import { SEVERITY_WORDS } from './severityVocabulary';
import { foldWord, keyWords, readStatus, statusIsResolved } from './statusWords';


export interface SeverityLevel {
  /** The label written to the log, e.g. `SEV-1` or `P1`. */
  id: string;
  description: string;
  aliases: string[];
  /** Minutes within which a commander must be assigned; null when the policy sets none. */
  responseMinutes: number | null;
  /** Minutes between internal status updates; null when none are required. */
  updateMinutes: number | null;
  /** Minutes between public status-page updates; null when none are required. */
  statusPageMinutes: number | null;
  /** When the post-incident review is due after resolution; the policy's default when absent. */
  reviewDue?: ReviewPeriod;
}

/** A review period: business days (Mon–Fri, in the playbook's zone) or hours on the clock. */
export type ReviewPeriod = { businessDays: number } | { hours: number };

/** One item of a checklist: its text, and the health check or runbook step it can run. */
export interface ChecklistStep {
  text: string;
  /** Id of a health check or runbook step (run by the terminal); absent when there is none. */
  run?: string;
}

/** A phase of the response checklist: a name and its items, in order. */
export interface ChecklistPhase {
  name: string;
  items: ChecklistStep[];
}

export interface Policy {
  name: string;
  severities: SeverityLevel[];
  statuses: string[];
  /** The status that ends an incident (the one written when an incident is resolved). */
  resolvedStatus: string;
  /**
   * Every status that ends an incident, `resolvedStatus` first (a playbook's `resolvedStatus`
   * may be a list: `[Resolvido, Corrigido]`). Absent: resolvedStatus alone.
   */
  resolvedStatuses?: string[];
  /**
   * True for the built-in policy used when there is no playbook: a log written in P0/P1..P4
   * is then read with the P1..P4 preset (see presetForLog).
   */
  builtIn?: boolean;
  /** The status a new incident starts in. */
  initialStatus: string;
  /** Extra keys (lower-cased, inline markup removed) that mean a canonical field. */
  fieldAliases: Record<string, CanonicalField>;
  /** Headings that mark sub-sections, lower-cased substrings. */
  sections: { timeline: string[]; checklist: string[]; actionItems: string[] };
  /** IANA zone used for times written without a zone, and for new entries. */
  timeZone: string;
  /**
   * The checklist a new incident starts with, in phases. A playbook's flat list is one phase;
   * `checklist` below is the same items' texts, flattened.
   */
  phases: ChecklistPhase[];
  /** Every item's text of `phases`, in order (for callers that only list or count items). */
  checklist: string[];
  /** Business days within which the post-incident review is due (a severity's `reviewDue` wins). */
  reviewDueBusinessDays: number;
  /** The playbook's `healthChecks:` (absent: none). Read with healthChecksOf. */
  healthChecks?: HealthCheck[];
  /** The playbook's `runbooks:` (absent: none). Read with runbooksOf. */
  runbooks?: Runbook[];
  /** The playbook's own status words beyond `statuses` (`statusWords:`): open, closed, deferred. */
  statusWords?: { open?: string[]; closed?: string[]; deferred?: string[] };
  /** What the reading heuristics cannot know about this log (`reading:`). */
  reading?: ReadingSettings;
}

/** The playbook's `reading:` settings: where the log keeps incidents that carry no id, date or fields. */
export interface ReadingSettings {
  /** Every heading of this level (2–4) is an incident, unless it is a template or says it is not one. */
  incidentLevel?: number;
  /**
   * Tables that list one incident per row: the title of the heading a table is under
   * (`Outages`), or its columns (`Date | Down | Recovered`), matched case-insensitively.
   */
  incidentTables?: string[];
}

/** Most characters of a playbook error: a message quoting a value keeps its start and end. */
const MAX_POLICY_MESSAGE = 400;

export class PolicyError extends Error {
  constructor(
    message: string,
    /** 1-based line in the playbook file, when known. */
    readonly line?: number,
  ) {
    // A message quotes the value it refuses, which may be a megabyte long.
    const text = message.length > MAX_POLICY_MESSAGE ? `${message.slice(0, MAX_POLICY_MESSAGE / 2)} … ${message.slice(-MAX_POLICY_MESSAGE / 2)}` : message;
    super(line ? `line ${line}: ${text}` : text);
    this.name = 'PolicyError';
  }
}

const BUILTIN_FIELD_ALIASES: Record<string, CanonicalField> = aliasTable({
  severity: [
    'severity', 'sev', 'priority', 'level', 'severity level', 'incident severity', 'severidad', 'gravedad', 'prioridad', 'severidade', 'gravidade', 'prioridade',
    'sévérité', 'gravité', 'priorité', 'schweregrad', 'priorität', 'dringlichkeit', 'gravità', 'severità', 'priorità', 'серьёзность', 'серьезность', 'критичность', 'приоритет', 'важность',
  ],
  // … and the Chinese, Japanese and Korean keys, seen in real logs beside the seven languages.
  status: ['status', 'state', 'current status', 'current state', 'incident status', 'estado del incidente', 'statut de l’incident', "statut de l'incident", 'vorfallstatus', 'stato dell’incidente', "stato dell'incidente", 'статус инцидента', 'estado', 'situação', 'statut', 'état', 'stato', 'zustand', 'статус', 'состояние', '状态', '狀態', '状態', 'ステータス', '상태', '当前状态', '當前狀態', '目前状态', '目前狀態', '現在の状態', '현재 상태', ...MORE_STATUS_KEYS],
  detected: [
    'detected', 'date', 'started', 'start', 'declared', 'detected at', 'detected on', 'date detected', 'started at', 'start time', 'when', 'date opened', 'opened', 'opened at', 'opened on',
    'created', 'created at', 'created on', 'reported', 'reported at', 'reported on', 'first reported', 'first seen', 'discovered', 'date / window', 'date/window', 'window', 'started on',
    'fecha', 'detectado', 'fecha de detección', 'inicio', 'data', 'detectado em', 'data de detecção', 'início', 'date de détection', 'détecté', 'détecté le', 'début',
    'datum', 'erkannt', 'erkannt am', 'beginn', 'rilevato', 'rilevato il', 'inizio', 'дата', 'обнаружено', 'начало', 'дата обнаружения',
    'reportado', 'reportado el', 'informado', 'reportado em', 'relatado', 'signalé', 'signalé le', 'gemeldet', 'gemeldet am', 'segnalato', 'segnalato il', 'сообщено',
    '发现时间', '發現時間', '日期', '発生日時', '発生日', '日付', '日時', '발생 시각', '발생일', '날짜', '일자',
    ...MORE_DATE_KEYS,
  ],
  resolved: [
    'resolved', 'resolvedwhen', 'resolved when', 'ended', 'closed', 'resolved at', 'resolved on', 'date resolved', 'closed at', 'closed on', 'date closed', 'end time', 'end', 'ended at',
    'resolution date', 'resolution time', 'resolved date', 'date of resolution', 'closed date', 'closure date',
    'fecha de resolución', 'resuelto el', 'resolvido em', 'data de resolução', 'résolu le', 'date de résolution', 'fin', 'behoben am', 'gelöst am', 'ende',
    'risolto il', 'data di risoluzione', 'fine', 'дата решения', 'решено', 'закрыто', 'окончание',
  ],
  commander: [
    'incident commander', 'commander', 'ic', 'owner', 'incident owner', 'incident lead', 'lead', 'incident manager', 'responsible',
    'comandante del incidente', 'responsable', 'responsável', 'verantwortlich', 'incident-verantwortlicher', 'responsabile', 'ответственный', 'руководитель инцидента',
  ],
  techLead: ['technical lead', 'tech lead', 'tl'],
  commsLead: ['communications lead', 'comms lead', 'communication lead', 'cl'],
  title: ['title', 'título', 'titre', 'titel', 'titolo', 'название', 'заголовок'],
  id: ['id', 'incident id', 'bug id', 'issue id', 'ticket id', 'problem id', 'defect id', 'error id'],
  summary: ['summary', 'resumen', 'resumo', 'résumé', 'zusammenfassung', 'riepilogo', 'sommario', 'краткое описание'],
});

function aliasTable(byField: Partial<Record<CanonicalField, string[]>>): Record<string, CanonicalField> {
  const out: Record<string, CanonicalField> = {};
  for (const [field, keys] of Object.entries(byField) as Array<[CanonicalField, string[]]>) for (const k of keys) out[k] = field;
  return out;
}

/** The built-in severity words of one rank (1 = critical), for a preset level's aliases. */
function words(rank: 1 | 2 | 3 | 4): string[] {
  return [...SEVERITY_WORDS[rank]];
}

/** Phases from names and item texts. */
function phases(list: Array<[string, string[]]>): ChecklistPhase[] {
  return list.map(([name, items]) => ({ name, items: items.map((text) => ({ text })) }));
}

/** The item texts of a checklist, phase after phase. */
export function flattenPhases(list: readonly ChecklistPhase[]): string[] {
  return list.flatMap((p) => p.items.map((i) => i.text));
}

/** The 7 steps of the e-commerce playbook's response, as phases, in the order a responder works them. */
const SEV_PHASES = phases([
  ['Acknowledge alert', ['Acknowledge the alert and declare the incident', 'Confirm the severity']],
  ['Assign roles', ['Assign incident commander, technical lead and communications lead', 'Open the incident channel and bridge']],
  ['Stabilize', ['Assess customer impact', 'Stop the bleeding: roll back, fail over or turn the feature off']],
  ['Diagnose', ['Check recent deploys and configuration changes', 'Check dashboards, error logs and dependencies']],
  ['Communicate', ['Post the first internal update and status page notice', 'Keep updates on the severity’s cadence']],
  ['Resolve', ['Mitigate and verify recovery', 'Mark the incident resolved']],
  ['Post-incident review', ['Schedule the post-incident review (within 3 business days)']],
]);

/**
 * The trading-platform playbook's phases. The first three list the playbook's own steps; the
 * last three name no steps there, so these are this tool's short defaults.
 */
const PRIORITY_PHASES = phases([
  ['Initial assessment', ['Confirm the incident is real', 'Determine severity', 'Check if it is ongoing', 'Identify affected systems and users', 'Gather evidence']],
  [
    'P1 response',
    ['Acknowledge in monitoring', 'Create the war room `#incident-YYYY-MM-DD-HH-MM`', 'Notify stakeholders', 'Begin investigation', 'Immediate mitigation', 'Update the status page'],
  ],
  [
    'Investigation',
    ['Check the health dashboard', 'Review recent deployments', 'Check error logs', 'Check external services', 'Check database performance', 'Review security logs', 'Test affected functionality'],
  ],
  ['Fix implementation', ['Agree the fix and its rollback plan', 'Test the fix before release', 'Deploy the fix']],
  ['Recovery verification', ['Confirm metrics are back to baseline', 'Verify affected functionality end to end', 'Monitor for recurrence']],
  ['Closure', ['Mark the incident resolved', 'Send the final status update', 'Schedule the post-incident review']],
]);

const SECTIONS = {
  timeline: ['timeline', 'chronology', 'events', 'zeitverlauf', 'cronología', 'cronologia', 'chronologie'],
  checklist: ['checklist', 'tasks', 'steps', 'response'],
  actionItems: ['action items', 'follow-up', 'follow up', 'followup', 'actions', 'remediation'],
};

const STATUSES = ['Investigating', 'Identified', 'Mitigating', 'Monitoring', 'Resolved'];

function clonePhases(list: readonly ChecklistPhase[]): ChecklistPhase[] {
  return list.map((p) => ({ name: p.name, items: p.items.map((i) => ({ ...i })) }));
}

/** Built-in default: SEV-1..SEV-3 from the e-commerce playbook. */
export function defaultPolicy(): Policy {
  return {
    name: 'SEV-1..SEV-3',
    severities: [
      {
        id: 'SEV-1',
        description: 'Full outage: the site or a critical path (checkout, payments) is down for all customers',
        aliases: ['sev1', ...words(1)],
        responseMinutes: 15,
        updateMinutes: 30,
        statusPageMinutes: 60,
      },
      {
        id: 'SEV-2',
        description: 'Major functionality impaired for many customers; a workaround may exist',
        aliases: ['sev2', ...words(2)],
        responseMinutes: 30,
        updateMinutes: 30,
        statusPageMinutes: 60,
      },
      {
        id: 'SEV-3',
        description: 'Degraded: minor functionality impaired or performance degraded, limited impact',
        // Three levels for four words: medium and low are both degraded service.
        aliases: ['sev3', ...words(3), ...words(4)],
        responseMinutes: 240,
        updateMinutes: null,
        statusPageMinutes: null,
      },
    ],
    statuses: [...STATUSES],
    resolvedStatus: 'Resolved',
    initialStatus: 'Investigating',
    builtIn: true,
    fieldAliases: { ...BUILTIN_FIELD_ALIASES },
    sections: { timeline: [...SECTIONS.timeline], checklist: [...SECTIONS.checklist], actionItems: [...SECTIONS.actionItems] },
    timeZone: 'UTC',
    phases: clonePhases(SEV_PHASES),
    checklist: flattenPhases(SEV_PHASES),
    reviewDueBusinessDays: 3,
  };
}

/**
 * The P1..P4 preset of the trading-platform playbook. `withP0`: a P0 level above P1, for a log
 * that writes P0 (read without a playbook, see presetForLog).
 */
export function priorityPolicy(withP0 = false): Policy {
  const base = defaultPolicy();
  const p0: SeverityLevel[] = withP0
    ? [{ id: 'P0', description: 'Above P1: the whole service down or data lost', aliases: ['priority 0'], responseMinutes: 15, updateMinutes: 15, statusPageMinutes: 15, reviewDue: { hours: 48 } }]
    : [];
  return {
    ...base,
    builtIn: false,
    name: withP0 ? 'P0..P4' : 'P1..P4',
    severities: [
      ...p0,
      { id: 'P1', description: 'Critical: trading halted or data integrity at risk', aliases: ['priority 1', ...words(1)], responseMinutes: 15, updateMinutes: 15, statusPageMinutes: 15, reviewDue: { hours: 48 } },
      { id: 'P2', description: 'High: major feature degraded for many users', aliases: ['priority 2', ...words(2)], responseMinutes: 60, updateMinutes: 30, statusPageMinutes: 30, reviewDue: { hours: 48 } },
      { id: 'P3', description: 'Medium: partial degradation with a workaround', aliases: ['priority 3', ...words(3)], responseMinutes: 240, updateMinutes: 120, statusPageMinutes: null, reviewDue: { hours: 168 } },
      { id: 'P4', description: 'Low: minor issue, no immediate business impact', aliases: ['priority 4', ...words(4)], responseMinutes: 1440, updateMinutes: 1440, statusPageMinutes: null, reviewDue: { hours: 168 } },
    ],
    phases: clonePhases(PRIORITY_PHASES),
    checklist: flattenPhases(PRIORITY_PHASES),
  };
}


export const CANONICAL_NAMES: Record<string, CanonicalField> = {
  severity: 'severity',
  status: 'status',
  detected: 'detected',
  resolved: 'resolved',
  commander: 'commander',
  techlead: 'techLead',
  'tech-lead': 'techLead',
  commslead: 'commsLead',
  'comms-lead': 'commsLead',
  title: 'title',
  id: 'id',
  summary: 'summary',
};

/** Durations: a number of minutes, or `15m`, `1h`, `2 h`, `1d`, `daily`, `hourly`, `none`. */
export function parseDuration(value: unknown): number | null | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if (v === 'none' || v === 'never' || v === '-' || v === 'off') return null;
  if (v === 'daily') return 1440;
  if (v === 'hourly') return 60;
  if (v === 'weekly') return 10080;
  const m = /^(\d+(?:\.\d+)?)\s*(m|min|mins|minutes?|h|hr|hrs|hours?|d|days?)?$/.exec(v);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = (m[2] ?? 'm')[0];
  const minutes = unit === 'h' ? n * 60 : unit === 'd' ? n * 1440 : n;
  return minutes > 0 ? minutes : undefined;
}

/**
 * A review period as a playbook writes it: `48h`, `48 hours`, `3 business days`, `1 week`,
 * `2 days` (calendar days), or a bare number of business days. Undefined when unreadable.
 */
export function parseReviewPeriod(value: unknown): ReviewPeriod | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 && value <= 3650 ? { businessDays: value } : undefined;
  if (typeof value !== 'string' || value.length > 40) return undefined;
  const m = /^(\d{1,4})\s{0,3}(h|hrs?|hours?|bd|business\s{1,3}days?|working\s{1,3}days?|d|days?|w|weeks?)?$/.exec(value.trim().toLowerCase());
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2] ?? 'bd';
  if (unit.startsWith('h')) return n > 0 ? { hours: n } : undefined;
  if (unit === 'bd' || unit.startsWith('business') || unit.startsWith('working')) return { businessDays: n };
  if (unit.startsWith('w')) return n > 0 ? { hours: n * 168 } : undefined;
  return n > 0 ? { hours: n * 24 } : undefined;
}

/** `48 h`, `1 week`, `3 business days`: a period as the review and the editor show it. */
export function reviewPeriodText(period: ReviewPeriod): string {
  if ('businessDays' in period) return `${period.businessDays} business day${period.businessDays === 1 ? '' : 's'}`;
  const h = period.hours;
  if (h % 168 === 0) return `${h / 168} week${h === 168 ? '' : 's'}`;
  if (h % 24 === 0 && h > 48) return `${h / 24} days`;
  return `${h} h`;
}

/** The review period for an incident of this severity: the severity's own, or the policy's business days. */
export function reviewPeriodFor(policy: Policy, severity: string | null): ReviewPeriod {
  const level = severity ? matchSeverity(policy, severity) : undefined;
  return level?.reviewDue ?? { businessDays: policy.reviewDueBusinessDays };
}

/** Presets a playbook can start from. */
export const PRESETS: Record<string, () => Policy> = {
  sev: defaultPolicy,
  'sev-1..sev-3': defaultPolicy,
  default: defaultPolicy,
  p: () => priorityPolicy(),
  'p1-p4': () => priorityPolicy(),
  'p1..p4': () => priorityPolicy(),
  priority: () => priorityPolicy(),
  'p0-p4': () => priorityPolicy(true),
  'p0..p4': () => priorityPolicy(true),
};

/** Maps a severity as written ("Sev 3", "sev-3", "P1", "critical") to the policy's level. */
const severityTokens = new WeakMap<Policy, Map<string, SeverityLevel>>();

export function matchSeverity(policy: Policy, text: string): SeverityLevel | undefined {
  // The token table is built once per policy: ids first, so an id beats another level's alias.
  let table = severityTokens.get(policy);
  if (!table) {
    table = new Map();
    const add = (key: string, s: SeverityLevel) => {
      if (key && !table!.has(key)) table!.set(key, s);
    };
    for (const s of policy.severities) add(normalizeToken(s.id), s);
    for (const s of policy.severities) for (const a of s.aliases) add(normalizeToken(a), s);
    // Accents folded too: `Critico` finds `crítico`.
    for (const s of policy.severities) for (const a of [s.id, ...s.aliases]) add(foldWord(normalizeToken(a)), s);
    severityTokens.set(policy, table);
  }
  if (text.length > 200) return undefined;
  const token = normalizeToken(text);
  return token ? (table.get(token) ?? table.get(foldWord(token))) : undefined;
}

/**
 * Maps a status as written to the policy's spelling: the same word case-insensitively, else by
 * its leading words and the built-in words of seven languages (`resuelto` → Resolved).
 */
export function matchStatus(policy: Policy, text: string): string | undefined {
  const t = text.trim().toLowerCase();
  const exact = policy.statuses.find((s) => s.toLowerCase() === t);
  if (exact) return exact;
  const read = readStatus(policy, text);
  return read ? policy.statuses.find((s) => s.toLowerCase() === read.status.toLowerCase()) : undefined;
}

/** The message for a severity the policy does not have: `Unknown severity "SEV-9" (the policy has SEV-1, SEV-2, SEV-3).` */
export function unknownSeverityMessage(policy: Policy, value: string): string {
  return `Unknown severity "${value}" (the policy has ${policy.severities.map((s) => s.id).join(', ')}).`;
}

/**
 * The message for a status the policy does not have. `alsoAccepted` names words accepted beside
 * the policy's statuses (the CLI's `list --status` also takes "active" and "open").
 */
export function unknownStatusMessage(policy: Policy, value: string, alsoAccepted: readonly string[] = []): string {
  const extra = alsoAccepted.length ? `, or ${alsoAccepted.map((w) => `"${w}"`).join(' or ')}` : '';
  return `Unknown status "${value}" (the policy has ${policy.statuses.join(', ')}${extra}).`;
}

/** Whether a status ends an incident: one of the policy's resolved statuses, or a resolved word of any built-in language. */
export function isResolvedStatus(policy: Policy, status: string | null): boolean {
  return statusIsResolved(policy, status);
}

/** The canonical field a key (as written) means, under the policy's aliases. */
const fieldCache = new WeakMap<Policy, Map<string, CanonicalField | null>>();

export function canonicalField(policy: Policy, key: string): CanonicalField | undefined {
  // Memoised per policy: the index asks this for every field line of a log.
  let cache = fieldCache.get(policy);
  if (!cache) fieldCache.set(policy, (cache = new Map()));
  const hit = cache.get(key);
  if (hit !== undefined) return hit ?? undefined;
  const value = lookupField(policy, key) ?? null;
  if (cache.size < 10_000) cache.set(key, value);
  return value ?? undefined;
}

const foldedAliases = new WeakMap<Record<string, CanonicalField>, Map<string, CanonicalField>>();

/**
 * A key as written, then without its `(…)` note and edge punctuation (`Date / Window (IST)`,
 * `Status:`), then with accents folded (`Severite`).
 */
function lookupField(policy: Policy, key: string): CanonicalField | undefined {
  const aliases = policy.fieldAliases;
  const lower = key.trim().toLowerCase().replace(/\s+/g, ' ');
  const direct = aliases[lower];
  if (direct) return direct;
  if (lower.length > 80) return undefined;
  let folded = foldedAliases.get(aliases);
  if (!folded) {
    folded = new Map();
    for (const [k, v] of Object.entries(aliases)) {
      const w = keyWords(k);
      if (!folded.has(w)) folded.set(w, v);
      const slashless = w.replace(/ /g, '');
      if (!folded.has(slashless)) folded.set(slashless, v);
    }
    foldedAliases.set(aliases, folded);
  }
  return folded.get(keyWords(lower));
}

/** The key written for a canonical field in the canonical format. */
export const FIELD_LABELS: Record<CanonicalField, string> = {
  severity: 'Severity',
  status: 'Status',
  detected: 'Detected',
  resolved: 'Resolved',
  commander: 'Incident Commander',
  techLead: 'Technical Lead',
  commsLead: 'Communications Lead',
  title: 'Title',
  id: 'ID',
  summary: 'Summary',
};

/** CLI / command names for fields: `tech-lead` → techLead. */
export function fieldFromName(policy: Policy, name: string): CanonicalField | undefined {
  return CANONICAL_NAMES[name.trim().toLowerCase()] ?? canonicalField(policy, name);
}
