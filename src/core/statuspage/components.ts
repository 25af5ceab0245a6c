// The status page's part of `.incident/playbook.yml` and of an incident: the `components:` list
// (id, name, optional group), merged into the playbook's schema in playbook.ts, and the fields
// an incident makes public — `Affected:` (the components it touches), `Public title:` and
// `Public impact:`. These are not fields the index reads: they are looked up here by key, under
// their built-in keys and the aliases the playbook's `fieldAliases` adds for them.
import { z } from 'zod';
import type { Incident } from '../model';
import { type Policy, PolicyError } from '../playbook/policy';
import { stripInline } from '../reader/text';

/** A component of the service as the status page lists it. */
export interface StatusComponent {
  id: string;
  name: string;
  /** The group it is listed under; null when it stands alone. */
  group: string | null;
}

/** The fields of an incident the status page reads. */
export type PublicField = 'affected' | 'publicTitle' | 'publicImpact';

/** What the playbook says about the status page. */
export interface StatusPageSettings {
  components: StatusComponent[];
  /** Extra keys (lower-cased) for the public fields, from `fieldAliases`. */
  fieldAliases: Record<string, PublicField>;
}

/** A policy read from a playbook that has status page settings. */
export type PolicyWithStatusPage = Policy & { statusPage?: StatusPageSettings };

const componentId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'is not a component id (letters, digits and ._- only, up to 64)');
const componentSchema = z
  .object({
    id: componentId,
    name: z.string().trim().min(1, 'a component needs a name').max(100, 'is longer than 100 characters'),
    group: z.string().trim().min(1, 'a group needs a name').max(100, 'is longer than 100 characters').optional(),
  })
  .strict();

/** The settings this module adds to the playbook's schema (spread into its z.object). */
export const statusPageSettings = {
  components: z.array(componentSchema).max(500, 'lists more than 500 components').optional(),
};

/** The names `fieldAliases` takes for the public fields (beside the canonical fields). */
export const PUBLIC_FIELD_NAMES: Record<string, PublicField> = {
  affected: 'affected',
  publictitle: 'publicTitle',
  'public-title': 'publicTitle',
  publicimpact: 'publicImpact',
  'public-impact': 'publicImpact',
};

const BUILT_IN_KEYS: Record<string, PublicField> = {
  affected: 'affected',
  'affected components': 'affected',
  'affected services': 'affected',
  'affected systems': 'affected',
  'public title': 'publicTitle',
  'status page title': 'publicTitle',
  'public impact': 'publicImpact',
  'status page impact': 'publicImpact',
};

/** The line of a path in the playbook (the playbook's lineOf). */
type LineAt = (path: (string | number)[]) => number | undefined;

/**
 * The status page settings of a playbook: its components (ids and names each listed once,
 * case-insensitively) and the public fields' aliases. Undefined when it has neither.
 */
export function buildStatusPage(components: Array<{ id: string; name: string; group?: string }> | undefined, aliases: Record<string, PublicField>, at: LineAt): StatusPageSettings | undefined {
  if (!components && Object.keys(aliases).length === 0) return undefined;
  // An id or a name names one component: `Affected: checkout` must not mean two.
  const seen = new Map<string, { what: string; i: number }>();
  const list = (components ?? []).map((c, i): StatusComponent => {
    for (const [what, value] of [['id', c.id], ['name', c.name.trim()]] as const) {
      const key = value.toLowerCase();
      const first = seen.get(key);
      if (first && first.i !== i) throw new PolicyError(`components.${i}.${what}: "${value}" is already the ${first.what} of components.${first.i}`, at(['components', i, what]));
      if (!first) seen.set(key, { what, i });
    }
    return { id: c.id, name: c.name.trim(), group: c.group?.trim() ?? null };
  });
  return { components: list, fieldAliases: aliases };
}

export function statusPageOf(policy: Policy): StatusPageSettings | undefined {
  return (policy as PolicyWithStatusPage).statusPage;
}

const keyOf = (key: string) => stripInline(key).trim().replace(/:$/, '').trim().toLowerCase().replace(/\s+/g, ' ');

/** The first non-empty value of one of the public fields, inline markdown removed; null without one. */
export function publicField(incident: Incident, policy: Policy, field: PublicField): string | null {
  const aliases = statusPageOf(policy)?.fieldAliases ?? {};
  for (const f of incident.fields) {
    const key = keyOf(f.key);
    if ((aliases[key] ?? BUILT_IN_KEYS[key]) !== field) continue;
    const value = stripInline(f.value).trim();
    if (value) return value;
  }
  return null;
}

/** The names an `Affected:` value lists: `checkout, payments; Search` → 3 names. */
export function affectedNames(value: string | null): string[] {
  if (!value) return [];
  const names: string[] = [];
  for (const part of value.split(/[,;]/)) {
    const name = part.trim();
    if (name && !names.some((n) => n.toLowerCase() === name.toLowerCase())) names.push(name);
  }
  return names;
}

/**
 * The components an incident affects, by id or name (case-insensitively), and the names its
 * `Affected:` field lists that the playbook does not have. Without a components list every name
 * is unknown and none is reported (the team does not keep one).
 */
export function affectedComponents(incident: Incident, policy: Policy): { known: StatusComponent[]; unknown: string[] } {
  const names = affectedNames(publicField(incident, policy, 'affected'));
  const components = statusPageOf(policy)?.components ?? [];
  const known: StatusComponent[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    const lower = name.toLowerCase();
    const hit = components.find((c) => c.id.toLowerCase() === lower || c.name.toLowerCase() === lower);
    if (!hit) unknown.push(name);
    else if (!known.includes(hit)) known.push(hit);
  }
  return { known, unknown };
}
