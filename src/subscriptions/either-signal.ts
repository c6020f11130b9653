/**
 * A signal that aborts with the first of `signals`. Unlike `AbortSignal.any`, it lets go of them on
 * `dispose()`, so a gateway-lifetime signal does not collect one listener per subscription ever made.
 */
export function eitherSignal(...signals: AbortSignal[]): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const abort = () => controller.abort();
  const dispose = () => signals.forEach((s) => s.removeEventListener('abort', abort));
  if (signals.some((s) => s.aborted)) controller.abort();
  else signals.forEach((s) => s.addEventListener('abort', abort, { once: true }));
  controller.signal.addEventListener('abort', dispose, { once: true });
  return { signal: controller.signal, dispose };
}
