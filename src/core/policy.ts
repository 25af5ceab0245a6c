// The response policy: severities (with aliases, response times, update cadences), statuses,
// field aliases and the time zone. Built-in defaults come from the two playbooks we implement;
// a team overrides them in `.incident/playbook.yml`, validated with errors that name the line.
import { LineCounter, parseDocument, isMap, isSeq, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import type { CanonicalField } from './model';
import { normalizeToken } from './text';

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
}

export interface Policy {
  name: string;
  severities: SeverityLevel[];
  statuses: string[];
  /** The status that ends an incident. */
  resolvedStatus: string;
  /** The status a new incident starts in. */
  initialStatus: string;
  /** Extra keys (lower-cased, inline markup removed) that mean a canonical field. */
  fieldAliases: Record<string, CanonicalField>;
  /** Headings that mark sub-sections, lower-cased substrings. */
  sections: { timeline: string[]; checklist: string[]; actionItems: string[] };
  /** IANA zone used for times written without a zone, and for new entries. */
  timeZone: string;
  /** Checklist a new incident starts with. */
  checklist: string[];
  /** Business days within which the post-incident review is due. */
  reviewDueBusinessDays: number;
}

export class PolicyError extends Error {
  constructor(
    message: string,
    /** 1-based line in the playbook file, when known. */
    readonly line?: number,
  ) {
    super(line ? `line ${line}: ${message}` : message);
    this.name = 'PolicyError';
  }
}

const BUILTIN_FIELD_ALIASES: Record<string, CanonicalField> = {
  severity: 'severity',
  sev: 'severity',
  priority: 'severity',
  level: 'severity',
  impact: 'severity',
  status: 'status',
  state: 'status',
  detected: 'detected',
  date: 'detected',
  started: 'detected',
  start: 'detected',
  declared: 'detected',
  'detected at': 'detected',
  'started at': 'detected',
  'start time': 'detected',
  when: 'detected',
  resolved: 'resolved',
  ended: 'resolved',
  closed: 'resolved',
  'resolved at': 'resolved',
  'end time': 'resolved',
  'incident commander': 'commander',
  commander: 'commander',
  ic: 'commander',
  'technical lead': 'techLead',
  'tech lead': 'techLead',
  tl: 'techLead',
  'communications lead': 'commsLead',
  'comms lead': 'commsLead',
  'communication lead': 'commsLead',
  cl: 'commsLead',
  title: 'title',
  id: 'id',
  'incident id': 'id',
  summary: 'summary',
};

/** The 7-step response checklist of the e-commerce playbook, in the order a responder works it. */
const SEV_CHECKLIST = [
  'Acknowledge the alert and declare the incident',
  'Assign incident commander, technical lead and communications lead',
  'Open the incident channel and bridge',
  'Assess customer impact and confirm severity',
  'Post the first internal update and status page notice',
  'Mitigate and verify recovery',
  'Schedule the post-incident review (within 3 business days)',
];

const SECTIONS = {
  timeline: ['timeline', 'chronology', 'events', 'zeitverlauf', 'cronología', 'cronologia', 'chronologie'],
  checklist: ['checklist', 'tasks', 'steps', 'response'],
  actionItems: ['action items', 'follow-up', 'follow up', 'followup', 'actions', 'remediation'],
};

const STATUSES = ['Investigating', 'Identified', 'Mitigating', 'Monitoring', 'Resolved'];

/** Built-in default: SEV-1..SEV-3 from the e-commerce playbook. */
export function defaultPolicy(): Policy {
  return {
    name: 'SEV-1..SEV-3',
    severities: [
      {
        id: 'SEV-1',
        description: 'Full outage: the site or a critical path (checkout, payments) is down for all customers',
        aliases: ['sev1', 'critical'],
        responseMinutes: 15,
        updateMinutes: 30,
        statusPageMinutes: 60,
      },
      {
        id: 'SEV-2',
        description: 'Major functionality impaired for many customers; a workaround may exist',
        aliases: ['sev2', 'major', 'high'],
        responseMinutes: 30,
        updateMinutes: 30,
        statusPageMinutes: 60,
      },
      {
        id: 'SEV-3',
        description: 'Degraded: minor functionality impaired or performance degraded, limited impact',
        aliases: ['sev3', 'minor', 'low'],
        responseMinutes: 240,
        updateMinutes: null,
        statusPageMinutes: null,
      },
    ],
    statuses: [...STATUSES],
    resolvedStatus: 'Resolved',
    initialStatus: 'Investigating',
    fieldAliases: { ...BUILTIN_FIELD_ALIASES },
    sections: { timeline: [...SECTIONS.timeline], checklist: [...SECTIONS.checklist], actionItems: [...SECTIONS.actionItems] },
    timeZone: 'UTC',
    checklist: [...SEV_CHECKLIST],
    reviewDueBusinessDays: 3,
  };
}

