import { GraphQLError, Kind, visit } from 'graphql';
import type { GatewayContext } from '../context.js';
import type { RequestPlugin } from './RequestPlugin.js';
import { GatewayErrorCode } from '../errors.js';

/**
 * Introspection as config says (DESIGN.md §8): `open` lets every authenticated caller introspect (demo);
 * otherwise only principals with scope `schema:read` may select `__schema`, `__type` or (subgraph mode) the
 * federation SDL `_service` (403 `FORBIDDEN`).
 */
export function createIntrospectionGatePlugin(open: boolean): RequestPlugin<GatewayContext> {
  return {
    requestDidStart() {
      if (open) return undefined;
      return {
        didResolveOperation({ document, contextValue }) {
          if (contextValue.principal?.scopes.has('schema:read')) return;
          let introspects = false;
          visit(document, {
            [Kind.FIELD](node) {
              if (node.name.value === '__schema' || node.name.value === '__type' || node.name.value === '_service') introspects = true;
            },
          });
          if (introspects) throw new GraphQLError('introspection (and the federation _service SDL) requires scope schema:read', { extensions: { code: GatewayErrorCode.Forbidden, http: { status: 403 } } });
        },
      };
    },
  };
}
