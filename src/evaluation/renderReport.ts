import type { Evaluation } from './Evaluation.js';
import { escapeXml } from './escapeXml.js';
import { figureRows, sweepRows } from './formatEvaluation.js';
import { renderLevelWeightsChart } from './renderLevelWeightsChart.js';
import { renderThresholdChart } from './renderThresholdChart.js';

/** A self-contained HTML report (inline CSS and SVG, no scripts, no external assets) of an evaluation. */
export function renderReport(evaluation: Evaluation): string {
  const e = escapeXml;
  const table = (rows: readonly string[][], head: boolean) =>
    `<table>${rows.map((r, i) => `<tr>${r.map((c) => (head && i === 0 ? `<th>${e(c)}</th>` : `<td>${e(c)}</td>`)).join('')}</tr>`).join('')}</table>`;
  const points = evaluation.sweep.map((r) => ({ threshold: r.linkThreshold, precision: r.precision, recall: r.recall, f1: r.f1 }));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>c360 identity evaluation</title>
<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.2rem .6rem;text-align:right}td:first-child{text-align:left}th{background:#f3f3f3}</style>
</head><body>
<h1>Identity resolution: evaluation</h1>
<p>${e(evaluation.generatedAt)}. Labels: ${e(evaluation.labels)} (sources ${e(evaluation.labelledSources.join(', '))}).
Link threshold ${evaluation.linkThreshold}, review threshold ${evaluation.reviewThreshold}.</p>
<h2>Figures at the configured thresholds</h2>
${table(figureRows(evaluation), false)}
<p>Pairs are unordered pairs of labelled records. <em>Pairs left as candidates</em>: true pairs not linked where one record is listed in the other's <code>candidates</code>. <em>Over-merged customers</em>: customers holding records of more than one true person. <em>Under-linked persons</em>: persons whose records are spread over several customers.</p>
<h2>Precision, recall and F1 against the link threshold</h2>
${points.length > 0 ? renderThresholdChart(points, evaluation.linkThreshold) : '<p>No sweep was run.</p>'}
${points.length > 0 ? table(sweepRows(evaluation), true) : ''}
<h2>Weight of each comparison level</h2>
<p>log2(m/u) of every level of the configured matcher; a pair's score is the sum of its levels' weights (missing values weigh 0).</p>
${renderLevelWeightsChart(evaluation.levelWeights)}
</body></html>
`;
}
