'use strict';

// jest globalSetup of the `package` project: builds the production package exactly as
// `npm run ship` does, before any test runs. Building first keeps the gulp build (which writes
// generated *.module.scss.ts files next to the sources) from racing the other projects'
// TypeScript compilation. The outcome is written down and the package test asserts on it,
// so a failed build fails that test with its log instead of aborting the whole run.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const OUTCOME = path.join(ROOT, 'temp', 'package-build.json');

module.exports = async function buildPackage() {
  const gulp = path.join(ROOT, 'node_modules', 'gulp', 'bin', 'gulp.js');
  const steps = [['clean'], ['bundle', '--ship'], ['package-solution', '--ship']];
  let outcome = { ok: true, log: '' };
  for (const args of steps) {
    const run = spawnSync(process.execPath, [gulp, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0' },
      maxBuffer: 64 * 1024 * 1024
    });
    if (run.status !== 0) {
      const log = `${run.stdout || ''}${run.stderr || ''}`;
      outcome = { ok: false, log: `gulp ${args.join(' ')} failed (${run.status}):\n${log.slice(-6000)}` };
      break;
    }
  }
  fs.mkdirSync(path.dirname(OUTCOME), { recursive: true });
  fs.writeFileSync(OUTCOME, JSON.stringify(outcome));
};
