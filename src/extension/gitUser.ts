// The git user of the workspace: the default owner of timeline entries and commander of new
// incidents, as `git config user.name` says (null when git or the setting is missing).
import { execFile } from 'node:child_process';

export function gitUser(cwd: string | undefined): Promise<string | null> {
  if (!cwd) return Promise.resolve(null);
  return new Promise((resolve) => {
    execFile('git', ['config', '--get', 'user.name'], { cwd, timeout: 3000 }, (err, stdout) => resolve(err ? null : stdout.trim() || null));
  });
}
