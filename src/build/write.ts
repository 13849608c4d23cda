// Outputs are written to a temporary name in the same folder, then renamed:
// a reader never sees a truncated file, and a failure leaves none behind.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

let counter = 0;

export function writeAtomic(target: string, bytes: Uint8Array): void {
  const folder = path.dirname(target);
  mkdirSync(folder, { recursive: true });
  const temporary = path.join(folder, `.${path.basename(target)}.${process.pid}.${counter++}.tmp`);
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
