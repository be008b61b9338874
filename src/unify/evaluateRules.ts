import type { CustomerMetrics } from './computeMetrics.js';
import type { JourneyRule, JourneyStage, RuleCondition, RuleMetric, SegmentRule } from './unifyConfig.js';

/** A segment the person is in, and why. */
export interface SegmentAssignment {
  readonly name: string;
  readonly description: string;
  /** Each condition with the person's value, e.g. `lifetimeValue 1234.5 >= 1000`. */
  readonly reason: string;
}

/** The journey stage and why. */
export interface JourneyAssignment {
  readonly stage: JourneyStage;
  readonly reason: string;
}

const SYMBOL: Readonly<Record<RuleCondition['op'], string>> = { gt: '>', gte: '>=', lt: '<', lte: '<=', eq: '=', neq: '!=' };

/** The number a rule tests; null when the person has no value (e.g. days since last order with no orders). */
export function metricValue(metrics: CustomerMetrics, metric: RuleMetric): number | null {
  switch (metric) {
    case 'lifetimeValue':
      return metrics.lifetimeValue ? Number(metrics.lifetimeValue.amount) : null;
    case 'averageOrderValue':
      return metrics.averageOrderValue ? Number(metrics.averageOrderValue.amount) : null;
    case 'rfmRecency':
      return metrics.rfm?.recency ?? null;
    case 'rfmFrequency':
      return metrics.rfm?.frequency ?? null;
    case 'rfmMonetary':
      return metrics.rfm?.monetary ?? null;
    default:
      return metrics[metric];
  }
}

/** True when `value op target`; a missing value never meets a condition. */
function holds(value: number | null, condition: RuleCondition): boolean {
  if (value === null) return false;
  const t = condition.value;
  switch (condition.op) {
    case 'gt':
      return value > t;
    case 'gte':
      return value >= t;
    case 'lt':
      return value < t;
    case 'lte':
      return value <= t;
    case 'eq':
      return value === t;
    case 'neq':
      return value !== t;
    default: {
      const unreachable: never = condition.op;
      return unreachable;
    }
  }
}

/** The reason text when every condition holds, else null. */
function explain(metrics: CustomerMetrics, when: readonly RuleCondition[]): string | null {
  const parts: string[] = [];
  for (const condition of when) {
    const value = metricValue(metrics, condition.metric);
    if (!holds(value, condition)) return null;
    parts.push(`${condition.metric} ${value} ${SYMBOL[condition.op]} ${condition.value}`);
  }
  return parts.join(' and ');
}

/** Every segment whose conditions all hold, in configured order, each with its reason. Pure. */
export function assignSegments(metrics: CustomerMetrics, rules: readonly SegmentRule[]): SegmentAssignment[] {
  return rules.flatMap((rule) => {
    const reason = explain(metrics, rule.when);
    return reason === null ? [] : [{ name: rule.name, description: rule.description, reason }];
  });
}

/**
 * The first stage in `rules` whose conditions all hold (config validation guarantees the last has none, so
 * one always does), with its reason; the fallback's reason says no earlier stage matched. Pure.
 */
export function assignJourneyStage(metrics: CustomerMetrics, rules: readonly JourneyRule[]): JourneyAssignment {
  for (const rule of rules) {
    const reason = explain(metrics, rule.when);
    if (reason !== null) return { stage: rule.stage, reason: reason || `no earlier stage's conditions hold (${rules.slice(0, rules.indexOf(rule)).map((r) => r.stage).join(', ') || 'none'})` };
  }
  return { stage: 'AWARENESS', reason: 'no stage rule matched' };
}
