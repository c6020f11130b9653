import { BrokenCircuitError, circuitBreaker, CircuitState, ConsecutiveBreaker, handleWhen, type CircuitBreakerPolicy, type IBreaker } from 'cockatiel';

export type CircuitStateName = 'closed' | 'open' | 'half_open';

export interface CircuitOptions {
  /** Consecutive failures that open the circuit. */
  failures: number;
  /** How long an open circuit answers at once before it lets one probe through. */
  halfOpenAfterMs: number;
  /** Which errors say the provider is down (not the caller's fault, not a rate limit). */
  isOutage: (error: unknown) => boolean;
  onChange?(state: CircuitStateName, lastFailure: unknown): void;
}

/**
 * One provider endpoint's circuit breaker (cockatiel): after `failures` outages in a row it opens and every
 * call is refused at once; after `halfOpenAfterMs` one probe goes through, and its outcome closes or
 * reopens it. Calls that arrive while the probe is out are refused too, rather than waiting on it.
 */
export class Circuit {
  private readonly policy: CircuitBreakerPolicy;
  private readonly breaker: CountedBreaker;
  private openedAt = 0;

  constructor(private readonly options: CircuitOptions) {
    this.breaker = new CountedBreaker(new ConsecutiveBreaker(options.failures));
    this.policy = circuitBreaker(handleWhen(options.isOutage), { halfOpenAfter: options.halfOpenAfterMs, breaker: this.breaker });
    this.policy.onStateChange((state) => {
      if (state === CircuitState.Open) this.openedAt = Date.now();
      const failure = this.policy.lastFailure;
      options.onChange?.(nameOf(state), failure && 'error' in failure ? failure.error : undefined);
    });
  }

  /** The state a reader should see: an open circuit whose wait is over is ready to half-open. */
  get state(): CircuitStateName {
    const state = nameOf(this.policy.state);
    return state === 'open' && this.retryAfterMs === 0 ? 'half_open' : state;
  }

  /** How long the circuit stays open; 0 when a call would be let through. */
  get retryAfterMs(): number {
    if (this.policy.state !== CircuitState.Open) return 0;
    return Math.max(0, this.openedAt + this.options.halfOpenAfterMs - Date.now());
  }

  get lastFailure(): unknown {
    const failure = this.policy.lastFailure;
    return failure && 'error' in failure ? failure.error : undefined;
  }

  /** Runs `call` unless the circuit refuses it; `refused` builds the error a refused caller gets. */
  execute<T>(call: () => Promise<T>, refused: () => Error): Promise<T> {
    if (this.policy.state !== CircuitState.Closed) return this.guarded(call, refused);
    if (this.breaker.failures > 0) return this.policy.execute(call);
    // Closed with no failure counted: the policy learns of a call only when it fails, or succeeds after a failure.
    return settled(call).then(
      (value) => {
        if (this.breaker.failures > 0 && this.policy.state === CircuitState.Closed) this.breaker.success(CircuitState.Closed);
        return value;
      },
      (error: unknown) => (this.policy.state === CircuitState.Closed ? this.policy.execute(() => Promise.reject(error)) : Promise.reject(error)),
    );
  }

  private async guarded<T>(call: () => Promise<T>, refused: () => Error): Promise<T> {
    if (this.policy.state === CircuitState.HalfOpen) throw refused();
    try {
      return await this.policy.execute(call);
    } catch (error) {
      if (error instanceof BrokenCircuitError) throw refused();
      throw error;
    }
  }
}

/** The call's promise; a call that throws before it returns one is a rejected call, as inside the policy. */
function settled<T>(call: () => Promise<T>): Promise<T> {
  try {
    return call();
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/** A breaker that says how many failures it has counted since the last success. */
class CountedBreaker implements IBreaker {
  failures = 0;

  constructor(private readonly inner: IBreaker) {}

  success(state: CircuitState): void {
    this.failures = 0;
    this.inner.success(state);
  }

  failure(state: CircuitState): boolean {
    this.failures++;
    return this.inner.failure(state);
  }
}

function nameOf(state: CircuitState): CircuitStateName {
  if (state === CircuitState.Closed) return 'closed';
  if (state === CircuitState.HalfOpen) return 'half_open';
  return 'open';
}
