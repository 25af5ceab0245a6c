// How a command fails: one clear sentence for the user (a WriteRefused message as it stands),
// the details in the output channel; never an unhandled rejection or a stack trace in a toast.
import * as vscode from 'vscode';
import { WriteRefused } from '../core/log/writer';

export function report(output: vscode.OutputChannel, what: string, e: unknown): void {
  const message = e instanceof Error ? e.message : String(e);
  if (!(e instanceof WriteRefused)) output.appendLine(`${what} failed: ${e instanceof Error && e.stack ? e.stack : message}`);
  void vscode.window.showErrorMessage(e instanceof WriteRefused ? message : vscode.l10n.t('Incident Playbook: {0} failed: {1}', what, message));
}

/** Wraps a command so that a failure is reported (see above) and the command returns undefined. */
export function guarded(output: vscode.OutputChannel) {
  return <A extends unknown[], R>(what: string, fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R | undefined> => {
      try {
        return await fn(...args);
      } catch (e) {
        report(output, what, e);
        return undefined;
      }
    };
}
