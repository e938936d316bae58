/**
 * Atomic file writes, kept under their old name: the helpers live in src/util/fs.ts (the lowest
 * layer) so that sources/ and demo/ can use them without importing export/.
 */
export { outputPath, writeFileAtomic } from '../util/fs.js';
