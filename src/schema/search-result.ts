import { builder } from './builder.js';
import { RecordRef } from './record.js';
import { ZoneRef } from './zone.js';

export const SearchTypeEnum = builder.enumType('SearchType', {
  description: 'What search looks for.',
  values: {
    ALL: { value: 'all', description: 'Zones and records.' },
    ZONE: { value: 'zone', description: 'Zones only.' },
    RECORD: { value: 'record', description: 'Records only.' },
  } as const,
});

export const SearchResultUnion = builder.unionType('SearchResult', {
  description: 'A search hit: a Zone or a Record.',
  types: [ZoneRef, RecordRef],
  resolveType: (value) => ('asciiName' in value && 'onNs1' in value ? ZoneRef : RecordRef),
});
