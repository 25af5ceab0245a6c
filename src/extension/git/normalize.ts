// "Incident: Normalize Timeline": one incident's entries back in time order (after a union
// merge), as one edit of the document (one Undo reverts it). See core/git/timelineOrder.ts.
import * as vscode from 'vscode';
import { type TimelineOrder, normalizeTimeline } from '../../core/git/timelineOrder';
import type { IncidentArgs } from '../commandIds';
import { applyIncidentEdit } from '../logEdit';
import type { LogStore } from '../logStore';
import { logContext } from '../logContext';
import { incidentFor } from './context';

/** Sorts the timeline; returns how many entries moved (undefined when no incident was chosen). */
export async function normalizeTimelineCommand(store: LogStore, args: Partial<IncidentArgs>): Promise<TimelineOrder | undefined> {
  const ctx = await logContext(store);
  const incident = await incidentFor(store, ctx, args.incident, 'Normalize Timeline');
  if (!incident) return undefined;
  let result: TimelineOrder = { splices: [], moved: 0, entries: incident.timeline.length };
  await applyIncidentEdit(store, ctx.doc, ctx.policy, incident, (index, id) => {
    result = normalizeTimeline(index, id);
    return result.splices;
  });
  store.invalidate(0);
  void vscode.window.setStatusBarMessage(
    result.moved ? `$(check) ${incident.id}: ${result.moved} of ${result.entries} timeline entries moved into time order` : `$(check) ${incident.id}: the timeline is already in time order`,
    5000,
  );
  return result;
}
