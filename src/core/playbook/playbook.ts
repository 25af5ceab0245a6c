// Reading a team's `.incident/playbook.yml`: YAML parsed with line positions, validated with
// zod, and every error reported with the line it is on. Kept apart from policy.ts so that the
// YAML and validation libraries load only when a playbook file exists.
import { CST, type Document, LineCounter, Lexer, parseDocument, isAlias, isMap, isNode, isPair, isScalar, isSeq, visit, type Alias, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import { CANONICAL_NAMES, type ChecklistPhase, PRESETS, type Policy, PolicyError, defaultPolicy, flattenPhases, parseDuration, parseReviewPeriod } from './policy';
import { subsectionKind } from '../reader/headings';
import { normalizeToken } from '../reader/text';
import { DEFAULT_CHECK_TIMEOUT_MS, MAX_CHECK_TIMEOUT_MS, MIN_CHECK_TIMEOUT_MS, normalizeCheckCwd, paramPatternProblem, parseCheckTimeout, type HealthCheck, type Runbook } from '../health/healthChecks';
import { buildTeam, onCallSettings } from '../oncall/oncallSchema';
import type { PolicyWithTeam } from '../oncall/oncall';
import type { PolicyWithService } from './service';
import { PUBLIC_FIELD_NAMES, type PolicyWithStatusPage, type PublicField, buildStatusPage, statusPageSettings } from '../statuspage/components';

const duration = z.union([z.number(), z.string(), z.null()]).superRefine((v, ctx) => {
  if (parseDuration(v) === undefined && v !== null) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${String(v)}" is not a duration (use minutes, 15m, 1h, daily or none)` });
  }
});

const reviewPeriod = z.union([z.number(), z.string()]).superRefine((v, ctx) => {
  if (parseReviewPeriod(v) === undefined) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${String(v)}" is not a review period (use 48h, 3 business days or 1 week)` });
  }
});

/** A runnable step's id: letters, digits and `._:/-`, as a health check or runbook names it. */
const stepId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/, 'is not a step id (letters, digits and ._:/- only, up to 100)');
const checklistItem = z.union([z.string().trim().min(1, 'an item needs some text'), z.object({ text: z.string().trim().min(1, 'an item needs some text'), run: stepId.optional() }).strict()]);
const checklistSchema = z.union([
  z.array(checklistItem),
  z.object({ phases: z.array(z.object({ name: z.string().trim().min(1, 'a phase needs a name'), items: z.array(checklistItem).min(1, 'a phase needs at least one item') }).strict()).min(1) }).strict(),
]);

const command = z.string().trim().min(1, 'a command needs some text').max(20_000, 'is longer than 20000 characters');
const healthCheckSchema = z
  .object({
    name: stepId,
    run: command,
    cwd: z
      .string()
      .optional()
      .refine((v) => v === undefined || normalizeCheckCwd(v) !== undefined, 'must be a folder inside the repository (relative, not leaving it with ..)'),
    timeout: z
      .union([z.number(), z.string()])
      .optional()
      .superRefine((v, ctx) => {
        if (v === undefined) return;
        const ms = parseCheckTimeout(v);
        if (ms === undefined) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${String(v)}" is not a timeout (use 10s, 500ms, 2m)` });
        else if (ms < MIN_CHECK_TIMEOUT_MS || ms > MAX_CHECK_TIMEOUT_MS) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${String(v)}" is outside 100ms to 1h` });
      }),
    expect: z.number().int('must be a whole exit code').min(0).max(255).optional(),
    capture: z.boolean().optional(),
  })
  .strict();
const paramName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'is not a parameter name (an environment variable name: letters, digits and _)');
// What else a pattern must be (a regular expression RE2 can run) is checked with the runbook's
// name and the parameter's (paramPatternProblem).
const paramPattern = z.string().min(1).max(500);
const runbookSchema = z
  .object({
    title: z.string().trim().min(1, 'a runbook needs a title'),
    severity: z.string().trim().min(1).optional(),
    params: z.array(z.union([paramName, z.object({ name: paramName, pattern: paramPattern.optional() }).strict()])).optional(),
    steps: z
      .array(
        z
          .object({ title: z.string().trim().min(1, 'a step needs a title'), run: command.optional(), notes: z.string().optional(), dangerous: z.boolean().optional() })
          .strict(),
      )
      .min(1, 'a runbook needs at least one step'),
  })
  .strict();
