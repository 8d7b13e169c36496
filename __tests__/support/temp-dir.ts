/** A fresh temporary folder inside this test file's own temporary root (see __tests__/setup.ts). */
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
