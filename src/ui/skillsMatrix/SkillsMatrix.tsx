/**
 * The crew skills matrix for team leaders: the people they lead × stations with I/L/U/O, levels
 * ending soon, expired or lapsed said in words; below, coverage per coming shift from the roster
 * (stations nobody on the shift covers, and stations only one covers). Print (one landscape page,
 * no buttons) and a CSV of exactly what is shown. Each read that fails says which and why, with a
 * 48 px "Try again"; a roster that fails leaves the matrix up.
 */
import * as React from 'react';

import type { ShiftCoverage } from '../../core/learning/coverage';
import { coverageCsvRows } from '../../core/learning/csv';
import type { MatrixCell } from '../../core/learning/matrix';
import { csvDelimiterFor, csvOf } from '../../core/text/csv';
import { SKILL_LEVELS } from '../../core/models/learning';
import { format } from '../format';
import { Button } from '../light/Button';
import { Notice } from '../light/Notice';
import { Spinner } from '../light/Spinner';
import { saveTextFile } from '../light/saveTextFile';
import { useRecoveringLoad } from '../recovery/useRecoveringLoad';
import { shiftWhen } from '../roster/shiftTime';
import { COVERAGE_DAYS, crewCoverage, crewMatrix, type CrewMatrixView, WARN_DAYS } from './crewMatrix';
import { matrixWords, type MatrixWords } from './matrixWords';
import styles from './SkillsMatrix.module.scss';
import { type CrewRosterRead, type LeaderCrews, readFailure, type ReadSource, type SkillsSource } from './types';

export interface ISkillsMatrixProps {
  readonly source: SkillsSource;
  /** The page's language (`en-us`, `nl-nl`, `sv-se`). */
  readonly locale: string;
  /** The plant's (the device's) time zone: days, shifts, expiry. */
  readonly timeZone: string;
  readonly now?: () => Date;
  /** Saves the CSV (a download in the browser). */
  readonly save?: (fileName: string, text: string) => void;
  readonly print?: () => void;
}

type RosterRead = { readonly kind: 'read'; readonly coverage: ShiftCoverage[] } | { readonly kind: 'failed'; readonly error: unknown };
type RosterAnswer = { readonly kind: 'read'; readonly roster: CrewRosterRead } | { readonly kind: 'failed'; readonly error: unknown };

interface Loaded {
  readonly crews: LeaderCrews;
  readonly view?: CrewMatrixView;
  readonly roster: RosterRead;
}

function failureText(error: unknown, words: MatrixWords, fallback: ReadSource): string {
  const { source, code } = readFailure(error, fallback);
  return `${words.failed[source]} ${words.reasons[code]}`;
}

function dayOf(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone }).format(new Date(iso));
}

/**
 * A cell's state in words with the day the level ends ("valid until 7 Dec 2029", "expires 12 Mar
 * 2026"); nothing for no level, or a valid one that does not end.
 */
function stateText(cell: MatrixCell, words: MatrixWords, locale: string, timeZone: string): string | undefined {
  if (cell.state === 'none' || (cell.state === 'valid' && !cell.validUntil)) {
    return undefined;
  }
  return format(words.states[cell.state], cell.validUntil ? dayOf(cell.validUntil, locale, timeZone) : '');
}

/** The cell as the screen shows it, for the CSV: the letter and its state in words. */
function cellText(cell: MatrixCell, words: MatrixWords, locale: string, timeZone: string): string {
  if (!cell.level) {
    return '';
  }
  const state = stateText(cell, words, locale, timeZone);
  return state ? `${cell.level}, ${state}` : cell.level;
}

/** The roster over the coming days, its failure kept as a value (the matrix stays up without it). */
function rosterOf(source: SkillsSource, teamIds: readonly string[], now: Date): Promise<RosterAnswer> {
  const range = { start: now, end: new Date(now.getTime() + COVERAGE_DAYS * 86_400_000) };
  return source.roster(teamIds, range).then(
    (roster): RosterAnswer => ({ kind: 'read', roster }),
    (error: unknown): RosterAnswer => ({ kind: 'failed', error })
  );
}

