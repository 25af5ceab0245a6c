// What Declare Incident takes from the playbook's on-call sections: the "This is a drill" choice,
// a drill scenario's checklist, and the commander it proposes (the primary on call now) or asks for.
import * as vscode from 'vscode';
import type { Responder } from '../../core/response/author';
import type { LogIndex } from '../../core/model';
import { proposedCommander, teamOf } from '../../core/oncall/oncall';
import type { ChecklistPhase, Policy } from '../../core/playbook/policy';
import { responderSuggestions } from '../../core/response/responders';
import { WriteRefused } from '../../core/log/writer';
import { pickResponder } from '../responderPick';

/** The extra item of Declare's severity pick that turns the declaration into a drill. */
export const DRILL_ITEM: vscode.QuickPickItem = { label: vscode.l10n.t('$(beaker) This is a drill'), description: vscode.l10n.t('an exercise: written with Drill: yes and shown apart') };

/**
 * The checklist a drill scenario starts with: its own, or its runbook's steps; undefined (the
 * playbook's checklist) when it names neither.
 */
export function scenarioPhases(policy: Policy, scenarioId: string | undefined): ChecklistPhase[] | undefined {
  if (!scenarioId) return undefined;
  const scenario = teamOf(policy).drills.find((d) => d.id.toLowerCase() === scenarioId.toLowerCase());
  if (!scenario) throw new WriteRefused(vscode.l10n.t('No drill "{0}" in the playbook.', scenarioId));
  if (scenario.phases) return scenario.phases;
  const book = scenario.runbook ? policy.runbooks?.find((b) => b.id === scenario.runbook) : undefined;
  return book ? [{ name: book.title, items: book.steps.map((s) => ({ text: s.title })) }] : undefined;
}

/** Whether Declare asks for the commander: only when the title is typed and the playbook proposes one (on call, or a commander role). */
export function asksForCommander(policy: Policy, at: Date, interactive: boolean): boolean {
  return interactive && proposedCommander(teamOf(policy), at) !== undefined;
}

/**
 * The commander of a new incident. Without a rotation or roles in the playbook: the git user
 * (the playbook's name for them), as before. With them, asked (`ask`, see asksForCommander) from
 * the people Assign Role suggests too, the primary on call first, or any name typed; else taken
 * as proposed. Undefined when the pick is dismissed.
 */
export async function chooseCommander(policy: Policy, at: Date, you: Responder | null, ask: boolean, title: string, index: LogIndex | null): Promise<string | null | undefined> {
  if (!ask) return proposedCommander(teamOf(policy), at) ?? you?.name ?? null;
  const suggestions = responderSuggestions(policy, { role: 'commander', at, you, index });
  return pickResponder(suggestions, { title, placeHolder: vscode.l10n.t('Incident Commander: pick, or type a name') });
}
