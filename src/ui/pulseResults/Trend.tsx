/**
 * A measure of the chosen group across the rounds with results of the chosen round's survey (never
 * another survey's rounds), oldest first, as a table with a bar beside each value (no chart
 * library; the bar is decoration, the value is printed). A round that withheld it leaves a gap
 * that says why.
 */
import * as React from 'react';

import type { MeasureId } from '../../core/pulse/results/aggregate';
import type { RoundResults } from '../../core/pulse/results/wire';
import { format } from '../format';
import { Notice } from '../light/Notice';
import { Select } from '../light/Select';
import styles from './PulseResults.module.scss';
import { ResultsTable } from './ResultsTable';
import { crewsOfRounds, groupLabel, measureLabel, trendMeasures, trendView, type ViewCell } from './resultsView';
import type { ResultsWords } from './resultsWords';

export interface ITrendProps {
  readonly rounds: readonly RoundResults[];
  /** The chosen round: the trend is of its survey. */
  readonly round: RoundResults;
  readonly groupKey: string;
  readonly words: ResultsWords;
  readonly locale: string;
}

/** The bar's length: index 0–100 as is, eNPS −100…100 from its middle. */
function barWidth(measure: MeasureId, value: number): number {
  const share = measure === 'enps' ? (value + 100) / 2 : value;
  return Math.max(0, Math.min(100, share));
}

export function Trend(props: ITrendProps): React.ReactElement {
  const { words, locale } = props;
  const measures = trendMeasures(props.rounds, props.round);
  const [chosen, setChosen] = React.useState<MeasureId | undefined>(undefined);
  const measure = chosen !== undefined && measures.indexOf(chosen) >= 0 ? chosen : measures[0];
  if (measure === undefined) {
    return <Notice type="info">{words.heatmapEmpty}</Notice>;
  }
  const points = trendView(props.rounds, props.round, props.groupKey, measure, words, locale);
  const label = measureLabel(measure, words);
  const decoration = (cell: ViewCell): React.ReactNode =>
    cell.value !== undefined ? <span className={styles.bar} style={{ width: `${barWidth(measure, cell.value)}%` }} aria-hidden={true} /> : null;
  return (
    <div className={styles.section}>
      <Select
        label={words.trendMeasure}
        value={measure}
        options={measures.map((id) => ({ key: id, text: measureLabel(id, words) }))}
        onChange={(key) => setChosen(key as MeasureId)}
      />
      <ResultsTable
        caption={`${format(words.trendCaption, label)} · ${groupLabel(props.groupKey, words, crewsOfRounds(props.rounds))}`}
        columns={[words.round, label]}
        layout="stacked"
        rows={points.map((point) => ({ key: String(point.roundId), header: point.label, cells: [point.cell], decoration }))}
      />
    </div>
  );
}
