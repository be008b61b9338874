export { planLookup, type LookupPlan, type LookupReading } from './planLookup.js';
export { runLookup, MAX_LOOKUP_CANDIDATES, MAX_RECORDS_PER_READING, type LookupDeps, type LookupHit, type LookupOutcome } from './runLookup.js';
