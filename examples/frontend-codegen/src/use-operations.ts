import type { ResultOf, VariablesOf } from '@graphql-typed-document-node/core';
import type { CreateRecordMutation, DashboardQuery, LiveQpsSubscription } from './operations';

/** What a component does with the results: every scalar arrives as the type the JSON carries. */
export function zoneRows(result: ResultOf<typeof DashboardQuery>): Array<{ key: string; label: string; providers: string; qps?: number | null }> {
  return result.zones.map((zone) => ({ key: zone.id, label: zone.name, providers: zone.providers.join(' + '), qps: 'qps' in zone ? zone.qps : undefined }));
}

export const newRecord: VariablesOf<typeof CreateRecordMutation> = {
  input: { zone: 'example.com', domain: 'www.example.com', type: 'A', ttl: 300, answers: [{ rdata: ['192.0.2.10'] }], meta: { note: 'from the dashboard' } },
};

export function recordLabel(result: ResultOf<typeof CreateRecordMutation>): string {
  const meta: Record<string, unknown> | null | undefined = result.createRecord.meta;
  return `${result.createRecord.domain} ${result.createRecord.type} ${result.createRecord.shortAnswers.join(', ')}${meta ? ' *' : ''}`;
}

export function sampleAge(event: ResultOf<typeof LiveQpsSubscription>, now: Date): number {
  const sampledAt: string = event.qps.sampledAt;
  return now.getTime() - Date.parse(sampledAt);
}
