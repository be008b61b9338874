export { generateLinkageBenchmark, DEFAULT_POPULATION, type LinkageBenchmark, type LinkageBenchmarkOptions, type LinkageFile, type LinkageSummary } from './generateLinkageBenchmark.js';
export { writeLinkageBenchmark, LINKAGE_CONFIG_FILE, type WrittenLinkageBenchmark } from './writeLinkageBenchmark.js';
export { linkageConfigYaml } from './linkageConfigYaml.js';
export { DEFAULT_LINKAGE_SOURCES, type LinkageSourceSpec, type LinkageField } from './linkageSources.js';
export type { TruePerson, PopulationOptions } from './createPopulation.js';
