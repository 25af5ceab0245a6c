// git as a child process: `raw(args)` runs `git <args>` in a folder and resolves with its
// standard output, or rejects with its error output and exit code. Every git call of the tool is
// one of these (rev-parse, log, status, add, commit, config, fetch…), with fixed arguments and
// paths after `--`; nothing is given to a shell. A call that prints nothing for `idleMs` is
// killed (a fetch waiting on a credential prompt, a hung remote): it fails rather than hangs.
import { spawn } from 'node:child_process';

export interface GitCommand {
  raw(args: readonly string[]): Promise<string>;
}

/** git failed: its error output, then its standard output, then the exit code, as git said them. */
export class GitCommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: number | null,
  ) {
    super(message);
    this.name = 'GitCommandError';
  }
}

const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

export function gitCommand(cwd: string, idleMs = 60_000): GitCommand {
  return {
    raw: (args) =>
      new Promise<string>((resolve, reject) => {
        // No prompt can hold a call open: a credential a fetch asks for is a failure, not a wait.
        const child = spawn('git', [...args], { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' }, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        let size = 0;
        let failure: Error | undefined;
        let timer: NodeJS.Timeout | undefined;
        const idle = () => {
          clearTimeout(timer);
          timer = setTimeout(() => {
            failure = new GitCommandError(`git ${args[0] ?? ''} printed nothing for ${Math.round(idleMs / 1000)} s and was stopped.`, null);
            child.kill('SIGKILL');
          }, idleMs);
        };
        const keep = (into: Buffer[]) => (chunk: Buffer) => {
          idle();
          size += chunk.length;
          if (size > MAX_OUTPUT_BYTES) {
            failure = new GitCommandError(`git ${args[0] ?? ''} printed over ${MAX_OUTPUT_BYTES / 1024 / 1024} MB and was stopped.`, null);
            child.kill('SIGKILL');
            return;
          }
          into.push(chunk);
        };
        idle();
        child.stdout.on('data', keep(out));
        child.stderr.on('data', keep(err));
        child.once('error', (e) => {
          clearTimeout(timer);
          reject(e); // git is not installed, or the folder is gone
        });
        child.once('close', (code) => {
          clearTimeout(timer);
          if (failure) return reject(failure);
          const stdout = Buffer.concat(out).toString('utf8');
          if (code === 0) return resolve(stdout);
          reject(new GitCommandError(`${Buffer.concat(err).toString('utf8')}${stdout}(exit code ${code})`, code));
        });
      }),
  };
}
