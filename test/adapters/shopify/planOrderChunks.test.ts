import { describe, expect, it } from 'vitest';
import { customersPerCall, lineItemOrdersPerCall, ordersFirstFor, planOrderChunks } from '../../../src/adapters/shopify/planOrderChunks.js';
import { customerOrdersCost, LINE_ITEM_COST, connectionCost, MORE_LINE_ITEMS_FIRST } from '../../../src/adapters/shopify/shopifyQueries.js';

describe('planOrderChunks: sizing calls to the cost cap', () => {
  const cases: Array<[number, number, number, Array<{ size: number; ordersFirst: number }>]> = [
    [1, 25, 5, [{ size: 1, ordersFirst: 25 }]],
    [1, 250, 5, [{ size: 1, ordersFirst: 49 }]],
    [20, 25, 5, [{ size: 20, ordersFirst: 2 }]],
    [43, 25, 5, [{ size: 43, ordersFirst: 1 }]],
    [44, 25, 5, [{ size: 22, ordersFirst: 2 }, { size: 22, ordersFirst: 2 }]],
    [100, 25, 5, [{ size: 34, ordersFirst: 1 }, { size: 34, ordersFirst: 1 }, { size: 32, ordersFirst: 1 }]],
    [5, 2, 5, [{ size: 5, ordersFirst: 2 }]],
    [3, 25, 250, [{ size: 1, ordersFirst: 1 }, { size: 1, ordersFirst: 1 }, { size: 1, ordersFirst: 1 }]],
    [0, 25, 5, []],
  ];

  it.each(cases)('plans %i customers (page size %i, %i line items)', (count, pageSize, lineItems, chunks) => {
    expect(planOrderChunks(count, pageSize, lineItems)).toEqual(chunks);
  });

  it('keeps every call within 1000 points for any batch size and line-item page', () => {
    const violations: string[] = [];
    for (const lineItems of [1, 5, 20, 250]) {
      for (let count = 1; count <= 300; count += 1) {
        const chunks = planOrderChunks(count, 250, lineItems);
        if (chunks.reduce((sum, c) => sum + c.size, 0) !== count) violations.push(`${count}/${lineItems}: sizes`);
        for (const chunk of chunks) {
          if (chunk.size * customerOrdersCost(chunk.ordersFirst, lineItems) > 1000) violations.push(`${count}/${lineItems}: chunk ${chunk.size}`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('sizes follow-up rounds like the first call', () => {
    expect(customersPerCall(1, 5)).toBe(1);
    expect(customersPerCall(200, 5)).toBe(40);
    expect(ordersFirstFor(1, 2, 5)).toBe(2);
    expect(ordersFirstFor(40, 25, 5)).toBe(1);
    expect(lineItemOrdersPerCall()).toBe(3);
    expect(lineItemOrdersPerCall() * (1 + connectionCost(MORE_LINE_ITEMS_FIRST, LINE_ITEM_COST))).toBeLessThanOrEqual(1000);
  });
});
