/**
 * The coverage gaps of the Crew skills matrix as CSV rows, in the plant's local time. The rows are
 * written by the product's one CSV writer (`core/text/csv.ts`: byte-order mark, the language's
 * delimiter, no formulas).
 */
import { wallTimeAt } from '../zonedTime';
import type { ShiftCoverage } from './coverage';

/** `YYYY-MM-DD HH:MM` in the plant's zone. */
export function localStamp(iso: string, timeZone: string): string {
  const wall = wallTimeAt(Date.parse(iso), timeZone);
  const pad = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)} ${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** The words of the export, in the reader's language (the UI supplies them). */
export interface CoverageCsvWords {
  readonly headers: readonly [start: string, end: string, shift: string, crew: string, station: string, gap: string, person: string];
  readonly nobody: string;
  readonly single: string;
}

export interface CoverageCsvNames {
  readonly crew: (crewId: string | undefined) => string;
  readonly station: (code: string) => string;
  readonly person: (personId: string) => string;
}

/**
 * The coverage gaps as rows: one per station with nobody qualified on a shift, and one per
 * station with a single qualified person (named), shift by shift; nothing for covered stations.
 */
export function coverageCsvRows(coverage: readonly ShiftCoverage[], words: CoverageCsvWords, names: CoverageCsvNames, timeZone: string): string[][] {
  const rows: string[][] = [words.headers.slice()];
  coverage.forEach(({ shift, uncovered, single }) => {
    const lead: string[] = [localStamp(shift.start, timeZone), localStamp(shift.end, timeZone), shift.label ?? '', names.crew(shift.crewId)];
    uncovered.forEach((station) => rows.push(lead.concat([names.station(station), words.nobody, ''])));
    single.forEach(({ station, personId }) => rows.push(lead.concat([names.station(station), words.single, names.person(personId)])));
  });
  return rows;
}