function coverageOf(answer: RosterAnswer, view: CrewMatrixView, now: Date, timeZone: string): RosterRead {
  return answer.kind === 'read' ? { kind: 'read', coverage: crewCoverage(view, answer.roster, now, timeZone) } : answer;
}

function sameTeams(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.indexOf(id) >= 0);
}

/**
 * The levels and the roster need the leader's teams, which the directory answers: on a first
 * visit they are read side by side once it has. A returning leader's device kept the teams, so
 * both are asked with the directory (one round of requests) and used when the teams are still
 * the same; otherwise they are read again for the teams named now.
 */
async function load(source: SkillsSource, now: Date, timeZone: string): Promise<Loaded> {
  const kept = source.lastTeams?.();
  const early =
    kept && kept.length > 0 ? { teamIds: kept, skills: source.skills(kept), roster: rosterOf(source, kept, now) } : undefined;
  // Not used when the teams changed: a failure there is nobody's to show.
  early?.skills.catch(() => undefined);
  const crews = await source.crews();
  const teamIds = crews.teams.map((t) => t.id);
  source.rememberTeams?.(teamIds);
  if (crews.reports.length === 0) {
    // Nobody led: nothing of anyone is shown.
    return { crews, roster: { kind: 'read', coverage: [] } };
  }
  const reads = early && sameTeams(early.teamIds, teamIds) ? early : { skills: source.skills(teamIds), roster: rosterOf(source, teamIds, now) };
  const [read, roster] = await Promise.all([reads.skills, reads.roster]);
  const view = crewMatrix(crews, read.skills, now, timeZone);
  return { crews, view, roster: coverageOf(roster, view, now, timeZone) };
}

