// The git user of the workspace: the default owner of timeline entries and commander of new
// incidents. The core reads it, as the CLI does.
import { gitUserName } from '../core/gitUser';

export function gitUser(cwd: string | undefined): Promise<string | null> {
  return gitUserName(cwd);
}
