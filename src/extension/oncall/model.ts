// The On Call view as plain data: who is on call now, the next handover, escalation contacts,
// people, roles, links and drills, built from the playbook's team at an instant. Pure (no
// vscode import): the view renders these nodes, unit tests read them.
import { type Team, RotationError, contactKind, formatHandover, nextOnCall, onCallAt, personContacts, rotationStart } from '../../core/oncall/oncall';
import { l10n } from '../l10n';

export type OnCallNodeKind = 'section' | 'person' | 'contact' | 'handover' | 'link' | 'drill' | 'note' | 'role';

export interface OnCallNode {
  /** Stable across refreshes (the tree keeps expansion by it). */
  key: string;
  kind: OnCallNodeKind;
  label: string;
  description?: string;
  tooltip?: string;
  /** A codicon id. */
  icon?: string;
  children?: OnCallNode[];
  expanded?: boolean;
  /** For a contact: the text copied, and whether it opens (tel:, mailto:, https:). */
  contact?: { name: string; value: string; openable: boolean };
  /** For a link: its name in the playbook. */
  link?: string;
  /** For a drill: its scenario id. */
  drill?: string;
}

function contactNodes(key: string, name: string, team: Team): OnCallNode[] {
  return personContacts(team.people[name]).map((c) => ({
    key: `${key}/${c.label}`,
    kind: 'contact' as const,
    label: c.value,
    description: c.label,
    icon: c.label === 'phone' ? 'call-outgoing' : c.label === 'email' ? 'mail' : c.label === 'url' ? 'link' : 'mention',
    contact: { name, value: c.value, openable: contactKind(c.value) !== 'text' },
  }));
}

function personNode(key: string, role: string, name: string, team: Team, icon: string): OnCallNode {
  const children = contactNodes(key, name, team);
  const phone = team.people[name]?.phone;
  // The number first: the view cuts a description from its end, and the number is what is dialled
  // (the role is also in the tooltip).
  return { key, kind: 'person', label: name, description: phone ? `${phone} · ${role}` : role, icon, tooltip: phone ? l10n.t('{0}: {1}, {2}', role, name, phone) : l10n.t('{0}: {1}', role, name), ...(children.length ? { children, expanded: false } : {}) };
}

/** "On call since … (an override); from …: next primary, backup …." */
function handoverTooltip(since: string, override: boolean, until: string, primary: string, backup: string | null | undefined): string {
  if (override) return backup ? l10n.t('On call since {0} (an override); from {1}: {2}, backup {3}.', since, until, primary, backup) : l10n.t('On call since {0} (an override); from {1}: {2}.', since, until, primary);
  return backup ? l10n.t('On call since {0}; from {1}: {2}, backup {3}.', since, until, primary, backup) : l10n.t('On call since {0}; from {1}: {2}.', since, until, primary);
}

/** The view's top-level nodes at `now`; empty when the playbook has none of the on-call sections. */
export function buildOnCallTree(team: Team, now: Date): OnCallNode[] {
  const out: OnCallNode[] = [];
  const rotation = team.rotation;
  if (rotation) {
    try {
      const shift = onCallAt(rotation, now);
      const next = nextOnCall(rotation, now);
      out.push(personNode('now/primary', l10n.t('primary'), shift.primary, team, 'person'));
      if (shift.backup) out.push(personNode('now/backup', l10n.t('backup'), shift.backup, team, 'person-add'));
      out.push({
        key: 'now/handover',
        kind: 'handover',
        label: l10n.t('Next handover {0}', formatHandover(shift.until, rotation.timeZone)),
        description: `${next.primary}${next.backup ? ` / ${next.backup}` : ''}`,
        icon: 'history',
        tooltip: handoverTooltip(formatHandover(shift.since, rotation.timeZone), !!shift.override, formatHandover(shift.until, rotation.timeZone), next.primary, next.backup),
      });
    } catch (e) {
      if (!(e instanceof RotationError)) throw e;
      out.push({ key: 'now/before', kind: 'note', label: l10n.t('The rotation has not started'), description: rotation.start, icon: 'info', tooltip: e.message });
    }
  }
  if (team.escalation.length) {
    out.push({
      key: 'escalation',
      kind: 'section',
      label: l10n.t('Escalation'),
      icon: 'megaphone',
      expanded: true,
      children: team.escalation.map((e, i) => ({
        key: `escalation/${i}`,
        kind: 'contact' as const,
        label: e.name,
        description: e.contact,
        icon: contactKind(e.contact) === 'phone' ? 'call-outgoing' : contactKind(e.contact) === 'email' ? 'mail' : contactKind(e.contact) === 'url' ? 'link-external' : 'comment',
        tooltip: `${i + 1}. ${e.name}: ${e.contact}`,
        contact: { name: e.name, value: e.contact, openable: contactKind(e.contact) !== 'text' },
      })),
    });
  }
  const roles = Object.entries(team.roles);
  if (roles.length) {
    out.push({
      key: 'roles',
      kind: 'section',
      label: l10n.t('Roles'),
      icon: 'organization',
      expanded: false,
      children: roles.map(([role, h]) => ({ key: `roles/${role}`, kind: 'role' as const, label: role, description: [h.primary, h.backup && l10n.t('backup {0}', h.backup)].filter(Boolean).join(' · '), icon: 'person' })),
    });
  }
  const people = Object.keys(team.people);
  if (people.length) {
    out.push({ key: 'people', kind: 'section', label: l10n.t('People'), icon: 'account', expanded: false, children: people.map((name) => personNode(`people/${name}`, l10n.t('contact'), name, team, 'account')) });
  }
  if (team.links.length) {
    out.push({
      key: 'links',
      kind: 'section',
      label: l10n.t('Links'),
      icon: 'link',
      expanded: true,
      children: team.links.map((l) => ({ key: `links/${l.name}`, kind: 'link' as const, label: l.name, description: l.target, tooltip: l.target, icon: /^https?:/i.test(l.target) ? 'link-external' : 'file', link: l.name })),
    });
  }
  if (team.drills.length) {
    out.push({
      key: 'drills',
      kind: 'section',
      label: l10n.t('Drills'),
      icon: 'beaker',
      expanded: false,
      children: team.drills.map((d) => ({ key: `drills/${d.id}`, kind: 'drill' as const, label: d.title, description: d.severity, tooltip: d.description ?? (d.runbook ? l10n.t('{0} ({1}), runbook {2}', d.title, d.severity, d.runbook) : `${d.title} (${d.severity})`), icon: 'beaker', drill: d.id })),
    });
  }
  return out;
}

/** When the view must be rebuilt without any change to the playbook: the next handover or override edge. */
export function nextChange(team: Team, now: Date): Date | undefined {
  if (!team.rotation) return undefined;
  try {
    return onCallAt(team.rotation, now).until;
  } catch (e) {
    if (!(e instanceof RotationError)) throw e;
    return rotationStart(team.rotation);
  }
}
