// "Incident: Normalize Timeline": one incident's entries back in time order (after a union
// merge), as one edit of the document (one Undo reverts it). See core/git/timelineOrder.ts.
import * as vscode from 'vscode';
import { type TimelineOrder, normalizeTimeline } from '../../core/git/timelineOrder';
import type { IncidentArgs } from '../commandIds';
import { applyIncidentEdit } from '../logEdit';
import type { LogStore } from '../logStore';
import { logContext } from '../logContext';
import { incidentFor } from './context';

/** What the command did: how many entries moved, and whether the log was saved (false when it had unsaved edits of the user's, or VS Code could not save it). */
export interface NormalizeResult extends TimelineOrder {
  saved: boolean;
}

/** Sorts the timeline; undefined when no incident was chosen. */
export async function normalizeTimelineCommand(store: LogStore, args: Partial<IncidentArgs>): Promise<NormalizeResult | undefined> {
  const ctx = await logContext(store);
  const incident = await incidentFor(store, ctx, args.incident, vscode.l10n.t('Normalize Timeline'));
  if (!incident) return undefined;
  let result: TimelineOrder = { splices: [], moved: 0, entries: incident.timeline.length };
  const written = await applyIncidentEdit(store, ctx.doc, ctx.policy, incident, (index, id) => {
    result = normalizeTimeline(index, id);
    return result.splices;
  });
  store.invalidate(0);
  void vscode.window.setStatusBarMessage(
    result.moved ? vscode.l10n.t('$(check) {0}: {1} of {2} timeline entries moved into time order', incident.id, result.moved, result.entries) : vscode.l10n.t('$(check) {0}: the timeline is already in time order', incident.id),
    5000,
  );
  return { ...result, saved: written.saved };
}
