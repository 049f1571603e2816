/**
 * Pulse results: the time the results core takes for one closed round of 5,000, 50,000 and
 * 200,000 answers (the demo plant's shape, 2 sites × 4 lines × 4 crews on 3 shift patterns,
 * crews scaled up to hold the answers), split into the pass over the answers (linear in them) and
 * the release checks (which depend on the plant's groups, not on the number of answers), once
 * with every question answered and once with skips (each question its own answer rate, one that
 * almost nobody answers), where the checks also run per figure.
 *
 *   npx tsx test/bench/pulseResults.ts      this table alone
 *   npm run bench                           with the parts' tables (`resultsCoreTable`, run.ts)
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

function ms(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** The table of timings, as Markdown. */
export function resultsCoreTable(): string {
  const rows: string[] = [];
  SIZES.forEach((answers) => {
    const perCrew = Math.round(answers / CREWS);
    const cells = [false, true].map((skips) => {
      const data = seededRound({ sites: 2, linesPerSite: 4, crewsPerLine: 4, crewSize: [perCrew, perCrew], patterns: 3, rate: 1, skips }, 42);
      const pass: number[] = [];
      const total: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        let started = process.hrtime.bigint();
        aggregateAtoms(layoutOf(QUESTIONS), data.answers, data.crewPatterns);
        pass.push(ms(started));
        started = process.hrtime.bigint();
        releaseRound(data, { now: new Date('2026-04-01T00:00:00Z'), random: seededRandom(run) });
        total.push(ms(started));
      }
      return { answers: data.answers.length, pass: median(pass), total: median(total) };
    });
    rows.push(`| ${cells[0].answers.toLocaleString('en')} | ${cells[0].pass.toFixed(0)} ms | ${cells[0].total.toFixed(0)} ms | ${cells[1].pass.toFixed(0)} ms | ${cells[1].total.toFixed(0)} ms |`);
  });
  return ['| answers | pass, every question answered | whole release | pass, with skips | whole release, with skips |', '|---:|---:|---:|---:|---:|', ...rows].join('\n');
}

if (require.main === module) {
  process.stdout.write(resultsCoreTable() + '\n');
}