export function SkillsMatrix(props: ISkillsMatrixProps): React.ReactElement {
  const { source, locale, timeZone } = props;
  const words = matrixWords(locale);
  const clock = props.now ?? (() => new Date());
  const read = React.useCallback(() => load(source, clock(), timeZone), [source, timeZone]); // eslint-disable-line react-hooks/exhaustive-deps
  const { state, reload, update } = useRecoveringLoad(read, 'Loading the skills matrix');

  const heading = <h2 className={styles.heading}>{words.heading}</h2>;
  if (state.kind === 'loading') {
    return (
      <section className={styles.matrix}>
        {heading}
        <Spinner label={words.loading} />
      </section>
    );
  }
  if (state.kind === 'failed') {
    return (
      <section className={styles.matrix}>
        {heading}
        <Notice type="error">{failureText(state.error, words, 'skills')}</Notice>
        <Button className={`${styles.target} ${styles.noPrint}`} text={words.tryAgain} onClick={() => reload()} />
      </section>
    );
  }
  const { view, crews, roster } = state.data;
  if (!view) {
    return (
      <section className={styles.matrix}>
        {heading}
        <p className={styles.intro}>{words.noPeople}</p>
      </section>
    );
  }
  const { matrix } = view;
  const personName = (directoryId: string): string => view.names.get(directoryId) ?? '';
  const stationName = (code: string): string => matrix.stations.find((s) => s.code === code)?.name ?? code;
  const crewName = (crewId: string | undefined): string => crews.teams.find((t) => t.id === crewId)?.name ?? '';
  const tryRosterAgain = (): void => {
    const now = clock();
    rosterOf(
      source,
      crews.teams.map((t) => t.id),
      now
    ).then(
      (next) => update((loaded) => ({ ...loaded, roster: coverageOf(next, view, now, timeZone) })),
      () => undefined
    );
  };

  const csvRows = (): string[][] => {
    const rows: string[][] = [[words.person, ...matrix.stations.map((s) => s.name)]];
    matrix.rows.forEach((row) => rows.push([row.person.displayName, ...row.cells.map((cell) => cellText(cell, words, locale, timeZone))]));
    if (roster.kind === 'read') {
      rows.push([]);
      const gaps = coverageCsvRows(roster.coverage, { headers: words.csvCoverage, nobody: words.csvNobody, single: words.csvSingle }, { crew: crewName, station: stationName, person: personName }, timeZone);
      rows.push(...gaps);
    }
    return rows;
  };

  return (
    <section className={styles.matrix}>
      {heading}
      <p className={styles.intro}>{format(words.intro, WARN_DAYS)}</p>
      <div className={`${styles.toolbar} ${styles.noPrint}`}>
        <Button
          className={styles.target}
          iconName="Download"
          text={words.exportCsv}
          description={words.exportDescription}
          onClick={() => (props.save ?? saveTextFile)(`${words.fileName}.csv`, csvOf(csvRows(), csvDelimiterFor(locale)))}
        />
        <Button className={styles.target} iconName="Print" text={words.printButton} onClick={() => (props.print ?? (() => window.print()))()} />
      </div>
      {matrix.stations.length === 0 ? (
        <p>{words.noStations}</p>
      ) : (
        <div className={styles.scroller} role="region" aria-label={words.matrixCaption} tabIndex={0}>
          <table className={styles.table}>
            <caption>{words.matrixCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{words.person}</th>
                {matrix.stations.map((station) => (
                  <th scope="col" key={station.code}>
                    {station.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.rows.map((row, index) => (
                <tr key={`${row.person.id}`}>
                  <th scope="row" className={styles.name}>
                    {row.person.displayName} {index === view.leaderRow ? words.you : ''}
                  </th>
                  {row.cells.map((cell) => {
                    const stateWords = stateText(cell, words, locale, timeZone);
                    const ended = cell.state === 'expired' || cell.state === 'lapsed';
                    return (
                      <td key={cell.station} className={cell.state === 'expiring' ? styles.expiring : undefined}>
                        {cell.level ? (
                          <>
                            <span className={`${styles.level} ${ended ? styles.ended : ''}`} aria-hidden="true">
                              {cell.level}
                            </span>
                            <span className={styles.hidden}>{words.levels[cell.level]}</span>
                            {stateWords && <span className={styles.state}>{stateWords}</span>}
                          </>
                        ) : (
                          <>
                            <span aria-hidden="true">–</span>
                            <span className={styles.hidden}>{words.noLevel}</span>
                          </>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className={styles.legend}>{SKILL_LEVELS.map((level) => `${level} ${words.levels[level]}`).join(' · ')}</p>
      <h3 className={styles.subheading}>{words.coverageHeading}</h3>
      <p className={styles.intro}>{format(words.coverageIntro, COVERAGE_DAYS)}</p>
      {roster.kind === 'failed' ? (
        <>
          <Notice type="error">{failureText(roster.error, words, 'roster')}</Notice>
          <Button className={`${styles.target} ${styles.noPrint}`} text={words.tryAgain} onClick={tryRosterAgain} />
        </>
      ) : roster.coverage.length === 0 ? (
        <p>{words.noShifts}</p>
      ) : (
        <ul className={styles.shifts}>
          {roster.coverage.map((item) => {
            const now = clock();
            return (
              <li key={`${item.shift.crewId ?? ''}|${item.shift.start}`} className={styles.shift}>
                <p className={styles.when}>
                  {shiftWhen(new Date(item.shift.start), new Date(item.shift.end), { locale, timeZone }, now)}
                  {crewName(item.shift.crewId) ? ` · ${crewName(item.shift.crewId)}` : ''}
                </p>
                {item.uncovered.length === 0 && item.single.length === 0 ? (
                  <p className={styles.intro}>{words.covered}</p>
                ) : (
                  <ul className={styles.gaps}>
                    {item.uncovered.length > 0 && <li>{format(words.uncovered, item.uncovered.map(stationName).join(', '))}</li>}
                    {item.single.map((gap) => (
                      <li key={gap.station}>{format(words.single, stationName(gap.station), personName(gap.personId))}</li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
