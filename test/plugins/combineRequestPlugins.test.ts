import { describe, expect, it } from 'vitest';
import { combineRequestPlugins, type RequestPlugin } from '../../src/plugins/RequestPlugin.js';

type Ctx = { seen: string[] };
const requestContext = (seen: string[]) => ({ contextValue: { seen } }) as never;

describe('combineRequestPlugins', () => {
  const plugin = (name: string, hooks: { resolve?: boolean; send?: boolean; skip?: boolean; throwOn?: 'resolve' | 'send' }): RequestPlugin<Ctx> => ({
    requestDidStart: ({ contextValue }) => {
      contextValue.seen.push(`${name}.start`);
      if (hooks.skip) return undefined;
      return {
        ...(hooks.resolve && {
          didResolveOperation: () => {
            contextValue.seen.push(`${name}.resolve`);
            if (hooks.throwOn === 'resolve') throw new Error(`${name} refused`);
          },
        }),
        ...(hooks.send && {
          willSendResponse: () => {
            contextValue.seen.push(`${name}.send`);
            if (hooks.throwOn === 'send') throw new Error(`${name} failed`);
          },
        }),
      };
    },
  });

  it("gives a request one listener whose hooks run the plugins' in order, skipping plugins with nothing to do", async () => {
    const seen: string[] = [];
    const combined = combineRequestPlugins<Ctx>([plugin('a', { send: true }), plugin('b', { skip: true }), plugin('c', { resolve: true, send: true }), plugin('d', { send: true })]);
    const listener = await combined.requestDidStart!(requestContext(seen));
    await listener!.didResolveOperation!(requestContext(seen));
    await listener!.willSendResponse!(requestContext(seen));
    expect(seen).toEqual(['a.start', 'b.start', 'c.start', 'd.start', 'c.resolve', 'a.send', 'c.send', 'd.send']);
  });

  it('has no listener when no plugin has one, and no hook that no plugin has', async () => {
    const seen: string[] = [];
    expect(await combineRequestPlugins<Ctx>([plugin('a', { skip: true })]).requestDidStart!(requestContext(seen))).toBeUndefined();
    const listener = await combineRequestPlugins<Ctx>([plugin('a', { send: true })]).requestDidStart!(requestContext(seen));
    expect(listener?.didResolveOperation).toBeUndefined();
  });

  it("rejects with a hook's error and runs none of that hook's later plugins", async () => {
    const seen: string[] = [];
    const listener = await combineRequestPlugins<Ctx>([plugin('gate', { resolve: true, throwOn: 'resolve' }), plugin('after', { resolve: true, send: true })]).requestDidStart!(requestContext(seen));
    await expect(listener!.didResolveOperation!(requestContext(seen))).rejects.toThrow('gate refused');
    await listener!.willSendResponse!(requestContext(seen));
    expect(seen).toEqual(['gate.start', 'after.start', 'gate.resolve', 'after.send']);
  });
});
