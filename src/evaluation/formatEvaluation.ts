import type { Evaluation } from './Evaluation.js';

const pct = (n: number): string => n.toFixed(4);

/** The figures as rows of label and value, in the order the table and the report show them. */
export function figureRows(evaluation: Evaluation): Array<[string, string]> {
  const f = evaluation.figures;
  return [
    ['records', String(f.records)],
    ['true pairs', String(f.truePairs)],
    ['predicted pairs', String(f.predictedPairs)],
    ['true positives', String(f.truePositives)],
    ['precision', pct(f.precision)],
    ['recall', pct(f.recall)],
    ['F1', pct(f.f1)],
    ['pairs left as candidates', String(f.pairsLeftAsCandidates)],
    ['over-merged customers', `${f.overMergedClusters} (${f.overMergedRecords} records)`],
    ['under-linked persons', `${f.underLinkedPersons} (${f.underLinkedRecords} records)`],
  ];
}

/** The sweep as a header row plus one row per threshold. */
export function sweepRows(evaluation: Evaluation): string[][] {
  return [
    ['link', 'review', 'precision', 'recall', 'F1', 'predicted', 'true pos.', 'over-merged', 'seconds', 'CPU s'],
    ...evaluation.sweep.map((r) => [String(r.linkThreshold), String(r.reviewThreshold), pct(r.precision), pct(r.recall), pct(r.f1), String(r.predictedPairs), String(r.truePositives), String(r.overMergedClusters), (r.elapsedMs / 1000).toFixed(1), (r.cpuMs / 1000).toFixed(1)]),
  ];
}

function align(rows: readonly string[][], rightFrom: number): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (i >= rightFrom ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd());
}

/** The evaluation as plain-text lines for the terminal: the figures table, then the sweep table. */
export function formatEvaluation(evaluation: Evaluation): string[] {
  const lines = [
    `Labels: ${evaluation.labels} (sources ${evaluation.labelledSources.join(', ')})`,
    `At link threshold ${evaluation.linkThreshold}, review threshold ${evaluation.reviewThreshold} (${(evaluation.elapsedMs / 1000).toFixed(1)} s, CPU ${(evaluation.cpuMs / 1000).toFixed(1)} s):`,
    ...align(figureRows(evaluation).map(([k, v]) => [`  ${k}`, v]), 1),
  ];
  if (evaluation.unlabelled > 0) lines.push(`  ${evaluation.unlabelled} rows had no label and were not scored`);
  if (evaluation.notFound > 0) lines.push(`  ${evaluation.notFound} labelled records were not returned by their source (each counted as a customer of its own)`);
  if (evaluation.incomplete > 0) lines.push(`  warning: ${evaluation.incomplete} resolutions ran while a source failed (${evaluation.firstFailure}); figures may be low`);
  if (evaluation.sweep.length > 0) {
    lines.push('', 'Threshold sweep:');
    lines.push(...align(sweepRows(evaluation), 0).map((l) => `  ${l}`));
  }
  return lines;
}
