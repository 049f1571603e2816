import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';

import { ROOT } from './sources';

export const SPPKG = path.join(ROOT, 'sharepoint', 'solution', 'shopfloor-engage.sppkg');

/**
 * Opens the package that the `package` project's globalSetup (`test/package/buildPackage.js`)
 * built with the real toolchain, exactly as `npm run ship` does. A failed build (a lint
 * warning fails a --ship build too) throws with the tail of the build log.
 */
export async function openBuiltPackage(): Promise<JSZip> {
  const outcomeFile = path.join(ROOT, 'temp', 'package-build.json');
  if (!fs.existsSync(outcomeFile)) {
    throw new Error('The package was not built: run the package tests through jest (npm test).');
  }
  const outcome = JSON.parse(fs.readFileSync(outcomeFile, 'utf8')) as { ok: boolean; log: string };
  if (!outcome.ok) {
    throw new Error(outcome.log);
  }
  return JSZip.loadAsync(fs.readFileSync(SPPKG));
}

export async function readEntry(zip: JSZip, name: string): Promise<string> {
  const entry = zip.file(name);
  if (!entry) {
    throw new Error(`${name} is not in the package`);
  }
  return entry.async('string');
}