/** The P1..P4 preset of the trading-platform playbook. */
export function priorityPolicy(): Policy {
  const base = defaultPolicy();
  return {
    ...base,
    name: 'P1..P4',
    severities: [
      { id: 'P1', description: 'Critical: trading halted or data integrity at risk', aliases: ['priority 1', 'critical'], responseMinutes: 15, updateMinutes: 15, statusPageMinutes: 15 },
      { id: 'P2', description: 'High: major feature degraded for many users', aliases: ['priority 2', 'high'], responseMinutes: 60, updateMinutes: 30, statusPageMinutes: 30 },
      { id: 'P3', description: 'Medium: partial degradation with a workaround', aliases: ['priority 3', 'medium'], responseMinutes: 240, updateMinutes: 120, statusPageMinutes: null },
      { id: 'P4', description: 'Low: minor issue, no immediate business impact', aliases: ['priority 4', 'low'], responseMinutes: 1440, updateMinutes: 1440, statusPageMinutes: null },
    ],
    checklist: [
      'Detection: confirm the alert and declare the incident',
      'Triage: set priority and assign the incident commander',
      'Containment: follow the runbook for this incident type',
      'Communication: send the first status update',
      'Resolution: fix, verify and monitor',
      'Post-incident: write the PIR and executive summary',
    ],
  };
}

const PRESETS: Record<string, () => Policy> = {
  sev: defaultPolicy,
  'sev-1..sev-3': defaultPolicy,
  default: defaultPolicy,
  p: priorityPolicy,
  'p1-p4': priorityPolicy,
  'p1..p4': priorityPolicy,
  priority: priorityPolicy,
};

const CANONICAL_NAMES: Record<string, CanonicalField> = {
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

const duration = z.union([z.number(), z.string(), z.null()]).superRefine((v, ctx) => {
  if (parseDuration(v) === undefined && v !== null) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${String(v)}" is not a duration (use minutes, 15m, 1h, daily or none)` });
  }
});

const severitySchema = z
  .object({
    id: z.string().min(1),
    description: z.string().optional(),
    aliases: z.array(z.string()).optional(),
    response: duration.optional(),
    updates: duration.optional(),
    statusPage: duration.optional(),
  })
  .strict();

const playbookSchema = z
  .object({
    preset: z.string().optional(),
    severities: z.array(severitySchema).min(1).optional(),
    statuses: z.array(z.string().min(1)).min(1).optional(),
    resolvedStatus: z.string().optional(),
    initialStatus: z.string().optional(),
    fieldAliases: z.record(z.string(), z.array(z.string())).optional(),
    sections: z
      .object({ timeline: z.array(z.string()).optional(), checklist: z.array(z.string()).optional(), actionItems: z.array(z.string()).optional() })
      .strict()
      .optional(),
    timeZone: z.string().optional(),
    checklist: z.array(z.string()).optional(),
    reviewDueBusinessDays: z.number().int().min(0).optional(),
  })
  .strict();

function lineOf(doc: ReturnType<typeof parseDocument>, counter: LineCounter, path: (string | number)[]): number | undefined {
  // Walk down to the deepest node that exists for the error path and report its line.
  let node: unknown = doc.contents;
  let found: YamlNode | undefined = node as YamlNode | undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      if (!pair) break;
      node = pair.value ?? pair.key;
      found = (pair.value ?? pair.key) as YamlNode;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      if (!node) break;
      found = node as YamlNode;
    } else break;
  }
  const range = (found as { range?: [number, number, number] } | undefined)?.range;
  return range ? counter.linePos(range[0]).line : undefined;
}

