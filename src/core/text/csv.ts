/**
 * CSV of what a screen shows, for a spreadsheet: the one writer of the product's exports (the
 * Pulse results part, the Crew skills matrix). Framework-free: the part hands in the rows it
 * shows (the results' withheld cells as their reason in words, never a number), this writes them.
 *
 * - **UTF-8 with a byte-order mark**, so Excel reads "Ploeg Ø", "Skiftgång" and "één" as written
 *   (without it Excel takes the file for the system's 8-bit code page).
 * - **Delimiter per language**: Excel splits a CSV at the list separator of the computer's
 *   regional settings, which is `;` where the decimal mark is a comma (Dutch, Swedish) and `,` in
 *   English. A `sep=` line would say it in the file, but Excel then ignores the byte-order mark.
 * - **Quoted** where a cell holds the delimiter, a quote or a line break; quotes doubled (RFC 4180),
 *   lines ended with CRLF.
 * - **No formulas**: a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is
 *   read by spreadsheets as a formula (CSV injection: a group or comment text such as
 *   `=HYPERLINK(…)` would run when HR opens the file). Such a cell gets a leading apostrophe, which
 *   spreadsheets show as text. A plain number (`-12`, `+4`, `3.5`) is left as it is: it is read as a
 *   number and cannot run anything.
 */

/** The byte-order mark that tells spreadsheets the file is UTF-8. */
export const UTF8_BOM = '\uFEFF';

export type CsvDelimiter = ',' | ';';

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/** A cell made safe to open: a would-be formula as text. */
export function neutralised(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

function quoted(cell: string, delimiter: CsvDelimiter): string {
  return cell.indexOf(delimiter) >= 0 || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** The delimiter a spreadsheet expects in this language (`nl-nl`, `sv-se`: `;`; otherwise `,`). */
export function csvDelimiterFor(locale: string): CsvDelimiter {
  const language = locale.toLowerCase().split('-')[0];
  return language === 'nl' || language === 'sv' ? ';' : ',';
}

/** The rows as one CSV text, byte-order mark first, each row ended with CRLF. */
export function csvOf(rows: readonly (readonly string[])[], delimiter: CsvDelimiter = ','): string {
  return UTF8_BOM + rows.map((row) => row.map((cell) => quoted(neutralised(cell), delimiter)).join(delimiter) + '\r\n').join('');
}
