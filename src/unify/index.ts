export { mergeContactPoints, type MergedContactPoints, type MergedName, type Sourced } from './mergeContactPoints.js';
export { paginate, MAX_PAGE_SIZE, type Page, type Pageable } from './paginate.js';
