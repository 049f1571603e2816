/**
 * Pulse results: the time the results core takes for one closed round of 5,000, 50,000 and
 * 200,000 answers (the demo plant's shape, 2 sites × 4 lines × 4 crews on 3 shift patterns,
 * crews scaled up to hold the answers), split into the pass over the answers (linear in them) and
 * the release checks (which depend on the plant's groups, not on the number of answers).
 *
 *   npx tsx test/bench/pulseResults.ts
 */
import { aggregateAtoms, layoutOf } from '../../src/core/pulse/results/aggregate';
import { releaseRound } from '../../src/core/pulse/results/release';
import { QUESTIONS, seededRandom, seededRound } from '../../src/core/pulse/results/__fakes__/seededRound';

const SIZES = [5000, 50000, 200000];
const CREWS = 2 * 4 * 4;
const RUNS = 3;

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const rows: string[] = [];
SIZES.forEach((answers) => {
  const perCrew = Math.round(answers / CREWS);
  const data = seededRound({ sites: 2, linesPerSite: 4, crewsPerLine: 4, crewSize: [perCrew, perCrew], patterns: 3, rate: 1 }, 42);
  const pass: number[] = [];
  const total: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    let started = process.hrtime.bigint();
    aggregateAtoms(layoutOf(QUESTIONS), data.answers, data.crewPatterns);
    pass.push(Number(process.hrtime.bigint() - started) / 1e6);
    started = process.hrtime.bigint();
    releaseRound(data, { now: new Date('2026-04-01T00:00:00Z'), random: seededRandom(run) });
    total.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  rows.push(`| ${data.answers.length.toLocaleString('en')} | ${median(pass).toFixed(0)} ms | ${median(total).toFixed(0)} ms |`);
});

process.stdout.write(['| answers | pass over the answers | whole release (median of 3) |', '|---:|---:|---:|', ...rows].join('\n') + '\n');
