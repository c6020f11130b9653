import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { Circuit } from '../../src/providers/circuit.js';

class Outage extends Error {}
class Refusal extends Error {}

function circuit(failures = 3, halfOpenAfterMs = 10_000) {
  const changes: string[] = [];
  const breaker = new Circuit({ failures, halfOpenAfterMs, isOutage: (error) => error instanceof Outage, onChange: (state) => changes.push(state) });
  const refused = () => new Error('refused');
  const succeed = () => breaker.execute(() => Promise.resolve('ok'), refused);
  const fail = (error: Error = new Outage('down')) => breaker.execute(() => Promise.reject(error), refused).catch((e: unknown) => e);
  return { breaker, changes, succeed, fail };
}

describe('a circuit', () => {
  it('opens after the set number of outages in a row, then refuses without calling', async () => {
    const { breaker, changes, fail } = circuit(3);
    await fail();
    await fail();
    expect(breaker.state).toBe('closed');
    expect(await fail()).toBeInstanceOf(Outage);
    expect(breaker.state).toBe('open');
    expect(changes).toEqual(['open']);
    let called = false;
    const refusal = await breaker
      .execute(
        () => ((called = true), Promise.resolve('ok')),
        () => new Error('refused'),
      )
      .catch((e: unknown) => e);
    expect(refusal).toMatchObject({ message: 'refused' });
    expect(called).toBe(false);
    expect(breaker.lastFailure).toBeInstanceOf(Outage);
  });

  it('counts only consecutive outages: a success in between starts the count again', async () => {
    const { breaker, fail, succeed } = circuit(3);
    await fail();
    await fail();
    expect(await succeed()).toBe('ok');
    await fail();
    await fail();
    expect(breaker.state).toBe('closed');
    await fail();
    expect(breaker.state).toBe('open');
  });

  it("neither counts nor forgets a failure that is the caller's fault", async () => {
    const { breaker, fail } = circuit(2);
    await fail();
    expect(await fail(new Refusal('bad request'))).toBeInstanceOf(Refusal);
    expect(breaker.state).toBe('closed');
    await fail();
    expect(breaker.state).toBe('open');
  });

  it('a success that arrives after outages of calls sent later still starts the count again', async () => {
    const { breaker, fail } = circuit(2);
    let answer!: (value: string) => void;
    const slow = breaker.execute(
      () => new Promise<string>((resolve) => (answer = resolve)),
      () => new Error('refused'),
    );
    await fail();
    answer('late');
    expect(await slow).toBe('late');
    await fail();
    expect(breaker.state).toBe('closed');
  });

  it('turns a call that throws before it returns a promise into a rejection, and counts it when it is an outage', async () => {
    const { breaker } = circuit(1);
    const thrown = breaker.execute(
      () => {
        throw new Outage('no socket');
      },
      () => new Error('refused'),
    );
    await expect(thrown).rejects.toBeInstanceOf(Outage);
    expect(breaker.state).toBe('open');
  });

  it('lets one probe through after its wait, and closes when the probe succeeds', async () => {
    const { breaker, changes, fail, succeed } = circuit(1, 50);
    await fail();
    expect(breaker.state).toBe('open');
    await sleep(80);
    expect(breaker.state).toBe('half_open');
    expect(await succeed()).toBe('ok');
    expect(breaker.state).toBe('closed');
    expect(changes).toEqual(['open', 'half_open', 'closed']);
    await fail();
    expect(breaker.state).toBe('open');
  });
});
