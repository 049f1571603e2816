/**
 * The heatmap of a round: groups (site, line, crew, shift pattern, employment type, years of
 * service, and the "other" groups) × participation and the measures. Every cell prints its score
 * or, withheld, its reason in words (never a number, never a blank); the score band behind a value
 * is a second signal, not the only one. Participation is the group's rate where the relay gave one
 * (`72% · 31 of 43`), else how many answered. A group the page knows of that the release leaves out
 * shows as too few to show. The table scrolls inside its own region on a phone; the reasons used
 * and who "those asked" are are explained below it. Its CSV holds exactly the table shown.
 */
import * as React from 'react';

import type { WithheldReason } from '../../core/pulse/results/types';
import type { ResultsViewerBody, RoundResultsShown } from '../../core/pulse/results/wire';
import { Notice } from '../light/Notice';
import { ExportCsv } from './ExportCsv';
import styles from './PulseResults.module.scss';
import { ResultsTable } from './ResultsTable';
import { heatmapRows, heatmapView } from './resultsView';
import type { ResultsWords } from './resultsWords';

export interface IHeatmapProps {
  readonly round: RoundResultsShown;
  readonly viewer: ResultsViewerBody;
  readonly words: ResultsWords;
  readonly locale: string;
  readonly save: (fileName: string, text: string) => void;
}

const REASONS: readonly WithheldReason[] = ['tooFew', 'protectsAnother', 'fewAnswers', 'roundOpen', 'changedSincePublished'];

export function Heatmap(props: IHeatmapProps): React.ReactElement {
  const { round, words, locale } = props;
  const view = heatmapView(round, props.viewer, words, locale);
  if (view.rows.length === 0 || view.columns.length === 0) {
    return <Notice type="info">{words.heatmapEmpty}</Notice>;
  }
  const used = REASONS.filter((reason) => view.rows.some((row) => row.cells.some((cell) => cell.withheld === reason)));
  return (
    <div className={styles.section}>
      <ResultsTable
        caption={words.heatmapCaption}
        columns={[words.group, words.participation, ...view.columns.map((column) => column.label)]}
        layout="scroll"
        // The participation column has no score band; the measures' follow.
        colour={(index) => (index === 0 ? undefined : view.columns[index - 1]?.id === 'enps' ? 'enps' : 'index')}
        rows={view.rows.map((row) => ({ key: row.key, header: row.label, cells: [row.participation, ...row.cells] }))}
      />
      {view.rated && <p className={styles.meta}>{words.rateExplained}</p>}
      {used.length > 0 && (
        <div className={styles.section}>
          <h4 className={styles.subheading}>{words.withheldKey}</h4>
          <dl className={styles.key}>
            {used.map((reason) => (
              <React.Fragment key={reason}>
                <dt>{words.withheld[reason]}</dt>
                <dd>{words.withheldLong[reason]}</dd>
              </React.Fragment>
            ))}
          </dl>
        </div>
      )}
      <ExportCsv
        rows={() => heatmapRows(round, view, words)}
        fileName={`${words.fileName}-${round.roundId}-${words.tabs.heatmap}`}
        what={words.tabs.heatmap}
        words={words}
        locale={locale}
        save={props.save}
      />
    </div>
  );
}
