// Who could take a role: the names Declare Incident and Assign Role suggest (either still takes a
// name typed in). From the playbook (who is on call now, the role's holders, its people), the git
// user, and the people the log already names (role holders and entry authors, newest first).
import type { Responder } from './author';
import type { LogIndex } from '../model';
import { onCallAt, teamOf } from '../oncall/oncall';
import type { Role } from './operations';
import type { Policy } from '../playbook/policy';

export interface ResponderSuggestion {
  name: string;
  /** Why it is suggested: `primary on call now`, `you`, `@priya`, `Technical Lead of INC-…`. */
  description: string;
}

export interface SuggestionOptions {
  role: Role;
  /** When the role is taken (for who is on call). */
  at: Date;
  /** The git user as the playbook knows them (see gitResponder). */
  you: Responder | null;
  /** The log as it is, for the names it holds; null when there is none yet. */
  index: LogIndex | null;
  /** Who holds the role now: not suggested again. */
  current?: string | null;
}

/** The playbook's `roles:` key of a role (`commander`, `techLead`/`tech-lead`/`technical lead`, …). */
const ROLE_KEYS: Record<Role, readonly string[]> = {
  commander: ['commander', 'incidentcommander', 'ic'],
  techLead: ['techlead', 'technicallead', 'tech'],
  commsLead: ['commslead', 'communicationslead', 'comms', 'communications'],
};
const ROLE_WORDS: Record<Role, string> = { commander: 'commander', techLead: 'technical lead', commsLead: 'communications lead' };
const ROLE_LABELS: Record<Role, string> = { commander: 'Incident Commander', techLead: 'Technical Lead', commsLead: 'Communications Lead' };
/** How many names from the log are suggested at most. */
const FROM_LOG = 20;

const key = (name: string) => name.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

/** The names to offer for a role, best first, each once (its reasons joined). */
export function responderSuggestions(policy: Policy, opts: SuggestionOptions): ResponderSuggestion[] {
  const team = teamOf(policy);
  const out: ResponderSuggestion[] = [];
  const seen = new Map<string, ResponderSuggestion>();
  const skip = opts.current ? key(opts.current) : '';
  const add = (name: string | undefined | null, description: string, merge = true) => {
    const n = name?.trim();
    if (!n || key(n) === skip) return;
    const had = seen.get(key(n));
    if (had) {
      if (merge && !had.description.split(' · ').includes(description)) had.description += ` · ${description}`;
      return;
    }
    const s = { name: n, description };
    seen.set(key(n), s);
    out.push(s);
  };

  const onCall = () => {
    if (!team.rotation) return;
    try {
      const now = onCallAt(team.rotation, opts.at);
      add(now.primary, 'primary on call now');
      add(now.backup, 'backup on call now');
    } catch {
      // before the rotation starts: nobody is on call by it
    }
  };
  const roleHolders = () => {
    const entry = Object.entries(team.roles).find(([k]) => ROLE_KEYS[opts.role].includes(k.toLowerCase().replace(/[^a-z]/g, '')));
    if (!entry) return;
    add(entry[1].primary, `${ROLE_WORDS[opts.role]} role`);
    add(entry[1].backup, `${ROLE_WORDS[opts.role]} role (backup)`);
  };
  // The commander is whoever is on call first (as Declare proposes); a lead is the role's own first.
  if (opts.role === 'commander') {
    onCall();
    roleHolders();
  } else {
    roleHolders();
    onCall();
  }
  if (opts.you) add(opts.you.name, 'you');

  // The playbook's people, and who their handles name (for the log's authors below).
  const byHandle = new Map<string, string>();
  for (const [name, person] of Object.entries(team.people)) {
    add(name, person.handle ? `on the team, ${person.handle.startsWith('@') ? person.handle : `@${person.handle}`}` : 'on the team');
    if (person.handle) byHandle.set(key(person.handle.replace(/^@+/, '')), name);
  }
  if (opts.you) byHandle.set(key(opts.you.handle), opts.you.name);

  // The log's role holders and authors, newest incident first.
  let fromLog = 0;
  const incidents = opts.index ? [...opts.index.incidents].sort((a, b) => (b.detected ?? '').localeCompare(a.detected ?? '')) : [];
  for (const incident of incidents) {
    if (fromLog >= FROM_LOG) break;
    for (const role of ['commander', 'techLead', 'commsLead'] as const) {
      const name = incident.roles[role];
      if (!name || /^(unassigned|none|tbd|n\/a|-)$/i.test(name.trim())) continue;
      if (!seen.has(key(name))) fromLog++;
      add(name, `${ROLE_LABELS[role]} of ${incident.id}`, false);
    }
    for (const entry of [...incident.timeline].reverse()) {
      if (!entry.owner || byHandle.has(key(entry.owner.replace(/^@+/, '')))) continue;
      if (!seen.has(key(entry.owner))) fromLog++;
      add(entry.owner.replace(/^@+/, ''), 'in the log', false);
    }
  }
  return out;
}
