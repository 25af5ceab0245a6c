// The git user: the default owner of timeline entries and commander of new incidents, as
// `git config user.name` (else user.email) says in a folder. One reader for the CLI and the extension.
// simple-git is loaded on first use, so commands that never need the user never load it.

/** `git config user.name` (else `user.email`) in `cwd`; null when there is no folder, no git, or no such setting. */
export async function gitUserName(cwd: string | undefined): Promise<string | null> {
  if (!cwd) return null;
  try {
    const { simpleGit } = await import('simple-git');
    const git = simpleGit({ baseDir: cwd, timeout: { block: 3000 } });
    // The name, else the email: a responder with only user.email set is still named.
    const value = (await git.raw(['config', '--get', 'user.name']).catch(() => '')).trim() || (await git.raw(['config', '--get', 'user.email']).catch(() => '')).trim();
    return value || null;
  } catch {
    return null;
  }
}
