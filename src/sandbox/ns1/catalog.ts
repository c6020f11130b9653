import { json, type Router } from '../kit/index.js';
import { keyOf, require, zoneVisible } from './auth.js';
import type { Ns1Context } from './state.js';

const NETWORKS = [
  { network_id: 0, label: 'NSONE', name: 'NSONE Global Network' },
  { network_id: 82, label: 'myprivate', name: 'My Private Network' },
];

export const METATYPES = {
  up: { desc: 'This boolean value indicates "upness" of answers or regions.', category: 'status', shortdesc: 'Up/down' },
  georegion: { desc: 'Geographic region(s) associated with the answer or region.', category: 'geographical', shortdesc: 'Geographic region' },
  country: { desc: 'Countries (ISO 3166-1 alpha-2) associated with the answer or region.', category: 'geographical', shortdesc: 'Country' },
  priority: { desc: 'Priority of the answer for failover: lower is preferred.', category: 'traffic', shortdesc: 'Priority' },
  weight: { desc: 'Relative weight of the answer for weighted shuffling.', category: 'traffic', shortdesc: 'Weight' },
  connections: { desc: 'Number of active connections to the server.', category: 'load', shortdesc: 'Active connections' },
  loadavg: { desc: 'Load average of the server.', category: 'load', shortdesc: 'Load average' },
  note: { desc: 'A free-form note.', category: 'misc', shortdesc: 'Note' },
};

export const FILTERTYPES = {
  up: { desc: 'Eliminates all answers where the up metadata field is not "1".', config: {}, inputs: ['up'], tier: 2, shortdesc: 'Removes "down" answers' },
  geotarget_regional: {
    desc: 'Sorts answers by distance to the requester by georegion.',
    config: {},
    inputs: ['georegion'],
    tier: 2,
    shortdesc: 'Sort by geographic region',
  },
  geotarget_country: { desc: 'Sorts answers by the requester country.', config: {}, inputs: ['country'], tier: 2, shortdesc: 'Sort by country' },
  select_first_region: { desc: 'Keeps only the answers of the first region.', config: {}, inputs: [], tier: 2, shortdesc: 'Keep the first region' },
  sticky_region: { desc: 'Sorts regions consistently per requester.', config: {}, inputs: [], tier: 2, shortdesc: 'Make regions "sticky"' },
  priority: { desc: 'Keeps the answers with the lowest priority.', config: {}, inputs: ['priority'], tier: 2, shortdesc: 'Failover by priority' },
  weighted_shuffle: { desc: 'Shuffles answers by weight.', config: {}, inputs: ['weight'], tier: 2, shortdesc: 'Weighted shuffle' },
  shuffle: { desc: 'Shuffles answers randomly.', config: {}, inputs: [], tier: 1, shortdesc: 'Shuffle' },
  select_first_n: {
    desc: 'Eliminates all but the first N answers.',
    config: { N: { desc: 'Number of answers to keep', type: 'number', shortdesc: 'Number of answers', validator: 'number', required: false, default: '1' } },
    inputs: [],
    tier: 2,
    shortdesc: 'Return the first "N" answers',
  },
};

export function registerCatalog(router: Router, ctx: Ns1Context): void {
  router.get('/networks', () => json(NETWORKS));
  router.get('/metatypes', () => json(METATYPES));
  router.get('/filtertypes', () => json(FILTERTYPES));

  router.get('/search', (req) => {
    const key = keyOf(req, ctx.state());
    require(key, 'dns', 'view_zones');
    const q = (req.query.get('q') ?? '').toLowerCase();
    const max = Math.max(1, Math.min(1000, Number(req.query.get('max') ?? 10) || 10));
    const type = req.query.get('type') ?? 'all';
    const results: Array<Record<string, string>> = [];
    if (type === 'all' || type === 'zone') {
      for (const zone of ctx.state().zones.values()) if (zone.zone.includes(q) && zoneVisible(key, zone.zone)) results.push({ zone: zone.zone });
    }
    if (type === 'all' || type === 'record') {
      for (const r of ctx.state().records.values()) {
        if (r.domain.includes(q) && zoneVisible(key, r.zone)) results.push({ zone: r.zone, type: r.type, domain: r.domain });
      }
    }
    return json(results.slice(0, max));
  });
}
