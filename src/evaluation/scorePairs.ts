/** What one labelled record resolved to: its customer, and the refs its cluster lists as `candidates`. */
export interface Prediction {
  /** The customer id of the record's cluster (records resolving to one id are predicted the same person). */
  readonly customerId: string;
  /** `source/id` of each candidate of the record's cluster (scored between the thresholds, not linked). */
  readonly candidates: readonly string[];
}

/** Pairwise link quality of one resolution run against a ground truth (counts are unordered record pairs). */
export interface PairFigures {
  /** Labelled records scored. */
  readonly records: number;
  /** Pairs of records of one true person. */
  readonly truePairs: number;
  /** Pairs of records resolved to one customer. */
  readonly predictedPairs: number;
  /** Pairs that are both. */
  readonly truePositives: number;
  /** truePositives / predictedPairs (1 when nothing was linked). */
  readonly precision: number;
  /** truePositives / truePairs (1 when there are no true pairs). */
  readonly recall: number;
  readonly f1: number;
  /** True pairs not linked where one record is a `candidates` entry of the other's cluster. */
  readonly pairsLeftAsCandidates: number;
  /** Predicted customers holding records of more than one true person. */
  readonly overMergedClusters: number;
  /** Records in those customers. */
  readonly overMergedRecords: number;
  /** True persons (with two or more records) whose records are spread over more than one customer. */
  readonly underLinkedPersons: number;
  /** Records of those persons. */
  readonly underLinkedRecords: number;
}

const round4 = (n: number): number => Math.round(n * 10_000) / 10_000;
const pairsIn = (n: number): number => (n * (n - 1)) / 2;

/**
 * Scores predicted customers against true persons. `truth` maps every labelled record (`source/id`) to its
 * person; `predicted` maps the same records to what they resolved to (a labelled record without a prediction
 * counts as a customer of its own). Records outside `truth` are ignored, including as candidates. Pure and
 * linear in the number of records and candidates: pairs are counted from group sizes, never enumerated.
 */
export function scorePairs(truth: ReadonlyMap<string, string>, predicted: ReadonlyMap<string, Prediction>): PairFigures {
  const customerOf = (ref: string): string => predicted.get(ref)?.customerId ?? `unresolved:${ref}`;
  const byPerson = new Map<string, number>();
  const byCustomer = new Map<string, number>();
  const byBoth = new Map<string, number>();
  const personsOfCustomer = new Map<string, Set<string>>();
  const customersOfPerson = new Map<string, Set<string>>();
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const collect = (map: Map<string, Set<string>>, key: string, value: string) => {
    const set = map.get(key) ?? new Set<string>();
    set.add(value);
    map.set(key, set);
  };
  for (const [ref, person] of truth) {
    const customer = customerOf(ref);
    count(byPerson, person);
    count(byCustomer, customer);
    count(byBoth, `${person}\u0000${customer}`);
    collect(personsOfCustomer, customer, person);
    collect(customersOfPerson, person, customer);
  }
  const sumPairs = (map: Map<string, number>) => [...map.values()].reduce((sum, n) => sum + pairsIn(n), 0);
  const truePairs = sumPairs(byPerson);
  const predictedPairs = sumPairs(byCustomer);
  const truePositives = sumPairs(byBoth);
  const precision = predictedPairs === 0 ? 1 : truePositives / predictedPairs;
  const recall = truePairs === 0 ? 1 : truePositives / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);

  const leftAsCandidates = new Set<string>();
  for (const [ref, prediction] of predicted) {
    const person = truth.get(ref);
    if (person === undefined) continue;
    for (const candidate of prediction.candidates) {
      if (candidate === ref || truth.get(candidate) !== person || customerOf(candidate) === customerOf(ref)) continue;
      leftAsCandidates.add(ref < candidate ? `${ref}\u0000${candidate}` : `${candidate}\u0000${ref}`);
    }
  }
  let overMergedClusters = 0;
  let overMergedRecords = 0;
  for (const [customer, persons] of personsOfCustomer) {
    if (persons.size < 2) continue;
    overMergedClusters += 1;
    overMergedRecords += byCustomer.get(customer)!;
  }
  let underLinkedPersons = 0;
  let underLinkedRecords = 0;
  for (const [person, customers] of customersOfPerson) {
    if (customers.size < 2) continue;
    underLinkedPersons += 1;
    underLinkedRecords += byPerson.get(person)!;
  }
  return {
    records: truth.size,
    truePairs,
    predictedPairs,
    truePositives,
    precision: round4(precision),
    recall: round4(recall),
    f1: round4(f1),
    pairsLeftAsCandidates: leftAsCandidates.size,
    overMergedClusters,
    overMergedRecords,
    underLinkedPersons,
    underLinkedRecords,
  };
}
