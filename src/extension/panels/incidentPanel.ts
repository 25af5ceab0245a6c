// What the panels of one incident share: the incident as the log reads now (or the page's
// `missing` message) and the time zone its times are shown in.
import { readSetting } from '../settings';
import { findIncident } from '../../core/indexer';
import type { Incident } from '../../core/model';
import type { Policy } from '../../core/playbook/policy';
import { resolveDisplayZone } from '../../core/format/time';
import type { LogSnapshot, LogStore } from '../logStore';
import type { MissingIncidentMessage } from '../../shared/protocol';

/** The log and the incident `id` in it, or the page's `missing` message saying why not. */
export async function readIncident(store: LogStore, id: string): Promise<MissingIncidentMessage | { type: 'found'; log: LogSnapshot; incident: Incident }> {
  const state = await store.read();
  if (state.kind !== 'ok') return { type: 'missing', incident: id, message: 'The incident log cannot be read.' };
  const incident = findIncident(state.index, id);
  if (!incident) return { type: 'missing', incident: id, message: `${id} is not in the log any more.` };
  return { type: 'found', log: state, incident };
}

/** The zone a panel shows times in: the user's setting, else the playbook's. */
export function displayZone(policy: Policy): string {
  return resolveDisplayZone(readSetting('displayTimeZone'), policy.timeZone);
}
