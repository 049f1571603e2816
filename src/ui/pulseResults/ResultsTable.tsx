/**
 * One table of results with row and column headers. `stacked`: one block per row in a narrow
 * column or on a phone (each value under its column's name); `scroll`: the table scrolls inside
 * its own region, named by the caption and reachable by keyboard, never the page. Every cell
 * prints its words (a value, or the reason it is withheld); `colour` adds a score band behind a
 * value, never in place of it.
 */
import * as React from 'react';

import { useId } from '../light/useId';
import styles from './PulseResults.module.scss';
import type { ViewCell } from './resultsView';

export interface IResultsTableRow {
  readonly key: string;
  readonly header: string;
  readonly cells: readonly (ViewCell | string)[];
  /** Shown after a value cell (a trend's bar), hidden from assistive technology. */
  readonly decoration?: (cell: ViewCell, index: number) => React.ReactNode;
}

export interface IResultsTableProps {
  readonly caption: string;
  /** The row header's column first, then one per cell. */
  readonly columns: readonly string[];
  readonly rows: readonly IResultsTableRow[];
  readonly layout: 'stacked' | 'scroll';
  /** Scores bands: `index` 0–100, `enps` −100…100, per column (undefined: no colour). */
  readonly colour?: (columnIndex: number) => 'index' | 'enps' | undefined;
}

function band(value: number, scale: 'index' | 'enps'): string {
  const [low, high] = scale === 'enps' ? [0, 30] : [50, 70];
  return value < low ? styles.low : value < high ? styles.mid : styles.high;
}

function cellOf(cell: ViewCell | string): ViewCell {
  return typeof cell === 'string' ? { text: cell } : cell;
}

export function ResultsTable(props: IResultsTableProps): React.ReactElement {
  const captionId = useId('se-results-caption');
  const table = (
    <table className={[styles.table, props.layout === 'stacked' ? styles.stacked : ''].join(' ').trim()} role="table">
      {/* Scrolling, the table's own caption would scroll out of sight: it is shown above the region instead. */}
      <caption className={props.layout === 'scroll' ? styles.visuallyHidden : undefined}>{props.caption}</caption>
      <thead role="rowgroup">
        <tr role="row">
          {props.columns.map((column, index) => (
            <th key={index} scope="col" role="columnheader">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody role="rowgroup">
        {props.rows.map((row) => (
          <tr key={row.key} role="row">
            <th scope="row" role="rowheader">
              {row.header}
            </th>
            {row.cells.map((raw, index) => {
              const cell = cellOf(raw);
              const scale = props.colour?.(index);
              const classes = [
                cell.withheld ? styles.withheld : '',
                cell.value !== undefined ? styles.value : '',
                scale && cell.value !== undefined && !cell.withheld ? band(cell.value, scale) : ''
              ];
              return (
                <td key={index} role="cell" className={classes.join(' ').trim() || undefined} data-label={props.columns[index + 1]} data-withheld={cell.withheld}>
                  {cell.text}
                  {row.decoration?.(cell, index)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return props.layout === 'scroll' ? (
    // A region of its own that scrolls sideways: focusable so keyboard users can scroll it.
    <div className={styles.section}>
      <p id={captionId} className={styles.caption} aria-hidden={true}>
        {props.caption}
      </p>
      <div className={styles.scroll} role="region" aria-labelledby={captionId} tabIndex={0}>
        {table}
      </div>
    </div>
  ) : (
    table
  );
}