/** A parameter declared without a pattern takes this one: no spaces, quotes or shell metacharacters. */
const DEFAULT_PARAM_PATTERN = '[A-Za-z0-9._:/@+=-]{1,200}';

const severitySchema = z
  .object({
    id: z.string().min(1),
    description: z.string().optional(),
    aliases: z.array(z.string()).optional(),
    response: duration.optional(),
    updates: duration.optional(),
    statusPage: duration.optional(),
    reviewDue: reviewPeriod.optional(),
  })
  .strict();

const playbookSchema = z
  .object({
    preset: z.string().optional(),
    severities: z.array(severitySchema).min(1).optional(),
    statuses: z.array(z.string().min(1)).min(1).optional(),
    resolvedStatus: z.union([z.string().trim().min(1), z.array(z.string().trim().min(1, 'a status needs some text')).min(1, 'list at least one status')]).optional(),
    initialStatus: z.string().optional(),
    fieldAliases: z.record(z.string(), z.array(z.string())).optional(),
    sections: z
      .object({ timeline: z.array(z.string()).optional(), checklist: z.array(z.string()).optional(), actionItems: z.array(z.string()).optional() })
      .strict()
      .optional(),
    timeZone: z.string().optional(),
    /** Words beyond `statuses` that say an incident is open, closed (over) or deferred (put off). */
    statusWords: z
      .object({
        open: z.array(z.string().trim().min(1, 'a word needs some text')).optional(),
        closed: z.array(z.string().trim().min(1, 'a word needs some text')).optional(),
        deferred: z.array(z.string().trim().min(1, 'a word needs some text')).optional(),
      })
      .strict()
      .optional(),
    /** Where the log keeps incidents that carry no id, date or fields. */
    reading: z
      .object({
        incidentLevel: z.number().int().min(2, 'incidents are headings of level 2 to 4').max(4, 'incidents are headings of level 2 to 4').optional(),
        incidentTables: z.array(z.string().trim().min(1, 'name a heading or the columns')).optional(),
      })
      .strict()
      .optional(),
    /** The service this playbook's logs belong to, when several logs are read as one. */
    service: z.string().trim().min(1, 'a service needs a name').max(100).optional(),
    checklist: checklistSchema.optional(),
    reviewDueBusinessDays: z.number().int().min(0).optional(),
    healthChecks: z.array(healthCheckSchema).optional(),
    runbooks: z.record(stepId, runbookSchema).optional(),
    ...onCallSettings,
    ...statusPageSettings,
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

/**
 * What a playbook may hold, checked before it is turned into objects: YAML parsing costs time
 * and memory with the number of items, lines and nesting levels far more than with its bytes
 * (a 2 MB list of one-letter aliases took 7 s and 1.1 GB, a 16 MB one ran out of memory). Real
 * playbooks are a few KB: the one `incident init` writes is 5 KB, 110 lines and about
 * 140 items. These bounds leave 70 to 200 times that (a runbook command may be 20,000
 * characters), and the slowest playbook within them loads in well under a second
 * (test/unit/playbookLimits.test.ts builds the worst ones).
 */
export const PLAYBOOK_LIMITS = {
  bytes: 1024 * 1024,
  lines: 20_000,
  /** Keys, values, list items and `[…]`/`{…}` collections; aliases count as what they stand for. */
  items: 10_000,
  /** `*name` references: resolving each one looks through the document's anchors. */
  aliases: 1_000,
  /** `[…]` and `{…}` inside each other (indentation is bounded by the YAML parser itself). */
  flowDepth: 64,
} as const;

/** Tokens of yaml's lexer that make an item: a scalar, an alias, a `[` or `{` collection. */
const ITEM_TOKENS = new Set(['scalar', 'single-quoted-scalar', 'double-quoted-scalar', 'block-scalar-header', 'alias', 'flow-map-start', 'flow-seq-start']);
/** The other tokens the parser builds on (indicators, anchors, tags). */
const PUNCTUATION_TOKENS = new Set(['seq-item-ind', 'explicit-key-ind', 'map-value-ind', 'comma', 'anchor', 'tag', 'flow-map-end', 'flow-seq-end', 'doc-start', 'doc-end', 'directive-line']);
/** Markers the lexer adds that are not in the text (they take no room in it). */
const MARKER_TOKENS = new Set(['doc-mode', 'flow-error-end', 'scalar']);

/** The 1-based line of a character offset. */
function lineAtOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Refuses a playbook past PLAYBOOK_LIMITS, before it is parsed: its size and lines are counted,
 * then its tokens with yaml's lexer, which stops at the first bound passed, so the check costs
 * at most what a playbook at the bounds costs, however long the text.
 */
function checkBounds(text: string): { aliases: number } {
  const bytes = Buffer.byteLength(text, 'utf8');
  // Rounded up: a playbook just past the bound reads 1.1 MB, not 1.0.
  if (bytes > PLAYBOOK_LIMITS.bytes) throw new PolicyError(`the playbook is too large (${(Math.ceil(bytes / 104_857.6) / 10).toFixed(1)} MB; the limit is 1 MB)`);
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < text.length - 1; i = text.indexOf('\n', i + 1)) {
    if (++lines > PLAYBOOK_LIMITS.lines) throw new PolicyError(`the playbook is too large (over ${PLAYBOOK_LIMITS.lines} lines; the limit is ${PLAYBOOK_LIMITS.lines})`);
  }
  let items = 0;
  let punctuation = 0;
  let aliases = 0;
  let depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (type && ITEM_TOKENS.has(type)) {
      // A plain scalar is a marker followed by its text: the marker counts, the text is read as any.
      if (++items > PLAYBOOK_LIMITS.items) throw new PolicyError(`the playbook has too many items (over ${PLAYBOOK_LIMITS.items}, at line ${lineAtOffset(text, offset)})`);
      if (type === 'alias' && ++aliases > PLAYBOOK_LIMITS.aliases) throw new PolicyError(`the playbook has too many aliases (over ${PLAYBOOK_LIMITS.aliases}, at line ${lineAtOffset(text, offset)})`);
      if ((type === 'flow-map-start' || type === 'flow-seq-start') && ++depth > PLAYBOOK_LIMITS.flowDepth) {
        throw new PolicyError(`the playbook is nested too deeply (over ${PLAYBOOK_LIMITS.flowDepth} levels of [ and {, at line ${lineAtOffset(text, offset)})`);
      }
    } else if (type && PUNCTUATION_TOKENS.has(type)) {
      if (type === 'flow-map-end' || type === 'flow-seq-end') depth = Math.max(0, depth - 1);
      // A line of bare indicators (`- - - -`, `[,,,]`) makes nodes too: at most two per item in any real playbook.
      if (++punctuation > 3 * PLAYBOOK_LIMITS.items) throw new PolicyError(`the playbook has too many items (over ${PLAYBOOK_LIMITS.items}, at line ${lineAtOffset(text, offset)})`);
    }
    if (!type || !MARKER_TOKENS.has(type)) offset += token.length;
  }
  return { aliases };
}

