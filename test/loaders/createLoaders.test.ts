import { describe, expect, it } from 'vitest';
import { createLoaders } from '../../src/loaders/index.js';
import { fusingSource } from '../support/fusingSource.js';

describe('createLoaders: call fusion', () => {
  it('sends the records and lists one operation level asks for as one fused call, and primes the records', async () => {
    const { adapter, log } = fusingSource();
    const loaders = createLoaders([adapter], {});
    const crm = loaders.source('crm')!;
    const [a, ticketsA, ticketsB, activitiesA] = await Promise.all([crm.records.load('a'), crm.tickets!.load('a'), crm.tickets!.load('b'), crm.activities!.load('a')]);
    expect(log).toEqual(['fetchWithRelated a,b {"orders":false,"tickets":true,"activities":true,"lineItems":true}']);
    expect(a?.ref.id).toBe('a');
    expect(ticketsA.map((t) => t.number)).toEqual(['1', '2']);
    expect(ticketsB).toHaveLength(2);
    expect(activitiesA).toEqual([]);
    // b's record came with its tickets: no second call for it.
    expect((await crm.records.load('b'))?.ref.id).toBe('b');
    expect(log).toHaveLength(1);
  });

  it('uses getByIds when a turn asks for records only, and the plain methods when batching is off', async () => {
    const { adapter, log } = fusingSource();
    await createLoaders([adapter], {}).source('crm')!.records.loadMany(['a', 'gone']);
    expect(log).toEqual(['getByIds a,gone']);
    log.length = 0;
    const off = createLoaders([adapter], {}, { batch: false }).source('crm')!;
    await Promise.all([off.records.load('a'), off.tickets!.load('a')]);
    expect(log.sort()).toEqual(['getByIds a', 'ticketsByOwner a']);
  });

  it('asks for no line items once the operation said it reads none', async () => {
    const { adapter, log } = fusingSource();
    const loaders = createLoaders([adapter], {});
    loaders.noteLineItems(false);
    await loaders.source('crm')!.tickets!.load('a');
    expect(log[0]).toContain('"lineItems":false');
    loaders.noteLineItems(true);
    await loaders.source('crm')!.tickets!.load('b');
    expect(log[1]).toContain('"lineItems":true');
  });

  it('fails only the list that failed, and every load of a call that failed', async () => {
    let failing = false;
    const { adapter } = fusingSource(() => failing);
    const crm = createLoaders([adapter], {}).source('crm')!;
    const [record, tickets] = await Promise.allSettled([crm.records.load('broken'), crm.tickets!.load('broken')]);
    expect(record).toMatchObject({ status: 'fulfilled', value: { ref: { id: 'broken' } } });
    expect(tickets).toMatchObject({ status: 'rejected', reason: { kind: 'bad_response' } });
    failing = true;
    const crm2 = createLoaders([adapter], {}).source('crm')!;
    const settled = await Promise.allSettled([crm2.records.load('a'), crm2.tickets!.load('a')]);
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
  });

  it('startNow sends the loads of every ref before it returns, one fused call per source, and the later loads share them', async () => {
    const { adapter, log } = fusingSource();
    const loaders = createLoaders([adapter], {});
    loaders.noteLineItems(false);
    const started = loaders.startNow(
      [
        { source: 'crm', id: 'a' },
        { source: 'crm', id: 'b' },
        { source: 'nowhere', id: 'c' },
      ],
      { records: true, orders: true, tickets: true, activities: false },
    );
    // Sent synchronously (no turn waited): the fused call is already logged; orders: the source serves none.
    expect(log).toEqual(['fetchWithRelated a,b {"orders":false,"tickets":true,"activities":false,"lineItems":false}']);
    expect(started).toBe(4); // records and tickets of a and b
    const crm = loaders.source('crm')!;
    const [record, tickets] = await Promise.all([crm.records.load('b'), crm.tickets!.load('a')]);
    expect(record?.ref.id).toBe('b');
    expect(tickets.map((t) => t.number)).toEqual(['1', '2']);
    expect(log).toHaveLength(1);
    // Already loaded: nothing new to start.
    expect(loaders.startNow([{ source: 'crm', id: 'a' }], { records: true, orders: false, tickets: true, activities: false })).toBe(0);
    expect(log).toHaveLength(1);
  });

  it('startNow leaves a failure for the resolver that reads it (none unhandled), and starts nothing with batching off', async () => {
    const { adapter, log } = fusingSource(() => true);
    const loaders = createLoaders([adapter], {});
    loaders.startNow([{ source: 'crm', id: 'a' }], { records: true, orders: false, tickets: true, activities: false });
    await expect(loaders.source('crm')!.records.load('a')).rejects.toMatchObject({ kind: 'unavailable' });
    // A failed load nobody reads: vitest fails the run on an unhandled rejection.
    loaders.startNow([{ source: 'crm', id: 'x' }], { records: true, orders: false, tickets: false, activities: false });
    await new Promise((resolve) => setImmediate(resolve));
    const off = createLoaders([adapter], {}, { batch: false });
    expect(off.startNow([{ source: 'crm', id: 'a' }], { records: true, orders: false, tickets: true, activities: false })).toBe(0);
    expect(log.filter((l) => l.includes(' a '))).toHaveLength(1);
  });
});