/** Reads `.incident/playbook.yml`. Throws PolicyError naming the line of the first problem. */
export function loadPolicy(yamlText: string): Policy {
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const line = counter.linePos(err.pos[0]).line;
    throw new PolicyError(`not valid YAML: ${err.message.split('\n')[0]}`, line);
  }
  const raw = doc.toJS() ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new PolicyError('the playbook must be a mapping of settings', 1);
  const parsed = playbookSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path as (string | number)[];
    const where = path.length ? `${path.join('.')}: ` : '';
    const message = issue.code === 'unrecognized_keys' ? `unknown setting ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
    throw new PolicyError(`${where}${message}`, lineOf(doc, counter, issue.code === 'unrecognized_keys' ? [...path, issue.keys[0]] : path));
  }
  const p = parsed.data;
  let policy: Policy;
  if (p.preset !== undefined) {
    const make = PRESETS[p.preset.trim().toLowerCase()];
    if (!make) throw new PolicyError(`preset: unknown preset "${p.preset}" (use "sev" or "p1-p4")`, lineOf(doc, counter, ['preset']));
    policy = make();
  } else policy = defaultPolicy();

  if (p.severities) {
    const seen = new Set<string>();
    policy.severities = p.severities.map((s, i) => {
      const key = normalizeToken(s.id);
      if (seen.has(key)) throw new PolicyError(`severities.${i}.id: "${s.id}" is listed twice`, lineOf(doc, counter, ['severities', i, 'id']));
      seen.add(key);
      return {
        id: s.id.trim(),
        description: s.description ?? '',
        aliases: s.aliases ?? [],
        responseMinutes: parseDuration(s.response) ?? null,
        updateMinutes: parseDuration(s.updates) ?? null,
        statusPageMinutes: parseDuration(s.statusPage) ?? null,
      };
    });
  }
  if (p.statuses) policy.statuses = p.statuses.map((s) => s.trim());
  if (p.resolvedStatus) policy.resolvedStatus = p.resolvedStatus.trim();
  else if (p.statuses && !p.statuses.some((s) => s.toLowerCase() === policy.resolvedStatus.toLowerCase())) policy.resolvedStatus = policy.statuses[policy.statuses.length - 1];
  if (p.initialStatus) policy.initialStatus = p.initialStatus.trim();
  else if (p.statuses) policy.initialStatus = policy.statuses[0];
  for (const [label, value] of [['resolvedStatus', policy.resolvedStatus], ['initialStatus', policy.initialStatus]] as const) {
    if (!policy.statuses.some((s) => s.toLowerCase() === value.toLowerCase())) {
      throw new PolicyError(`${label}: "${value}" is not one of the statuses (${policy.statuses.join(', ')})`, lineOf(doc, counter, [label]) ?? lineOf(doc, counter, ['statuses']));
    }
  }
  if (p.fieldAliases) {
    for (const [field, aliases] of Object.entries(p.fieldAliases)) {
      const canonical = CANONICAL_NAMES[field.toLowerCase()];
      if (!canonical) {
        throw new PolicyError(`fieldAliases: unknown field "${field}" (use one of ${Object.keys(CANONICAL_NAMES).filter((k) => !k.includes('-')).join(', ')})`, lineOf(doc, counter, ['fieldAliases', field]));
      }
      for (const alias of aliases) policy.fieldAliases[alias.trim().toLowerCase()] = canonical;
    }
  }
  if (p.sections) {
    for (const k of ['timeline', 'checklist', 'actionItems'] as const) {
      const extra = p.sections[k];
      if (extra) policy.sections[k] = [...policy.sections[k], ...extra.map((s) => s.toLowerCase())];
    }
  }
  if (p.timeZone) {
    if (!isValidZone(p.timeZone)) throw new PolicyError(`timeZone: "${p.timeZone}" is not an IANA time zone (e.g. UTC, Europe/Berlin)`, lineOf(doc, counter, ['timeZone']));
    policy.timeZone = p.timeZone;
  }
  if (p.checklist) policy.checklist = p.checklist;
  if (p.reviewDueBusinessDays !== undefined) policy.reviewDueBusinessDays = p.reviewDueBusinessDays;
  return policy;
}

function isValidZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Maps a severity as written ("Sev 3", "sev-3", "P1", "critical") to the policy's level. */
export function matchSeverity(policy: Policy, text: string): SeverityLevel | undefined {
  const token = normalizeToken(text);
  if (!token) return undefined;
  for (const s of policy.severities) {
    if (normalizeToken(s.id) === token) return s;
  }
  for (const s of policy.severities) {
    if (s.aliases.some((a) => normalizeToken(a) === token)) return s;
  }
  return undefined;
}

/** Maps a status as written to the policy's spelling, case-insensitively. */
export function matchStatus(policy: Policy, text: string): string | undefined {
  const t = text.trim().toLowerCase();
  return policy.statuses.find((s) => s.toLowerCase() === t);
}

export function isResolvedStatus(policy: Policy, status: string | null): boolean {
  if (!status) return false;
  const t = status.trim().toLowerCase();
  return t === policy.resolvedStatus.toLowerCase() || t === 'resolved' || t === 'closed' || t === 'done';
}

/** The canonical field a key (as written) means, under the policy's aliases. */
export function canonicalField(policy: Policy, key: string): CanonicalField | undefined {
  return policy.fieldAliases[key.trim().toLowerCase().replace(/\s+/g, ' ')];
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
