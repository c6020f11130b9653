/**
 * The sandbox's sense of time. It runs with the wall clock plus an offset, so a dashboard on the
 * embedded sandbox sees numbers move; tests freeze it and advance it explicitly.
 */
export class SandboxClock {
  private offsetMs = 0;
  private frozenAt: number | undefined;

  now(): number {
    return this.frozenAt ?? Date.now() + this.offsetMs;
  }

  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  advance(ms: number): void {
    if (this.frozenAt !== undefined) this.frozenAt += ms;
    else this.offsetMs += ms;
  }

  freeze(at: number = this.now()): void {
    this.frozenAt = at;
  }

  unfreeze(): void {
    if (this.frozenAt !== undefined) this.offsetMs = this.frozenAt - Date.now();
    this.frozenAt = undefined;
  }

  reset(): void {
    this.offsetMs = 0;
    this.frozenAt = undefined;
  }

  describe(): { now: number; nowIso: string; frozen: boolean } {
    return { now: this.now(), nowIso: new Date(this.now()).toISOString(), frozen: this.frozenAt !== undefined };
  }
}
