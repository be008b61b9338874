export { createLoaders, type Loaders, type SourceLoaders } from './createLoaders.js';
