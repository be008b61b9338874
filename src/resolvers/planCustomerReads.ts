import type { DirectiveNode, FieldNode, GraphQLField, GraphQLObjectType, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { fieldAccess } from '../auth/index.js';
import type { GatewayContext } from '../context.js';
import type { RecordKinds } from '../loaders/index.js';
import { checkPageArgs } from '../unify/index.js';
import { parseSince } from './Customer360.js';
import { unifyConfigOf } from './loadInteractions.js';
import { argumentValue } from './simpleValues.js';

type Reads = 'none' | 'records' | 'interactions' | 'orders' | 'tickets' | 'activities' | 'dataQuality';

/**
 * What each `Customer` field's resolver loads (see Customer.ts, Customer360.ts). A field that is not here makes
 * the plan unknown: nothing is started early, and the resolvers load as they always do.
 */
const FIELD_READS: Readonly<Record<string, Reads>> = {
  __typename: 'none',
  id: 'none',
  identity: 'none',
  displayName: 'records',
  names: 'records',
  emails: 'records',
  phones: 'records',
  addresses: 'records',
  profile: 'records',
  consent: 'records',
  orders: 'orders',
  tickets: 'tickets',
  activities: 'activities',
  timeline: 'interactions',
  metrics: 'interactions',
  segments: 'interactions',
  journeyStage: 'interactions',
  dataQuality: 'dataQuality',
};

/** Paged fields: their resolvers refuse bad paging arguments before any upstream call. */
const PAGED = new Set(['orders', 'tickets', 'activities', 'timeline']);

/** The parts of a resolve info a plan reads (a remembered operation supplies them before execution). */
export type PlanInfo = Pick<GraphQLResolveInfo, 'schema' | 'fieldNodes' | 'fragments' | 'variableValues' | 'operation'>;

/** What a `Customer` selection reads, and the facts the loaders must be told first. */
export interface CustomerReads extends RecordKinds {
  /** Whether a field computed from every order (metrics, timeline, …) runs: the loaders get `noteOrdersLimit(null)`. */
  readonly allOrders: boolean;
}

/**
 * The record kinds the `Customer` fields selected under `info`'s field (inline and named fragments on `Customer`,
 * `@skip` / `@include` applied) will load for this request, as their resolvers would: fields the caller may not
 * read (they are refused before their resolver runs) load nothing. Null when that cannot be told in advance:
 * a field not in the table above, a fragment on another type, a field that answers only for a consenting
 * customer (its resolver reads the consent first and may load nothing else), or a paged field whose arguments
 * its resolver will refuse (it refuses them before any upstream call).
 */
export function planCustomerReads(info: PlanInfo, context: GatewayContext): CustomerReads | null {
  const type = info.schema.getType('Customer') as GraphQLObjectType | undefined;
  if (!type) return null;
  const fields = type.getFields();
  const reads = new Set<Reads>();
  const visited = new Set<string>();
  /** Whether `@skip` / `@include` keep a selection: true, false, or null when that cannot be told. */
  const included = (directives: readonly DirectiveNode[] | undefined): boolean | null => {
    for (const directive of directives ?? []) {
      const name = directive.name.value;
      if (name !== 'skip' && name !== 'include') return null;
      const value = argumentValue(directive, 'if', info.variableValues, undefined);
      if (typeof value !== 'boolean') return null;
      if (value === (name === 'skip')) return false;
    }
    return true;
  };
  const walk = (set: SelectionSetNode | undefined): boolean => {
    for (const selection of set?.selections ?? []) {
      const keep = included(selection.directives);
      if (keep === null) return false;
      if (!keep) continue;
      if (selection.kind === 'Field') {
        const name = selection.name.value;
        const kind = FIELD_READS[name];
        const field = fields[name];
        if (kind === undefined || (!field && name !== '__typename')) return false;
        if (kind === 'none' || !field) continue;
        const access = fieldAccess(field, type, context);
        if (access === 'consent') return false;
        if (access === 'refused') continue;
        if (PAGED.has(name) && !pageArgsValid(name, field, selection, info)) return false;
        reads.add(kind);
      } else if (selection.kind === 'InlineFragment') {
        if (selection.typeCondition && selection.typeCondition.name.value !== type.name) return false;
        if (!walk(selection.selectionSet)) return false;
      } else {
        const name = selection.name.value;
        if (visited.has(name)) continue;
        visited.add(name);
        const fragment = info.fragments[name];
        if (!fragment || fragment.typeCondition.name.value !== type.name || !walk(fragment.selectionSet)) return false;
      }
    }
    return true;
  };
  for (const node of info.fieldNodes) if (!walk(node.selectionSet)) return null;
  if (reads.has('dataQuality')) {
    reads.add('records');
    if (unifyConfigOf(context).expectedAttributes.some((a) => a === 'orders' || a === 'tickets')) reads.add('interactions');
  }
  const all = reads.has('interactions');
  return {
    records: reads.has('records'),
    orders: all || reads.has('orders'),
    tickets: all || reads.has('tickets'),
    activities: all || reads.has('activities'),
    allOrders: all,
  };
}

function pageArgsValid(name: string, field: GraphQLField<unknown, unknown>, node: FieldNode, info: PlanInfo): boolean {
  const arg = (argName: string): unknown => argumentValue(node, argName, info.variableValues, field.args.find((a) => a.name === argName)?.defaultValue ?? null);
  const first = arg('first');
  const after = arg('after');
  const since = name === 'timeline' ? arg('since') : null;
  if (typeof first !== 'number' || (after !== null && typeof after !== 'string') || (since !== null && typeof since !== 'string')) return false;
  try {
    checkPageArgs(name as Parameters<typeof checkPageArgs>[0], first, after);
    parseSince(since);
    return true;
  } catch {
    return false;
  }
}
