'use strict';

// Runs the CLI for Microsoft 365 SPFx project doctor and fails when it has any finding.
// The CLI is a dev dependency, so this works offline after `npm ci`.
const { spawnSync } = require('child_process');
const path = require('path');

const cli = require.resolve('@pnp/cli-microsoft365/dist/index.js');
const env = {
  ...process.env,
  CLIMICROSOFT365_NOUPDATE: '1',
  CLIMICROSOFT365_NOTELEMETRY: '1'
};
const run = spawnSync(process.execPath, [cli, 'spfx', 'project', 'doctor', '--output', 'json'], {
  cwd: path.resolve(__dirname, '..'),
  env,
  encoding: 'utf8'
});

if (run.status !== 0) {
  process.stderr.write(run.stdout + run.stderr);
  process.stderr.write(`spfx project doctor exited with ${run.status}\n`);
  process.exit(1);
}

let findings;
try {
  findings = JSON.parse(run.stdout);
} catch (error) {
  process.stderr.write(run.stdout + run.stderr);
  process.stderr.write('spfx project doctor did not answer in JSON\n');
  process.exit(1);
}

if (!Array.isArray(findings)) {
  process.stderr.write(`Unexpected doctor output: ${run.stdout}\n`);
  process.exit(1);
}
if (findings.length > 0) {
  for (const finding of findings) {
    process.stderr.write(`${finding.id} ${finding.title}: ${finding.resolution} (${finding.file})\n`);
  }
  process.stderr.write(`spfx project doctor: ${findings.length} finding(s)\n`);
  process.exit(1);
}
process.stdout.write('spfx project doctor: no findings\n');
