/**
 * The overview of one group of a round: participation (`72% · 31 of 43`: the rate only where the
 * relay gave one, with who "those asked" are; else how many answered), and once the round's
 * results are out each score with its change since the last round and whether that is more than
 * noise (the core's `changeOf`), then the answers per question behind a button (in the words the
 * relay sent with the round). While the round is open,
 * or closed but not yet published by the survey service, participation only, and when results
 * appear. Its CSV holds exactly the tables shown.
 */
import * as React from 'react';

import type { RoundResults, RoundResultsShown } from '../../core/pulse/results/wire';
import { Button } from '../light/Button';
import { Notice } from '../light/Notice';
import { ExportCsv } from './ExportCsv';
import styles from './PulseResults.module.scss';
import { ResultsTable } from './ResultsTable';
import { overviewOf, overviewRows } from './resultsView';
import type { ResultsWords } from './resultsWords';

export interface IOverviewProps {
  readonly rounds: readonly RoundResults[];
  readonly round: RoundResultsShown;
  readonly groupKey: string;
  readonly words: ResultsWords;
  readonly locale: string;
  /** The round's time is up (it waits for its results to be published), as the device's clock says. */
  readonly closed: boolean;
  readonly save: (fileName: string, text: string) => void;
}

export function Overview(props: IOverviewProps): React.ReactElement {
  const { round, words, locale } = props;
  const [showAnswers, setShowAnswers] = React.useState(false);
  const view = overviewOf(props.rounds, round, props.groupKey, words, locale);
  const toggle = (): void => setShowAnswers(!showAnswers);
  return (
    <div className={styles.section}>
      <h3 className={styles.subheading}>{view.group}</h3>
      <p className={view.participation.withheld ? styles.withheld : undefined} data-testid="participation">
        <strong>{words.participation}: </strong>
        {view.participation.text}
      </p>
      {view.rated && <p className={styles.meta}>{words.rateExplained}</p>}
      {!view.results && <Notice type="info">{props.closed ? words.awaitingPublication : words.roundOpen}</Notice>}
      {view.results && (
        <ResultsTable
          caption={words.figuresCaption}
          columns={[words.measure, words.score, words.change, words.noise]}
          layout="stacked"
          rows={view.measures.map((measure) => ({ key: measure.id, header: measure.label, cells: [measure.score, measure.change, measure.noise] }))}
        />
      )}
      {view.results && view.questions.length > 0 && (
        <div className={styles.actions}>
          <Button className={styles.target} text={showAnswers ? words.hideAnswers : words.showAnswers} aria-expanded={showAnswers} onClick={toggle} />
        </div>
      )}
      {view.results && showAnswers && (
        <div className={styles.section}>
          <h4 className={styles.subheading}>{words.answersPerQuestion}</h4>
          {view.questions.map((question) =>
            'text' in question.rows ? (
              <p key={question.key}>
                <strong>{question.label}: </strong>
                <span className={styles.withheld} data-withheld={question.rows.withheld}>
                  {question.rows.text}
                </span>
              </p>
            ) : (
              <ResultsTable
                key={question.key}
                caption={question.label}
                columns={[words.answer, words.count]}
                layout="stacked"
                rows={question.rows.map((row) => ({ key: row.option, header: row.option, cells: [{ text: row.count }] }))}
              />
            )
          )}
        </div>
      )}
      <ExportCsv
        rows={() => overviewRows(round, view, showAnswers, words)}
        fileName={`${words.fileName}-${round.roundId}-${words.tabs.overview}`}
        what={words.tabs.overview}
        words={words}
        locale={locale}
        save={props.save}
      />
    </div>
  );
}