/**
 * Refuses aliases that stand for more than PLAYBOOK_LIMITS.items items in all (a billion
 * laughs: each level a list of aliases to the one before), naming the line where the count
 * passes it. An alias counts as the items of what it names; linear: each anchored node is
 * counted once.
 */
function checkAliasExpansion(doc: Document, counter: LineCounter): void {
  const lineOfNode = (node: YamlNode) => (node.range ? counter.linePos(node.range[0]).line : 1);
  const anchored = new Map<string, YamlNode>();
  const target = new Map<Alias, YamlNode>();
  // Document order: an alias names the last node anchored before it.
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) {
        const found = anchored.get(node.source);
        if (!found) throw new PolicyError(`the alias *${node.source} names no anchor &${node.source} before it`, lineOfNode(node));
        target.set(node, found);
      } else if (node.anchor) anchored.set(node.anchor, node);
    },
  });
  const sizes = new Map<YamlNode, number>();
  const counting = new Set<YamlNode>();
  const sizeOf = (node: YamlNode): number => {
    if (isAlias(node)) {
      const named = target.get(node) as YamlNode;
      // It would make a loop of objects (`&a [*a]`): no setting is written that way.
      if (counting.has(named)) throw new PolicyError(`the alias *${node.source} is inside the item it names`, lineOfNode(node));
      return sizeOf(named);
    }
    if (isScalar(node)) return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    counting.add(node);
    // As the lexer counts: a `[…]` or `{…}` collection is an item, an indented one is not.
    let size = (node as { flow?: boolean }).flow ? 1 : 0;
    for (const item of (node as { items: unknown[] }).items) {
      for (const child of isPair(item) ? [item.key, item.value] : [item]) {
        if (!isNode(child)) continue;
        size += sizeOf(child);
        if (size > PLAYBOOK_LIMITS.items) throw new PolicyError(`the playbook's aliases stand for too many items (over ${PLAYBOOK_LIMITS.items}, at line ${lineOfNode(child)})`);
      }
    }
    counting.delete(node);
    sizes.set(node, size);
    return size;
  };
  if (isNode(doc.contents)) sizeOf(doc.contents);
}

