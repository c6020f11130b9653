import { createHash } from 'node:crypto';

/** NS1-looking ids (24 hex digits), deterministic from a counter so a reset sandbox repeats itself. */
export class IdGenerator {
  private counter = 0;

  constructor(private readonly namespace: string) {}

  next(): string {
    this.counter += 1;
    return createHash('sha1').update(`${this.namespace}:${this.counter}`).digest('hex').slice(0, 24);
  }

  reset(): void {
    this.counter = 0;
  }
}

/** A stable number in [0, 1) for a name, to give each zone and record its own traffic shape. */
export function unitHash(text: string): number {
  return parseInt(createHash('sha1').update(text).digest('hex').slice(0, 8), 16) / 0x1_0000_0000;
}
