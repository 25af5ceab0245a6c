// What Declare Incident takes from the playbook's on-call sections: the "This is a drill" choice,
// a drill scenario's checklist, and the commander it proposes (the primary on call now).
import * as vscode from 'vscode';
import { onCallAt, proposedCommander, teamOf } from '../../core/oncall';
import type { ChecklistPhase, Policy } from '../../core/policy';
import { WriteRefused } from '../../core/writer';

/** The extra item of Declare's severity pick that turns the declaration into a drill. */
export const DRILL_ITEM: vscode.QuickPickItem = { label: '$(beaker) This is a drill', description: 'an exercise: written with Drill: yes and shown apart' };

/**
 * The checklist a drill scenario starts with: its own, or its runbook's steps; undefined (the
 * playbook's checklist) when it names neither.
 */
export function scenarioPhases(policy: Policy, scenarioId: string | undefined): ChecklistPhase[] | undefined {
  if (!scenarioId) return undefined;
  const scenario = teamOf(policy).drills.find((d) => d.id.toLowerCase() === scenarioId.toLowerCase());
  if (!scenario) throw new WriteRefused(`No drill "${scenarioId}" in the playbook.`);
  if (scenario.phases) return scenario.phases;
  const book = scenario.runbook ? policy.runbooks?.find((b) => b.id === scenario.runbook) : undefined;
  return book ? [{ name: book.title, items: book.steps.map((s) => ({ text: s.title })) }] : undefined;
}

/**
 * The commander of a new incident. Without a rotation or roles in the playbook: the git user, as
 * before. With them, asked (`interactive`) with the primary on call first, or taken as proposed.
 * Undefined when the pick is dismissed.
 */
export async function chooseCommander(policy: Policy, at: Date, owner: string | null, interactive: boolean, title: string): Promise<string | null | undefined> {
  const team = teamOf(policy);
  const proposed = proposedCommander(team, at);
  if (!proposed) return owner;
  if (!interactive) return proposed;
  const items: Array<vscode.QuickPickItem & { name: string }> = [{ label: proposed, description: team.rotation ? 'primary on call now' : 'commander role', name: proposed }];
  if (team.rotation) {
    try {
      const backup = onCallAt(team.rotation, at).backup;
      if (backup && backup !== proposed) items.push({ label: backup, description: 'backup on call now', name: backup });
    } catch {
      // before the rotation starts: the proposal came from the roles
    }
  }
  if (owner && !items.some((i) => i.name === owner)) items.push({ label: owner, description: 'you', name: owner });
  const pick = await vscode.window.showQuickPick(items, { title, placeHolder: 'Incident Commander' });
  return pick?.name;
}
