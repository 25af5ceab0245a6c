// The git user: the author of timeline entries and the default commander of new incidents, as
// `git config user.name` and `user.email` say in a folder, known by the playbook's `people:`
// handle when they are one of its people (see author.ts). One reader for the CLI and the extension.
import { type GitIdentity, type Responder, authorHandle, responderOf } from './author';
import { teamOf } from '../oncall/oncall';
import type { Policy } from '../playbook/policy';

/** `git config user.name` and `user.email` in `cwd`; null when there is no folder, no git, or neither setting. */
export async function gitIdentity(cwd: string | undefined): Promise<GitIdentity | null> {
  if (!cwd) return null;
  try {
    const { gitCommand } = await import('../git/gitCommand');
    const git = gitCommand(cwd, 3000);
    const get = async (key: string) => (await git.raw(['config', '--get', key]).catch(() => '')).trim() || null;
    const [name, email] = await Promise.all([get('user.name'), get('user.email')]);
    return name || email ? { name, email } : null;
  } catch {
    return null;
  }
}

/** `git config user.name` (else `user.email`) in `cwd`; null when there is no folder, no git, or no such setting. */
export async function gitUserName(cwd: string | undefined): Promise<string | null> {
  const identity = await gitIdentity(cwd);
  return identity ? identity.name || identity.email : null;
}

/**
 * Who an entry written in `cwd` is by: the playbook's handle for the git user (`dana` for
 * `Dana Reyes` listed with `handle: "@dana"`), else the git name as written; null without one.
 */
export async function gitAuthor(cwd: string | undefined, policy: Policy): Promise<string | null> {
  return authorHandle(await gitIdentity(cwd), teamOf(policy).people);
}

/** The git user as a responder: the playbook's name for them (for a role) and their handle. */
export async function gitResponder(cwd: string | undefined, policy: Policy): Promise<Responder | null> {
  return responderOf(await gitIdentity(cwd), teamOf(policy).people);
}
