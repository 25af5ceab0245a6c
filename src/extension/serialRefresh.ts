// A refresh that runs one at a time and never misses a change: a request made while a run is in
// progress gets one more run after it (the running one may have read the state before the change),
// and the requests made meanwhile share that one run.

export class SerialRefresh {
  private running: Promise<void> | undefined;
  private again: Promise<void> | undefined;

  constructor(private readonly task: () => Promise<void>) {}

  request(): Promise<void> {
    if (this.running) {
      this.again ??= this.running
        .catch(() => undefined)
        .then(() => {
          this.again = undefined;
          return this.request();
        });
      return this.again;
    }
    this.running = this.task().finally(() => (this.running = undefined));
    return this.running;
  }
}
