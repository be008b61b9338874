export { createFileAdapter, type FileAdapterOptions } from './createFileAdapter.js';
export { fileSourceSchema, type FileSourceSettings } from './fileSourceSchema.js';
export { loadFileRecords, type LoadedFile } from './loadFileRecords.js';
export { parseCsv, type CsvRow } from './parseCsv.js';
