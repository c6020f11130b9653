/**
 * Subscription fields whose every event is made from the poll event alone (`eachEvent`), so one run of a
 * subscription serves every subscriber of the same document, variables and grants, and a subscriber that
 * joins late gets the last event as if it had run its own. `monitorJobStatus` is not one: it reports the
 * changes since each subscriber's own previous event.
 */
export const SHAREABLE_SUBSCRIPTION_FIELDS: ReadonlySet<string> = new Set(['qps', 'zoneImport', 'zoneTransferStatus']);