/** The last playbook read in this process: every command reads the same one, often more than once. */
let lastRead: { text: string; policy?: Policy; error?: unknown } | undefined;

/**
 * Reads `.incident/playbook.yml`. Throws PolicyError naming the line of the first problem. The
 * same text read again in this process gives the same policy (or error) without parsing it
 * again: callers must not change the policy.
 */
export function loadPolicy(yamlText: string): Policy {
  if (lastRead?.text === yamlText) {
    if (lastRead.policy) return lastRead.policy;
    throw lastRead.error;
  }
  try {
    const policy = readPlaybook(yamlText);
    lastRead = { text: yamlText, policy };
    return policy;
  } catch (e) {
    lastRead = { text: yamlText, error: e };
    throw e;
  }
}

/** The line of a setting in the playbook, by its path (`['runbooks', id, 'steps', 0]`). */
type LineAt = (path: (string | number)[]) => number | undefined;
/** The playbook's settings as the schema checked them. */
type PlaybookSettings = z.infer<typeof playbookSchema>;

function readPlaybook(yamlText: string): Policy {
  const { p, at } = parsePlaybook(yamlText);
  const policy = basePolicy(p, at);
  applySeverities(p, policy, at);
  applyStatuses(p, policy, at);
  // A playbook is the team's own policy: its severities are not guessed from the log.
  policy.builtIn = false;
  applyVocabulary(p, policy, at);
  applyChecklist(p, policy, at);
  if (p.reviewDueBusinessDays !== undefined) policy.reviewDueBusinessDays = p.reviewDueBusinessDays;
  applyHealthChecks(p, policy, at);
  applyRunbooks(p, policy, at);
  // On call, escalation, links and drills (oncallSchema.ts): drills name severities and runbooks, so they come last.
  const team = buildTeam(p, policy, at);
  if (team) (policy as PolicyWithTeam).team = team;
  // The status page's components and the aliases of the fields it publishes (statuspage/components.ts).
  const statusPage = buildStatusPage(p.components, publicFieldAliases(p), at);
  if (statusPage) (policy as PolicyWithStatusPage).statusPage = statusPage;
  if (p.service) (policy as PolicyWithService).service = p.service;
  return policy;
}

