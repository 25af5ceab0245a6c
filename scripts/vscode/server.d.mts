// Types of server.mjs for the TypeScript test suites.
export interface ServerOptions {
  workspace: string;
  label?: string;
  installExtension?: boolean;
  smokeTestDriver?: boolean;
  port?: number;
  settings?: Record<string, unknown>;
  env?: Record<string, string>;
  /** Install this packaged extension (as a user would) instead of linking the working tree. */
  vsix?: string;
  /** A HOME of the run's own, so terminals skip the machine's shell start-up files (default true). */
  ownHome?: boolean;
}
export interface RunningServer {
  port: number;
  baseUrl: string;
  runDir: string;
  logFile: string;
  pgid: number;
  dirs: Record<'userData' | 'extensions' | 'config' | 'data' | 'cache' | 'state' | 'tmp', string> & { home?: string };
  chromium: string;
  /** A folder, or a .code-workspace file (opened as a multi-root workspace). */
  url(folder?: string, payload?: Array<[string, string]>): string;
  remoteUri(absPath: string): string;
  saveLog(dest: string): string;
  stop(options?: { keepRunDir?: boolean }): Promise<void>;
}
export function startServer(options: ServerOptions): Promise<RunningServer>;
export function freshWorkspace(fixtureDir: string, name?: string): { path: string; remove(): void };
export function freePort(): Promise<number>;
export function linkExtension(extensionsDir: string): string;
