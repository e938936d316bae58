/**
 * Write a generated region to a folder with atomic writes.
 */
import { join } from 'node:path';
import { writeFileAtomic } from '../util/fs.js';
import type { DemoOutput } from './generate.js';

/**
 * Write every file of `output` under `outDir` (folders created as needed).
 * @returns the number of bytes written
 */
export function writeDemoFiles(output: DemoOutput, outDir: string): number {
  let total = 0;
  for (const [rel, bytes] of output.files) {
    writeFileAtomic(join(outDir, rel), bytes);
    total += bytes.length;
  }
  return total;
}
