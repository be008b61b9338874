import { describe, expect, it } from 'vitest';
import { scorePairs, type Prediction } from '../../src/evaluation/index.js';

const truthOf = (labels: Record<string, string>) => new Map(Object.entries(labels));
const predictedOf = (customers: Record<string, string | [string, string[]]>) =>
  new Map<string, Prediction>(Object.entries(customers).map(([ref, c]) => [ref, typeof c === 'string' ? { customerId: c, candidates: [] } : { customerId: c[0], candidates: c[1] }]));

describe('scorePairs: pairwise figures', () => {
  const cases: Array<{ name: string; truth: Record<string, string>; predicted: Record<string, string | [string, string[]]>; expected: Partial<ReturnType<typeof scorePairs>> }> = [
    {
      name: 'a perfect resolution',
      truth: { 'a/1': 'p', 'b/1': 'p', 'a/2': 'q' },
      predicted: { 'a/1': 'C1', 'b/1': 'C1', 'a/2': 'C2' },
      expected: { records: 3, truePairs: 1, predictedPairs: 1, truePositives: 1, precision: 1, recall: 1, f1: 1, overMergedClusters: 0, underLinkedPersons: 0 },
    },
    {
      name: 'nothing linked: recall 0, precision 1 by convention, every multi-record person under-linked',
      truth: { 'a/1': 'p', 'b/1': 'p', 'c/1': 'p', 'a/2': 'q', 'b/2': 'q' },
      predicted: { 'a/1': 'C1', 'b/1': 'C2', 'c/1': 'C3', 'a/2': 'C4', 'b/2': 'C5' },
      expected: { truePairs: 4, predictedPairs: 0, truePositives: 0, precision: 1, recall: 0, f1: 0, underLinkedPersons: 2, underLinkedRecords: 5 },
    },
    {
      name: 'an over-merge of two persons into one customer',
      truth: { 'a/1': 'p', 'b/1': 'p', 'a/2': 'q', 'b/2': 'r' },
      predicted: { 'a/1': 'C1', 'b/1': 'C1', 'a/2': 'C1', 'b/2': 'C2' },
      expected: { truePairs: 1, predictedPairs: 3, truePositives: 1, precision: 0.3333, recall: 1, f1: 0.5, overMergedClusters: 1, overMergedRecords: 3, underLinkedPersons: 0 },
    },
    {
      name: 'a partial link: 3 of 6 pairs of a 4-record person',
      truth: { 'a/1': 'p', 'b/1': 'p', 'c/1': 'p', 'd/1': 'p' },
      predicted: { 'a/1': 'C1', 'b/1': 'C1', 'c/1': 'C1', 'd/1': 'C2' },
      expected: { truePairs: 6, predictedPairs: 3, truePositives: 3, precision: 1, recall: 0.5, f1: 0.6667, underLinkedPersons: 1, underLinkedRecords: 4 },
    },
    {
      name: 'a labelled record without a prediction is a customer of its own',
      truth: { 'a/1': 'p', 'b/1': 'p' },
      predicted: { 'a/1': 'C1' },
      expected: { truePairs: 1, predictedPairs: 0, truePositives: 0, recall: 0, underLinkedPersons: 1 },
    },
    {
      name: 'unlabelled records are ignored, even in a labelled record\'s customer',
      truth: { 'a/1': 'p', 'b/1': 'q' },
      predicted: { 'a/1': 'C1', 'x/9': 'C1', 'b/1': 'C2' },
      expected: { records: 2, truePairs: 0, predictedPairs: 0, precision: 1, recall: 1, f1: 1, overMergedClusters: 0 },
    },
    {
      name: 'true pairs left as candidates: counted once per pair, from either side; false candidates and linked ones are not',
      truth: { 'a/1': 'p', 'b/1': 'p', 'c/1': 'p', 'a/2': 'q' },
      predicted: { 'a/1': ['C1', ['b/1', 'a/2']], 'b/1': ['C2', ['a/1']], 'c/1': ['C1', ['a/1']], 'a/2': 'C3' },
      expected: { truePairs: 3, predictedPairs: 1, truePositives: 1, pairsLeftAsCandidates: 1 },
    },
  ];
  it.each(cases)('$name', ({ truth, predicted, expected }) => {
    expect(scorePairs(truthOf(truth), predictedOf(predicted))).toMatchObject(expected);
  });
});
