// The page's side of the messaging: VS Code's webview API, typed with the shared protocol.
// acquireVsCodeApi may be called once per page, so every app goes through this module.

interface VsCodeApi<State> {
  postMessage(message: unknown): void;
  getState(): State | undefined;
  setState(state: State): void;
}

declare function acquireVsCodeApi<State>(): VsCodeApi<State>;

/** The messaging of one panel app: `In` what the host sends, `Out` what the page may send. */
export interface PanelChannel<In, Out, State> {
  post(message: Out): void;
  onMessage(handler: (message: In) => void): void;
  getState(): State | undefined;
  setState(state: State): void;
}

let api: VsCodeApi<unknown> | undefined;

export function panelChannel<In, Out, State>(): PanelChannel<In, Out, State> {
  api ??= acquireVsCodeApi<unknown>();
  const vscode = api as VsCodeApi<State>;
  return {
    post: (message) => vscode.postMessage(message),
    onMessage: (handler) =>
      window.addEventListener('message', (e: MessageEvent) => {
        // Only the host posts into the page; it sends objects with a string `type`.
        const data: unknown = e.data;
        if (data && typeof data === 'object' && typeof (data as { type?: unknown }).type === 'string') handler(data as In);
      }),
    getState: () => vscode.getState(),
    setState: (state) => vscode.setState(state),
  };
}
