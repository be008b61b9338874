import type { RecordWithRelated, RelatedWant, SourceAdapter } from '../../src/adapters/types.js';
import { UpstreamError } from '../../src/adapters/UpstreamError.js';
import type { Ticket } from '../../src/domain/index.js';
import { identityRecord } from './identityRecord.js';

/** A minimal open case of `owner`, numbered `n`. */
export const ticket = (owner: string, n: number): Ticket => ({
  ref: { source: 'crm', id: `t${owner}${n}` },
  ownerRef: { source: 'crm', id: owner },
  kind: 'CASE',
  number: String(n),
  subject: null,
  status: 'OPEN',
  sourceStatus: 'New',
  priority: null,
  channel: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: null,
  closedAt: null,
});

/** A fake source that can fuse (records + tickets + activities); logs every method call it gets. */
export function fusingSource(fail: () => boolean = () => false) {
  const log: string[] = [];
  const adapter: SourceAdapter = {
    name: 'crm',
    kind: 'salesforce',
    capabilities: { search: true, searchKeys: ['email'], orders: false, tickets: true, activities: true },
    search: async (keys) => keys.map(() => []),
    getByIds: async (ids) => {
      log.push(`getByIds ${ids.join(',')}`);
      return ids.map((id) => (id === 'gone' ? null : identityRecord('crm', id)));
    },
    ticketsByOwner: async (ids) => {
      log.push(`ticketsByOwner ${ids.join(',')}`);
      return ids.map((id) => [ticket(id, 1)]);
    },
    activitiesByOwner: async (ids) => {
      log.push(`activitiesByOwner ${ids.join(',')}`);
      return ids.map(() => []);
    },
    fetchWithRelated: async (ids: readonly string[], want: RelatedWant) => {
      log.push(`fetchWithRelated ${ids.join(',')} ${JSON.stringify(want)}`);
      if (fail()) throw new UpstreamError({ source: 'crm', kind: 'unavailable', message: 'HTTP 503' });
      return ids.map((id): RecordWithRelated => ({
        record: id === 'gone' ? null : identityRecord('crm', id),
        ...(want.tickets ? { tickets: id === 'broken' ? new UpstreamError({ source: 'crm', kind: 'bad_response', message: 'bad child set' }) : [ticket(id, 1), ticket(id, 2)] } : {}),
        ...(want.activities ? { activities: [] } : {}),
      }));
    },
  };
  return { adapter, log };
}

