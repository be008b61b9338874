import type { AuditSink } from '../audit/createAuditSink.js';
import { piiAccess } from '../auth/Principal.js';
import type { GatewayContext } from '../context.js';
import type { RequestPlugin } from './RequestPlugin.js';

/**
 * Writes one audit event per request that read personal data or was refused it (DESIGN.md §8): subject,
 * role, purpose, customer ids, field names, outcome, request id. Never values.
 */
export function createAuditPlugin(sink: AuditSink): RequestPlugin<GatewayContext> {
  return {
    requestDidStart({ contextValue }) {
      return {
        willSendResponse({ errors, operationName }) {
          const trail = contextValue.audit;
          const principal = contextValue.principal;
          if (!trail || !principal || (trail.piiFields.size === 0 && trail.denied.size === 0)) return;
          const errorCount = (errors?.length ?? 0) + contextValue.partialErrors.length;
          const outcome = trail.piiFields.size === 0 ? 'denied' : errorCount > 0 ? 'partial' : 'ok';
          sink.write({
            type: 'pii_access',
            time: new Date().toISOString(),
            requestId: contextValue.requestId,
            subject: principal.subject,
            role: principal.role,
            purpose: contextValue.purpose ?? null,
            operationName: operationName ?? null,
            customerIds: [...trail.customerIds].sort(),
            fields: [...trail.piiFields].sort(),
            denied: [...trail.denied].sort(),
            outcome,
            piiAccess: piiAccess(principal),
          });
        },
      };
    },
  };
}
