export { createLoaders, type Loaders, type RecordKinds, type SourceLoaders } from './createLoaders.js';
