/**
 * CSV for spreadsheets, safe to open: a cell that starts with `=`, `+`, `-`, `@` (or a tab or
 * carriage return, which some spreadsheets skip before reading a formula) is read by Excel and
 * its kin as a formula, so a name or note like `=HYPERLINK(…)` could run. Such a cell gets a
 * leading `'`, which spreadsheets show as text. Cells with a comma, quote or line break are
 * quoted (RFC 4180). Lines end in CRLF; the text starts with a byte order mark so Excel reads
 * UTF-8 (å, ö, ë).
 */
import { wallTimeAt } from '../zonedTime';
import type { ShiftCoverage } from './coverage';

export type CsvValue = string | number | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, neutralised and quoted as needed. */
export function csvCell(value: CsvValue): string {
  const text = value === undefined ? '' : String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as a CSV document. */
export function toCsv(rows: ReadonlyArray<readonly CsvValue[]>): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

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
export function coverageCsvRows(coverage: readonly ShiftCoverage[], words: CoverageCsvWords, names: CoverageCsvNames, timeZone: string): CsvValue[][] {
  const rows: CsvValue[][] = [words.headers.slice()];
  coverage.forEach(({ shift, uncovered, single }) => {
    const lead: CsvValue[] = [localStamp(shift.start, timeZone), localStamp(shift.end, timeZone), shift.label, names.crew(shift.crewId)];
    uncovered.forEach((station) => rows.push(lead.concat([names.station(station), words.nobody, ''])));
    single.forEach(({ station, personId }) => rows.push(lead.concat([names.station(station), words.single, names.person(personId)])));
  });
  return rows;
}
