/**
 * "Export CSV" for the view on the screen: the rows it shows (withheld cells as their reason in
 * words), written by the core's CSV builder (byte-order mark, the language's delimiter, no
 * formulas) and saved as a file through a Blob link. A 48 px button.
 */
import * as React from 'react';

import { csvDelimiterFor, csvOf } from '../../core/text/csv';
import { format } from '../format';
import { Button } from '../light/Button';
import styles from './PulseResults.module.scss';
import type { ResultsWords } from './resultsWords';

/** A file name with only letters, digits and dashes (a group or a language's words may hold others). */
function safeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9\u00c0-\u024f]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export interface IExportCsvProps {
  /** The rows shown, read when pressed (the screen as it is then). */
  readonly rows: () => string[][];
  readonly fileName: string;
  /** The view, for the button's description. */
  readonly what: string;
  readonly words: ResultsWords;
  readonly locale: string;
  readonly save: (fileName: string, text: string) => void;
}

export function ExportCsv(props: IExportCsvProps): React.ReactElement {
  return (
    <div className={styles.actions}>
      <Button
        className={styles.target}
        iconName="Download"
        text={props.words.exportCsv}
        description={format(props.words.exportDescription, props.what)}
        onClick={() => props.save(`${safeName(props.fileName)}.csv`, csvOf(props.rows(), csvDelimiterFor(props.locale)))}
      />
    </div>
  );
}
