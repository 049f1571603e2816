import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';

import { ROOT } from './sources';

export const SPPKG = path.join(ROOT, 'sharepoint', 'solution', 'shopfloor-engage.sppkg');

/**
 * Builds the production package with the real toolchain, exactly as `npm run ship` does, and
 * opens it. Any build failure (including a lint warning, which fails a --ship build) throws with
 * the tail of the build log.
 */
export async function buildAndOpenPackage(): Promise<JSZip> {
  const gulp = path.join(ROOT, 'node_modules', 'gulp', 'bin', 'gulp.js');
  for (const args of [['clean'], ['bundle', '--ship'], ['package-solution', '--ship']]) {
    const run = spawnSync(process.execPath, [gulp, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0' },
      maxBuffer: 64 * 1024 * 1024
    });
    const log = `${run.stdout ?? ''}${run.stderr ?? ''}`;
    if (run.status !== 0) {
      throw new Error(`gulp ${args.join(' ')} failed (${run.status}):\n${log.slice(-4000)}`);
    }
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
