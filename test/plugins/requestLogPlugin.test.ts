import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { createRequestLogPlugin } from '../../src/plugins/requestLogPlugin.js';
import type { GatewayContext } from '../../src/context.js';
import { startTestGateway, type TestGateway } from '../support/startTestGateway.js';

describe('the request log line', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ size: 20 });
  });
  afterAll(async () => {
    await gw.close();
  });

  it('is written once per operation at info level, bound to the request id, without variables', async () => {
    const requestId = 'log-check-1';
    const res = await fetch(`${gw.url}`, {
      method: 'POST',
      headers: { ...gw.authHeaders, 'content-type': 'application/json', 'x-request-id': requestId },
      body: JSON.stringify({ query: 'query Probe($q: String!) { customerLookup(query: $q) { status } }', variables: { q: 'nobody-here@example.invalid' } }),
    });
    expect(res.status).toBe(200);
    const lines = gw.logs.filter((line) => line.includes('"graphql request"') && line.includes(requestId));
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({ requestId, operationName: 'Probe', status: 200, hasData: true });
    expect(lines[0]).not.toContain('nobody-here');
  });
});

describe('createRequestLogPlugin below info', () => {
  it("adds no listener and never makes the request's child logger", async () => {
    const written: string[] = [];
    const logger = createLogger('warn', new Writable({ write: (chunk: Buffer, _e, done) => void (written.push(chunk.toString('utf8')), done()) }));
    let touched = false;
    const contextValue = {
      get logger() {
        touched = true;
        return logger.child({ requestId: 'x' });
      },
      partialErrors: [],
    } as unknown as GatewayContext;
    const plugin = createRequestLogPlugin(logger);
    const listener = await plugin.requestDidStart?.({ contextValue } as never);
    expect(listener).toBeUndefined();
    expect(touched).toBe(false);
    expect(written).toEqual([]);
  });
});
