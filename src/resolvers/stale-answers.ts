/** A field answered from the provider's last good response: `extensions.stale` lists them. */
export interface StaleAnswer {
  path: ReadonlyArray<string | number>;
  provider: string;
  ageSeconds: number;
}

const answers = new WeakMap<object, StaleAnswer[]>();

export function noteStale(ctx: object, answer: StaleAnswer): void {
  const list = answers.get(ctx);
  if (list) list.push(answer);
  else answers.set(ctx, [answer]);
}

export function staleAnswersOf(ctx: object): StaleAnswer[] {
  return answers.get(ctx) ?? [];
}
