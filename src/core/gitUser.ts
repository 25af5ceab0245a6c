// The git user: the default owner of timeline entries and commander of new incidents, as
// `git config user.name` says in a folder. One reader for the CLI and the extension.
// simple-git is loaded on first use, so commands that never need the user never load it.

/** `git config user.name` in `cwd`; null when there is no folder, no git, or no such setting. */
export async function gitUserName(cwd: string | undefined): Promise<string | null> {
  if (!cwd) return null;
  try {
    const { simpleGit } = await import('simple-git');
    const value = (await simpleGit({ baseDir: cwd, timeout: { block: 3000 } }).raw(['config', '--get', 'user.name'])).trim();
    return value || null;
  } catch {
    return null;
  }
}