/** The text within PLAYBOOK_LIMITS, parsed as YAML and checked against the schema. */
function parsePlaybook(yamlText: string): { p: PlaybookSettings; at: LineAt } {
  const { aliases } = checkBounds(yamlText);
  const counter = new LineCounter();
  // Warnings (a collection as a key, …) are not printed: what matters is refused with its line below.
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false, logLevel: 'error' });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const line = counter.linePos(err.pos[0]).line;
    throw new PolicyError(`not valid YAML: ${err.message.split('\n')[0]}`, line);
  }
  if (aliases > 0) checkAliasExpansion(doc, counter);
  // The aliases were counted above, as what they stand for: yaml's own count is not needed.
  const raw = doc.toJS({ maxAliasCount: -1 }) ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new PolicyError('the playbook must be a mapping of settings', 1);
  const at: LineAt = (path) => lineOf(doc, counter, path);
  const parsed = playbookSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path as (string | number)[];
    const where = path.length ? `${path.join('.')}: ` : '';
    const message = issue.code === 'unrecognized_keys' ? `unknown setting ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
    throw new PolicyError(`${where}${message}`, at(issue.code === 'unrecognized_keys' ? [...path, issue.keys[0]] : path));
  }
  return { p: parsed.data, at };
}

/** The preset the playbook names, or the default policy. */
function basePolicy(p: PlaybookSettings, at: LineAt): Policy {
  if (p.preset !== undefined) {
    const make = PRESETS[p.preset.trim().toLowerCase()];
    if (!make) throw new PolicyError(`preset: unknown preset "${p.preset}" (use "sev" or "p1-p4")`, at(['preset']));
    return make();
  }
  return defaultPolicy();
}

function applySeverities(p: PlaybookSettings, policy: Policy, at: LineAt): void {
  if (!p.severities) return;
  const seen = new Set<string>();
  policy.severities = p.severities.map((s, i) => {
    const key = normalizeToken(s.id);
    if (seen.has(key)) throw new PolicyError(`severities.${i}.id: "${s.id}" is listed twice`, at(['severities', i, 'id']));
    seen.add(key);
    return {
      id: s.id.trim(),
      description: s.description ?? '',
      aliases: s.aliases ?? [],
      responseMinutes: parseDuration(s.response) ?? null,
      updateMinutes: parseDuration(s.updates) ?? null,
      statusPageMinutes: parseDuration(s.statusPage) ?? null,
      ...(s.reviewDue !== undefined ? { reviewDue: parseReviewPeriod(s.reviewDue) } : {}),
    };
  });
}

/** Statuses, the resolved ones and the initial one; the last two must be among the first. */
function applyStatuses(p: PlaybookSettings, policy: Policy, at: LineAt): void {
  if (p.statuses) policy.statuses = p.statuses.map((s) => s.trim());
  const resolvedList = p.resolvedStatus === undefined ? undefined : Array.isArray(p.resolvedStatus) ? p.resolvedStatus.map((x) => x.trim()) : [p.resolvedStatus.trim()];
  if (resolvedList) {
    policy.resolvedStatus = resolvedList[0];
    policy.resolvedStatuses = resolvedList;
  } else if (p.statuses && !p.statuses.some((s) => s.toLowerCase() === policy.resolvedStatus.toLowerCase())) policy.resolvedStatus = policy.statuses[policy.statuses.length - 1];
  if (p.initialStatus) policy.initialStatus = p.initialStatus.trim();
  else if (p.statuses) policy.initialStatus = policy.statuses[0];
  const mustBeStatuses: Array<[string, string, (string | number)[]]> = [['initialStatus', policy.initialStatus, ['initialStatus']]];
  if (Array.isArray(p.resolvedStatus)) resolvedList?.forEach((v, i) => mustBeStatuses.unshift([`resolvedStatus.${i}`, v, ['resolvedStatus', i]]));
  else mustBeStatuses.unshift(['resolvedStatus', policy.resolvedStatus, ['resolvedStatus']]);
  mustBeStatuses.sort((a, b) => (a[0] === 'initialStatus' ? 1 : 0) - (b[0] === 'initialStatus' ? 1 : 0) || a[0].localeCompare(b[0]));
  for (const [label, value, path] of mustBeStatuses) {
    if (!policy.statuses.some((s) => s.toLowerCase() === value.toLowerCase())) {
      throw new PolicyError(`${label}: "${value}" is not one of the statuses (${policy.statuses.join(', ')})`, at(path) ?? at(['statuses']));
    }
  }
}

/** How the log is written: field names, section headings and the time zone. */
function applyVocabulary(p: PlaybookSettings, policy: Policy, at: LineAt): void {
  if (p.fieldAliases) {
    for (const [field, aliases] of Object.entries(p.fieldAliases)) {
      if (PUBLIC_FIELD_NAMES[field.toLowerCase()]) continue; // a status page field: publicFieldAliases
      const canonical = CANONICAL_NAMES[field.toLowerCase()];
      if (!canonical) {
        throw new PolicyError(`fieldAliases: unknown field "${field}" (use one of ${Object.keys(CANONICAL_NAMES).filter((k) => !k.includes('-')).join(', ')}, or affected, publicTitle, publicImpact)`, at(['fieldAliases', field]));
      }
      for (const alias of aliases) policy.fieldAliases[alias.trim().toLowerCase()] = canonical;
    }
  }
  if (p.statusWords) {
    const words = p.statusWords;
    policy.statusWords = {
      ...(words.open ? { open: words.open } : {}),
      ...(words.closed ? { closed: words.closed } : {}),
      ...(words.deferred ? { deferred: words.deferred } : {}),
    };
  }
  if (p.reading) {
    policy.reading = {
      ...(p.reading.incidentLevel !== undefined ? { incidentLevel: p.reading.incidentLevel } : {}),
      ...(p.reading.incidentTables ? { incidentTables: p.reading.incidentTables } : {}),
    };
  }
  if (p.sections) {
    for (const k of ['timeline', 'checklist', 'actionItems'] as const) {
      const extra = p.sections[k];
      if (extra) policy.sections[k] = [...policy.sections[k], ...extra.map((s) => s.toLowerCase())];
    }
  }
  if (p.timeZone) {
    if (!isValidZone(p.timeZone)) throw new PolicyError(`timeZone: "${p.timeZone}" is not an IANA time zone (e.g. UTC, Europe/Berlin)`, at(['timeZone']));
    policy.timeZone = p.timeZone;
  }
}

/** `fieldAliases` of the fields the status page publishes (`affected: [Impacted services]`), by lower-cased key. */
function publicFieldAliases(p: PlaybookSettings): Record<string, PublicField> {
  const out: Record<string, PublicField> = {};
  for (const [field, aliases] of Object.entries(p.fieldAliases ?? {})) {
    const publicName = PUBLIC_FIELD_NAMES[field.toLowerCase()];
    if (publicName) for (const alias of aliases) out[alias.trim().toLowerCase().replace(/\s+/g, ' ')] = publicName;
  }
  return out;
}

/** The checklist, as one list or in phases; read after the sections, which phase names must not read as. */
function applyChecklist(p: PlaybookSettings, policy: Policy, at: LineAt): void {
  if (!p.checklist) return;
  const item = (i: string | { text: string; run?: string }) => (typeof i === 'string' ? { text: i } : { text: i.text, ...(i.run ? { run: i.run } : {}) });
  const phases: ChecklistPhase[] = Array.isArray(p.checklist) ? [{ name: 'Checklist', items: p.checklist.map(item) }] : p.checklist.phases.map((ph) => ({ name: ph.name, items: ph.items.map(item) }));
  if (!Array.isArray(p.checklist)) {
    // A phase is written as a sub-heading of the checklist: a name that reads as another
    // sub-section (a timeline, action items) would not read back as a phase.
    p.checklist.phases.forEach((ph, i) => {
      const kind = subsectionKind(ph.name, policy);
      if (kind && kind !== 'checklist') {
        throw new PolicyError(`checklist.phases.${i}.name: "${ph.name}" would be read as a ${kind === 'timeline' ? 'timeline' : 'action items'} heading; rename the phase`, at(['checklist', 'phases', i, 'name']));
      }
    });
  }
  policy.phases = phases;
  policy.checklist = flattenPhases(phases);
}

function applyHealthChecks(p: PlaybookSettings, policy: Policy, at: LineAt): void {
  if (!p.healthChecks) return;
  const seen = new Set<string>();
  policy.healthChecks = p.healthChecks.map((c, i): HealthCheck => {
    const key = c.name.toLowerCase();
    if (seen.has(key)) throw new PolicyError(`healthChecks.${i}.name: "${c.name}" is listed twice`, at(['healthChecks', i, 'name']));
    seen.add(key);
    return { name: c.name, run: c.run, cwd: normalizeCheckCwd(c.cwd ?? '.') ?? '.', timeoutMs: c.timeout === undefined ? DEFAULT_CHECK_TIMEOUT_MS : (parseCheckTimeout(c.timeout) as number), expect: c.expect ?? 0, capture: c.capture ?? false };
  });
}

function applyRunbooks(p: PlaybookSettings, policy: Policy, at: LineAt): void {
  if (!p.runbooks) return;
  policy.runbooks = Object.entries(p.runbooks).map(([id, r]): Runbook => {
    const params = (r.params ?? []).map((x) => (typeof x === 'string' ? { name: x, pattern: DEFAULT_PARAM_PATTERN } : { name: x.name, pattern: x.pattern ?? DEFAULT_PARAM_PATTERN }));
    const names = new Set<string>();
    params.forEach((x, i) => {
      if (names.has(x.name)) throw new PolicyError(`runbooks.${id}.params.${i}: "${x.name}" is listed twice`, at(['runbooks', id, 'params', i]));
      names.add(x.name);
      const problem = x.pattern === DEFAULT_PARAM_PATTERN ? undefined : paramPatternProblem(x.pattern);
      if (problem) throw new PolicyError(`runbooks.${id}.params.${i}.pattern: the pattern of runbook ${id}'s parameter ${x.name} ${problem}`, at(['runbooks', id, 'params', i, 'pattern']));
    });
    r.steps.forEach((step, i) => {
      if (!step.run && !step.notes) throw new PolicyError(`runbooks.${id}.steps.${i}: a step needs run or notes`, at(['runbooks', id, 'steps', i]));
    });
    return {
      id,
      title: r.title.trim(),
      ...(r.severity ? { severity: r.severity } : {}),
      params,
      steps: r.steps.map((step) => ({ title: step.title.trim(), ...(step.run ? { run: step.run } : {}), ...(step.notes ? { notes: step.notes } : {}), dangerous: step.dangerous ?? false })),
    };
  });
}

function isValidZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

