// The git user of the workspace: the author of timeline entries and the default commander of
// new incidents, known by the playbook's `people:` handle when they are one of its people (the
// core's rule, as the CLI applies it). The playbook is the one the log store reads for the folder.
import * as vscode from 'vscode';
import type { Responder } from '../core/response/author';
import { gitAuthor, gitResponder } from '../core/response/gitUser';
import { type Policy, defaultPolicy } from '../core/playbook/policy';

type PolicySource = (folder: vscode.WorkspaceFolder) => Promise<Policy>;

let policySource: PolicySource | undefined;

/** Where gitUser finds the playbook of a folder (the log store); set once at activation. */
export function useAuthorPolicy(source: PolicySource): vscode.Disposable {
  policySource = source;
  return new vscode.Disposable(() => {
    if (policySource === source) policySource = undefined;
  });
}

async function policyFor(cwd: string): Promise<Policy> {
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(cwd));
  if (!folder || !policySource) return defaultPolicy();
  try {
    return await policySource(folder);
  } catch {
    return defaultPolicy();
  }
}

/**
 * Who an entry written in the folder `cwd` is by: the playbook's handle for the git user, else
 * the git name as written; null without a git user. `policy`, when the caller has it, saves
 * looking it up.
 */
export async function gitUser(cwd: string | undefined, policy?: Policy): Promise<string | null> {
  if (!cwd) return null;
  return gitAuthor(cwd, policy ?? (await policyFor(cwd)));
}

/** The git user as a responder: the playbook's name for them (for a role field) and their handle. */
export async function gitResponderIn(cwd: string | undefined, policy?: Policy): Promise<Responder | null> {
  if (!cwd) return null;
  return gitResponder(cwd, policy ?? (await policyFor(cwd)));
}
