import type { Deadline } from './deadline.js';
import type { UpstreamRequest, UpstreamResponse } from './http.js';
import { UpstreamError, type ProviderId } from './upstream-error.js';

/** Sends a request upstream now, with the deadline it must keep. */
type SendNow = (request: UpstreamRequest, deadline: Deadline | undefined) => Promise<UpstreamResponse>;

interface Flight {
  response: Promise<UpstreamResponse>;
  /** The writes started before it: a flight sent before the latest write is not joined. */
  generation: number;
  /** The deadline of the caller it was sent for, which ends it. */
  deadline: AbortSignal | undefined;
  waiting: number;
  settled: boolean;
  /** Once every caller waiting for it has given up: cancels the upstream request, and the next caller starts a new flight. */
  abandon(): void;
}

/** Resources remembered between their flights; past it, those with none in the air are forgotten. */
const REMEMBERED_RESOURCES = 10_000;

/**
 * Identical GETs of one credential that are in flight at the same time go upstream once, and every caller gets
 * that answer: two hundred dashboards opened at once cost the upstream calls of one. The key is the
 * credential's fingerprint and the resource (path and query) on this client's endpoint, so credentials never
 * share a flight.
 *
 * A write (any other method, or a GET with side effects such as BuddyNS's SyncNOW) ends the sharing of every
 * flight on the endpoint when it starts and again when it is answered: a caller who asks after the write sees
 * a fresh answer, never one fetched before it. Writes are rare and one write can change what many resources
 * read (a record changes its zone, the zone list, search), so all flights of the endpoint are dropped, for
 * every credential, since two credentials may belong to one account.
 */
export class InFlightGets {
  /**
   * Each resource recently read, with its flight while one is in the air. A resource's entry stays when its
   * flight lands rather than being deleted: V8 rebuilds a Map's table once deleted entries fill it, and a
   * rebuilt table old enough to have left the young generation points to its successor until a full
   * collection. Deleting on every landing rebuilt it every few dashboards, and every answer in flight at each
   * rebuild then outlived young-generation collections into the old generation.
   */
  private readonly flights = new Map<string, Flight | undefined>();
  /** Writes started: every flight sent before one is no longer joined. */
  private generation = 0;

  constructor(
    private readonly client: { readonly provider: ProviderId },
    private readonly rememberedResources = REMEMBERED_RESOURCES,
  ) {}

  /**
   * The shared or tracked answer to a request, sent with `send` when no identical GET is in flight. A flight
   * observes the deadline of the caller it was sent for; every caller who joins it gives up at its own.
   */
  route(request: UpstreamRequest, deadline: Deadline | undefined, send: SendNow): Promise<UpstreamResponse> {
    if (request.method !== 'GET' || request.sideEffects) return this.write(request, deadline, send);
    return this.join(request, deadline, send);
  }

  private async write(request: UpstreamRequest, deadline: Deadline | undefined, send: SendNow): Promise<UpstreamResponse> {
    this.generation++;
    try {
      return await send(request, deadline);
    } finally {
      this.generation++;
    }
  }

  private join(request: UpstreamRequest, deadline: Deadline | undefined, send: SendNow): Promise<UpstreamResponse> {
    const key = resourceKey(request);
    let flight = this.flights.get(key);
    if (flight?.generation !== this.generation) {
      if (flight === undefined && this.flights.size >= this.rememberedResources) this.forgetIdle();
      // A first caller that cannot leave keeps the flight wanted until it lands: nothing could cancel it.
      const controller = request.signal ? new AbortController() : undefined;
      const created: Flight = {
        generation: this.generation,
        deadline: deadline?.signal,
        waiting: 0,
        settled: false,
        response: send(controller ? Object.assign({}, request, { signal: controller.signal }) : request, deadline),
        abandon: () => {
          if (this.flights.get(key) === created) this.flights.set(key, undefined);
          controller?.abort();
        },
      };
      flight = created;
      this.flights.set(key, created);
      const landed = () => this.land(key, created);
      void created.response.then(landed, landed);
    }
    // The flight itself ends at its own deadline: a caller whose deadline it is need not watch it twice.
    const own = deadline?.signal === flight.deadline ? undefined : deadline?.signal;
    return wait(flight, request.signal, own, () => this.gaveUp(deadline?.signal.aborted === true));
  }

  /** The caller left, or its deadline passed, before the flight landed. */
  private gaveUp(expired: boolean): UpstreamError {
    const { provider } = this.client;
    const message = expired ? `${provider} did not answer before the request deadline` : `request to ${provider} was cancelled`;
    return new UpstreamError({ provider, status: 0, code: 'UPSTREAM_TIMEOUT', message });
  }

  private land(key: string, flight: Flight): void {
    flight.settled = true;
    if (this.flights.get(key) === flight) this.flights.set(key, undefined);
  }

  /** Drops the resources with no flight in the air, once as many as it remembers have been read. */
  private forgetIdle(): void {
    for (const [key, flight] of this.flights) if (flight === undefined) this.flights.delete(key);
  }
}

/**
 * A resource as one credential reads it: credential, path and query, with the query's parameters in a fixed
 * order. Keys shared flights and the stale-if-error memory.
 */
export function resourceKey(request: Pick<UpstreamRequest, 'rateKey' | 'path' | 'query'>): string {
  if (!request.query) return `${request.rateKey}\u0000${request.path}?`;
  const query = Object.entries(request.query)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`)
    .join('&');
  return `${request.rateKey}\u0000${request.path}?${query}`;
}

/**
 * The flight's answer for one caller, who may stop waiting on its own signal or deadline without cancelling
 * it for the others.
 */
function wait(flight: Flight, signal: AbortSignal | undefined, deadline: AbortSignal | undefined, gaveUp: () => Error): Promise<UpstreamResponse> {
  if (!signal && !deadline) {
    // A caller that cannot leave keeps the flight wanted until it lands: it is never given back.
    flight.waiting++;
    return flight.response;
  }
  if (deadline?.aborted || signal?.aborted) return Promise.reject(gaveUp());
  flight.waiting++;
  return new Promise<UpstreamResponse>((resolve, reject) => {
    const stopListening = () => {
      signal?.removeEventListener('abort', leave);
      deadline?.removeEventListener('abort', leave);
    };
    function leave() {
      stopListening();
      flight.waiting--;
      if (flight.waiting === 0 && !flight.settled) flight.abandon();
      reject(gaveUp());
    }
    signal?.addEventListener('abort', leave, { once: true });
    deadline?.addEventListener('abort', leave, { once: true });
    flight.response.then(
      (response) => {
        stopListening();
        flight.waiting--;
        resolve(response);
      },
      (error: unknown) => {
        stopListening();
        flight.waiting--;
        reject(error);
      },
    );
  });
}
