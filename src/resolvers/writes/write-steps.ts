import { GatewayError } from '../../errors/gateway-error.js';
import type { ProviderId } from '../../providers/upstream-error.js';
import { applyWrite, type VerifiedWrite, type WritePolicy, type WriteResult } from './verified-write.js';
import { PROVIDER_NAME } from '../../domain/provider-name.js';
import { describeError } from '../../errors/describe-error.js';
import { failureCode, outcomeUnknown, partiallyApplied, providerDetails, type Remains } from './write-outcome-errors.js';

/** One provider call of a write that spans several. */
export interface WriteStep {
  provider: ProviderId;
  /** What the step does, e.g. "create zone a.example", and the same in the past tense for `applied`. */
  does: string;
  done: string;
  write: VerifiedWrite<unknown>;
  /** Undoes the step when a later step fails; only ever sent for a step verified to have happened. */
  undo?: { does: string; done: string; write: VerifiedWrite<unknown> };
  /** Left over when this step happened and stays, after a later step failed. */
  ifStays?: Remains;
  /** Left over when this step never happened, after an earlier step stayed. */
  ifSkipped?: Remains;
}

export interface CompoundWrite {
  /** e.g. `createZone a.example on NS1 and BuddyNS` */
  operation: string;
  steps: WriteStep[];
  /** A query that shows the state, for when an outcome could not be read back. */
  check: string;
}

function refusal(step: WriteStep, result: WriteResult<unknown>): string {
  const why = result.state === 'different' ? result.detail : describeError('error' in result ? result.error : undefined);
  return `${PROVIDER_NAME[step.provider]} did not ${step.does} (${why})`;
}

/**
 * Runs the steps in order, each verified before the next. When one fails, the steps already done are
 * undone in reverse, each undo verified too; whatever stays is reported, never hidden. An outcome that
 * cannot be read back stops everything: undoing around an unknown could make things worse.
 */
export async function runSteps(compound: CompoundWrite, policy: WritePolicy): Promise<unknown[]> {
  const { operation, steps, check } = compound;
  const done: WriteStep[] = [];
  const values: unknown[] = [];
  const applied = () => done.map((s) => ({ provider: s.provider, text: s.done }));
  for (const [index, step] of steps.entries()) {
    const result = await applyWrite(step.write, policy);
    if (result.state === 'applied') {
      done.push(step);
      values.push(result.value);
      continue;
    }
    if (result.state === 'unknown')
      throw outcomeUnknown(operation, { provider: step.provider, text: step.does }, result.error, result.readError, applied(), check);
    if (done.length === 0) {
      if (result.state === 'failed') throw result.error;
      throw new GatewayError('CONFLICT', `${operation}: ${refusal(step, result)}`, { provider: step.provider });
    }

    const story = [`${done.map((s) => `${PROVIDER_NAME[s.provider]} ${s.done}`).join(', ')}`, refusal(step, result)];
    // Someone else's change is in the way: undoing ours around it could destroy theirs.
    if (result.state === 'different') {
      throw new GatewayError('CONFLICT', `${operation}: ${story.join('; ')}; nothing was undone. Check with: ${check}`, {
        provider: step.provider,
        remedy: check,
      });
    }
    const stays: WriteStep[] = [];
    const undone: string[] = [];
    for (const earlier of [...done].reverse()) {
      if (!earlier.undo) {
        stays.push(earlier);
        continue;
      }
      const undo = await applyWrite(earlier.undo.write, policy);
      if (undo.state === 'applied') {
        undone.push(`${PROVIDER_NAME[earlier.provider]} ${earlier.undo.done}`);
        continue;
      }
      if (undo.state === 'unknown') {
        throw outcomeUnknown(operation, { provider: earlier.provider, text: earlier.undo.does }, undo.error, undo.readError, applied(), check);
      }
      story.push(`${PROVIDER_NAME[earlier.provider]} did not ${earlier.undo.does} (${undo.state === 'different' ? undo.detail : describeError(undo.error)})`);
      stays.push(earlier);
    }
    if (stays.length === 0) {
      throw new GatewayError(failureCode(result.error), `${story.slice(1).join('; ')}; ${undone.join('; ')}: nothing was changed`, {
        provider: step.provider,
        ...providerDetails(result.error),
      });
    }
    const remains = [...stays.flatMap((s) => (s.ifStays ? [s.ifStays] : [])), ...steps.slice(index).flatMap((s) => (s.ifSkipped ? [s.ifSkipped] : []))];
    throw partiallyApplied(
      operation,
      [...story, ...undone].join('; '),
      stays.reverse().map((s) => ({ provider: s.provider, text: s.done })),
      remains,
      'error' in result ? result.error : undefined,
    );
  }
  return values;
}
