/**
 * What the Pulse results part shows, as plain tables of words, from what the relay released:
 * the screens render these tables and the CSV export writes the same ones, so the file holds
 * exactly what the screen shows. Nothing here computes a figure: values, withheld reasons,
 * change and noise come from the release and the results core (`heatmapOf`, `changeOf`,
 * `trendOf`); this only picks, orders and puts them into words.
 *
 * A withheld figure is shown as its reason in words, never as a number and never as a blank. A
 * group the page knows of (the release's org tree, a leader's own crews) that the release does not
 * list is shown as too few to show (the relay leaves small groups out, `wire.ts`).
 */
import type { MeasureId } from '../../core/pulse/results/aggregate';
import { type CellKey, type Filter, parseCellKey, PLANT, RESULT_DIMENSIONS, type ResultDimension, cellKey } from '../../core/pulse/results/cells';
import { changeOf, trendOf } from '../../core/pulse/results/change';
import { isWithheld, type MeasureFigure, type MeasureValue, type QuestionFigure, type QuestionValue } from '../../core/pulse/results/figures';
import { heatmapOf } from '../../core/pulse/results/heatmap';
import type { GroupResult, ParticipationResult } from '../../core/pulse/results/release';
import type { ResultsQuestion, WithheldReason } from '../../core/pulse/results/types';
import { isRefused, type PulseResultsBody, type ResultsViewerBody, type RoundResults, type RoundResultsShown, type WireRelease } from '../../core/pulse/results/wire';
import { format, formatCount } from '../format';
import type { RefusalCheck, ResultsWords } from './resultsWords';

/** A cell of a shown table: its words, and the value or reason behind them (for colour and styling). */
export interface ViewCell {
  readonly text: string;
  readonly value?: number;
  readonly withheld?: WithheldReason;
}

const REFUSAL_CHECKS: readonly RefusalCheck[] = ['answersMissing', 'answersExtra', 'boxEditedByOthers', 'pending', 'publicationTampered', 'thresholdsRemoved'];

/** A refused round's check in words (HR only); undefined for a check the part does not know. */
export function checkText(check: string | undefined, words: ResultsWords): string | undefined {
  return check !== undefined && (REFUSAL_CHECKS as readonly string[]).indexOf(check) >= 0 ? words.checks[check as RefusalCheck] : undefined;
}

/** The rounds newest first (by when they opened; the relay's order where that is equal). */
export function roundsNewestFirst(body: PulseResultsBody): RoundResults[] {
  return body.rounds
    .map((round, index) => ({ round, index }))
    .sort((a, b) => (Date.parse(b.round.opensAt) || 0) - (Date.parse(a.round.opensAt) || 0) || a.index - b.index)
    .map((entry) => entry.round);
}

export function hasResults(round: RoundResults): round is RoundResultsShown {
  return !isRefused(round) && round.release.availability === 'results';
}

/** The round shown first: the newest with results, else the newest. */
export function firstRound(rounds: readonly RoundResults[]): RoundResults | undefined {
  return rounds.find(hasResults) ?? rounds[0];
}

/** A day in the page's language (`7 Dec 2026`). */
export function dayText(iso: string, locale: string): string {
  const time = Date.parse(iso);
  if (isNaN(time)) {
    return iso;
  }
  try {
    return new Date(time).toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' });
  } catch {
    return new Date(time).toISOString().slice(0, 10);
  }
}

function wholeNumber(value: number, locale: string): string {
  const rounded = Math.round(value);
  try {
    return (rounded === 0 ? 0 : rounded).toLocaleString(locale, { maximumFractionDigits: 0 });
  } catch {
    return String(rounded === 0 ? 0 : rounded);
  }
}

/** A score as shown: a whole number (index 0–100, eNPS −100…100). */
export function scoreText(value: number, locale: string): string {
  return wholeNumber(value, locale);
}

/** A change as shown: signed whole points (`+4`, `−3`, `0`). */
export function changeText(delta: number, locale: string): string {
  const shown = wholeNumber(delta, locale);
  return Math.round(delta) > 0 ? `+${shown}` : shown;
}

export function measureLabel(id: MeasureId, words: ResultsWords): string {
  if (id === 'engagement') {
    return words.measures.engagement;
  }
  if (id === 'enps') {
    return words.measures.enps;
  }
  return words.drivers[id] ?? id;
}

/** The rosters' crews by key (`RoundResultsShown.crews`): a crew is named by its Teams name where known. */
export type CrewsByKey = NonNullable<RoundResultsShown['crews']>;

/** Every round's crews in one map (the newest round's name of a crew wins). */
export function crewsOfRounds(rounds: readonly RoundResults[]): CrewsByKey {
  const out: { [crew: string]: CrewsByKey[string] } = {};
  rounds
    .slice()
    .reverse()
    .forEach((round) => {
      const crews = 'crews' in round ? round.crews ?? {} : {};
      Object.keys(crews).forEach((crew) => {
        out[crew] = { ...out[crew], ...crews[crew] };
      });
    });
  return out;
}

function valueText(dimension: ResultDimension, value: string, words: ResultsWords, crews?: CrewsByKey): string {
  if (value === 'unknown' || value === '') {
    return words.unknownValue;
  }
  if (dimension === 'crew') {
    return crews?.[value]?.name ?? value;
  }
  if (dimension === 'employmentType') {
    return words.employmentTypes[value.toLowerCase()] ?? value;
  }
  if (dimension === 'tenureBand') {
    return words.tenureBands[value] ?? value;
  }
  return value;
}

/** One filter in words: "Crew B2", "Agency staff", "3 to 10 years". */
export function filterLabel(filter: Filter, words: ResultsWords, crews?: CrewsByKey): string {
  const value = valueText(filter.dimension, filter.value, words, crews);
  return filter.dimension === 'employmentType' || filter.dimension === 'tenureBand' ? value : format(words.filter, words.dimensions[filter.dimension], value);
}

function otherOf(key: string): { readonly dimension: ResultDimension; readonly parent: CellKey } | undefined {
  const match = /^other:([A-Za-z]+):(.*)$/.exec(key);
  if (!match || (RESULT_DIMENSIONS as readonly string[]).indexOf(match[1]) < 0) {
    return undefined;
  }
  return { dimension: match[1] as ResultDimension, parent: match[2] };
}

/** A group in words: the plant, one or two filters, or the "other" group of a parent. */
export function groupLabel(key: string, words: ResultsWords, crews?: CrewsByKey): string {
  if (key === PLANT) {
    return words.plant;
  }
  const other = otherOf(key);
  if (other) {
    return format(words.otherGroup, words.otherOf[other.dimension], groupLabel(other.parent, words, crews));
  }
  const filters = parseCellKey(key);
  return filters ? filters.map((filter) => filterLabel(filter, words, crews)).join(' · ') : key;
}

/** Who the figures are for, in words. */
export function viewerText(viewer: ResultsViewerBody, words: ResultsWords, crews?: CrewsByKey): string {
  if (viewer.role === 'hr') {
    return words.seeingHr;
  }
  if (viewer.role === 'leader') {
    return format(words.seeingLeader, viewer.leads.map((led) => valueText(led.dimension, led.value, words, crews)).join(', '));
  }
  return words.seeingEmployee;
}

function dimensionRank(dimension: ResultDimension): number {
  return RESULT_DIMENSIONS.indexOf(dimension);
}

/** The groups of a release to choose from, the plant first, then by dimension and name. */
export function groupChoices(release: WireRelease, words: ResultsWords, crews?: CrewsByKey): { readonly key: string; readonly text: string }[] {
  const entries = release.groups.map((group) => {
    const other = otherOf(group.key);
    const filters = other ? parseCellKey(other.parent) ?? [] : group.filters;
    const rank = group.key === PLANT ? -1 : filters.length * 10 + (filters[0] ? dimensionRank(filters[0].dimension) : 0) + (other ? 5 : 0);
    return { key: group.key, text: groupLabel(group.key, words, crews), rank };
  });
  return entries.sort((a, b) => a.rank - b.rank || a.text.localeCompare(b.text)).map(({ key, text }) => ({ key, text }));
}

export function groupOf(release: WireRelease, key: string): GroupResult | undefined {
  return release.groups.find((group) => group.key === key);
}

function participationOf(release: WireRelease, key: string): ParticipationResult | undefined {
  return release.participation.find((entry) => entry.key === key);
}

/**
 * A share as a whole percentage in the page's language (`72%`, `72 %` in Swedish): 100% only
 * when everyone answered, 0% only when nobody did.
 */
export function percentText(share: number, locale: string): string {
  let whole = Math.round(share * 100);
  if (whole === 100 && share < 1) {
    whole = 99;
  } else if (whole === 0 && share > 0) {
    whole = 1;
  }
  try {
    return (whole / 100).toLocaleString(locale, { style: 'percent', maximumFractionDigits: 0 });
  } catch {
    return `${whole}%`;
  }
}

/** Whether the release gives the group's participation rate (the relay's, against who was asked). */
export function hasRate(release: WireRelease, key: string): boolean {
  const entry = participationOf(release, key);
  return entry !== undefined && 'rate' in entry && entry.rate !== undefined;
}

/**
 * Participation of a group in words: its rate as the relay gave it, with how many answered of how
 * many were asked (`72% · 31 of 43`); where the release gives no rate, how many answered; a
 * withheld group, the reason. Nothing is worked out here.
 */
export function participationText(release: WireRelease, key: string, words: ResultsWords, locale: string): ViewCell {
  const entry = participationOf(release, key);
  if (!entry) {
    // An "other" group has no participation entry of its own: its figures carry its respondents.
    const group = groupOf(release, key);
    if (group && !('withheld' in group)) {
      return { text: formatCount(locale, group.figures.respondents, words.respondents), value: group.figures.respondents };
    }
    const reason: WithheldReason = group && 'withheld' in group ? group.withheld : 'tooFew';
    return { text: words.withheld[reason], withheld: reason };
  }
  if ('withheld' in entry) {
    return { text: words.withheld[entry.withheld], withheld: entry.withheld };
  }
  if (entry.rate !== undefined && entry.audience !== undefined) {
    return { text: format(words.rateOf, percentText(entry.rate, locale), wholeNumber(entry.respondents, locale), wholeNumber(entry.audience, locale)), value: entry.respondents };
  }
  return { text: formatCount(locale, entry.respondents, words.respondents), value: entry.respondents };
}

function measureOfGroup(group: GroupResult | undefined, id: MeasureId): MeasureFigure | undefined {
  return group && !('withheld' in group) ? group.figures.measures.find((measure) => measure.id === id) : undefined;
}

function figureCell(group: GroupResult | undefined, figure: MeasureFigure | undefined, words: ResultsWords, locale: string): ViewCell {
  if (!group) {
    return { text: words.withheld.tooFew, withheld: 'tooFew' };
  }
  if ('withheld' in group) {
    return { text: words.withheld[group.withheld], withheld: group.withheld };
  }
  if (!figure) {
    return { text: words.withheld.fewAnswers, withheld: 'fewAnswers' };
  }
  if (isWithheld(figure)) {
    return { text: words.withheld[figure.withheld], withheld: figure.withheld };
  }
  const value = (figure as MeasureValue).value;
  return { text: scoreText(value, locale), value };
}

/** The rounds of `round`'s survey that show results, in the order given: a trend or a change never mixes surveys. */
function surveyRounds(rounds: readonly RoundResults[], round: RoundResults): RoundResultsShown[] {
  return rounds.filter((candidate): candidate is RoundResultsShown => hasResults(candidate) && candidate.surveyId === round.surveyId);
}

/** The round of the same survey before `round` that shows results (rounds newest first). */
export function previousRound(rounds: readonly RoundResults[], round: RoundResults): RoundResultsShown | undefined {
  return surveyRounds(rounds.slice(rounds.indexOf(round) + 1), round)[0];
}

export interface MeasureRow {
  readonly id: MeasureId;
  readonly label: string;
  readonly score: ViewCell;
  readonly change: string;
  readonly noise: string;
}

export interface DistributionRow {
  readonly option: string;
  readonly count: string;
}

export interface QuestionView {
  readonly key: string;
  readonly label: string;
  /** Count per option, or the reason the distribution is withheld. */
  readonly rows: readonly DistributionRow[] | ViewCell;
}

export interface OverviewView {
  readonly group: string;
  readonly participation: ViewCell;
  /** The participation shown is a rate (say who "those asked" are). */
  readonly rated: boolean;
  /** False while the round shows participation only (open, or not yet published). */
  readonly results: boolean;
  readonly measures: readonly MeasureRow[];
  readonly questions: readonly QuestionView[];
}

/**
 * A question's words in the page's language (`nl-nl`), the same language of another region
 * (`nl-be` reads `nl-nl`), English; else its driver and key. The relay sends the words with the
 * round (`ResultsQuestion.texts`), so nothing is read for them.
 */
export function questionText(question: ResultsQuestion, words: ResultsWords, locale: string): string {
  const texts = question.texts ?? {};
  const tag = locale.toLowerCase();
  const tags = Object.keys(texts).filter((candidate) => (texts[candidate] ?? '').trim() !== '');
  const inLanguage = (language: string): string | undefined => tags.find((candidate) => candidate.toLowerCase().split('-')[0] === language);
  const chosen = tags.find((candidate) => candidate.toLowerCase() === tag) ?? inLanguage(tag.split('-')[0]) ?? inLanguage('en');
  return chosen !== undefined ? (texts[chosen] as string) : format(words.questionFallback, measureLabel(question.driver, words), question.key);
}

function distributionRows(question: ResultsQuestion, figure: QuestionValue, words: ResultsWords, locale: string): DistributionRow[] {
  const lowest = question.kind === 'enps11' ? 0 : 1;
  return figure.distribution.map((count, index) => {
    const option = lowest + index;
    const label = question.kind === 'enps11' ? format(words.enpsOption, option) : words.likert[index] ?? String(option);
    return { option: label, count: wholeNumber(count, locale) };
  });
}

function questionView(question: ResultsQuestion, group: GroupResult | undefined, words: ResultsWords, locale: string): QuestionView {
  const label = questionText(question, words, locale);
  if (!group || 'withheld' in group) {
    const reason: WithheldReason = group && 'withheld' in group ? group.withheld : 'tooFew';
    return { key: question.key, label, rows: { text: words.withheld[reason], withheld: reason } };
  }
  const figure: QuestionFigure | undefined = group.figures.questions.find((candidate) => candidate.key === question.key);
  if (!figure || isWithheld(figure)) {
    const reason: WithheldReason = figure ? figure.withheld : 'fewAnswers';
    return { key: question.key, label, rows: { text: words.withheld[reason], withheld: reason } };
  }
  return { key: question.key, label, rows: distributionRows(question, figure as QuestionValue, words, locale) };
}

/** The overview of one group of a round: participation, then (closed) scores with change, and answers per question. */
export function overviewOf(
  rounds: readonly RoundResults[],
  round: RoundResultsShown,
  key: string,
  words: ResultsWords,
  locale: string
): OverviewView {
  const release = round.release;
  const participation = participationText(release, key, words, locale);
  const rated = hasRate(release, key);
  const results = release.availability === 'results';
  if (!results) {
    return { group: groupLabel(key, words, crewsOfRounds(rounds)), participation, rated, results, measures: [], questions: [] };
  }
  const group = groupOf(release, key);
  const before = previousRound(rounds, round);
  const earlier = before ? groupOf(before.release, key) : undefined;
  const measures = release.measureIds.map((id): MeasureRow => {
    const figure = measureOfGroup(group, id);
    const score = figureCell(group, figure, words, locale);
    const change = before ? changeOf(measureOfGroup(earlier, id), figure) : undefined;
    // No change where this round shows no score; where the last round did not show it, say so.
    const noChange = score.withheld ? '–' : before ? words.notComparable : words.noChange;
    return {
      id,
      label: measureLabel(id, words),
      score,
      change: change ? changeText(change.deltaValue, locale) : noChange,
      noise: change ? words.directions[change.direction] : '–'
    };
  });
  const questions = round.questions.filter((question) => question.kind !== 'text').map((question) => questionView(question, group, words, locale));
  return { group: groupLabel(key, words, crewsOfRounds(rounds)), participation, rated, results, measures, questions };
}

/** The overview as rows for a CSV file: exactly the tables the screen shows (answers only when opened). */
export function overviewRows(round: RoundResults, view: OverviewView, showAnswers: boolean, words: ResultsWords): string[][] {
  const rows: string[][] = [[words.round, round.title], [words.group, view.group], [words.participation, view.participation.text]];
  if (!view.results) {
    return rows;
  }
  rows.push([], [words.measure, words.score, words.change, words.noise]);
  view.measures.forEach((measure) => rows.push([measure.label, measure.score.text, measure.change, measure.noise]));
  if (showAnswers) {
    rows.push([], [words.questionLabel, words.answer, words.count]);
    view.questions.forEach((question) => {
      if ('text' in question.rows) {
        rows.push([question.label, question.rows.text, '']);
      } else {
        question.rows.forEach((row) => rows.push([question.label, row.option, row.count]));
      }
    });
  }
  return rows;
}

export interface HeatmapRowView {
  readonly key: string;
  readonly label: string;
  readonly dimension: ResultDimension;
  readonly other: boolean;
  /** The group's participation (`participationText`): its rate where the release gives one. */
  readonly participation: ViewCell;
  /** One per measure column. */
  readonly cells: readonly ViewCell[];
}

export interface HeatmapView {
  readonly columns: readonly { readonly id: MeasureId; readonly label: string }[];
  readonly rows: readonly HeatmapRowView[];
  /** Some row's participation is a rate (say who "those asked" are). */
  readonly rated: boolean;
}

/** The groups the page knows of in the release's org tree, and a leader's own crews. */
function knownGroups(release: WireRelease, viewer: ResultsViewerBody, crews: CrewsByKey = {}): Filter[] {
  const known: Filter[] = [];
  const seen = new Set<string>();
  const add = (filter: Filter): void => {
    const key = cellKey([filter]);
    if (!seen.has(key)) {
      seen.add(key);
      known.push(filter);
    }
  };
  Object.keys(release.org.siteOfLine).forEach((line) => {
    add({ dimension: 'site', value: release.org.siteOfLine[line] });
    add({ dimension: 'line', value: line });
  });
  Object.keys(release.org.lineOfCrew).forEach((crew) => add({ dimension: 'crew', value: crew }));
  // The crews the rosters knew, answered or not: one missing from the release is too small to show.
  Object.keys(crews).forEach((crew) => add({ dimension: 'crew', value: crew }));
  viewer.leads.forEach(add);
  return known;
}

/** The heatmap: groups × measures, withheld cells as their reason, known groups missing from the release as too few. */
export function heatmapView(round: RoundResultsShown, viewer: ResultsViewerBody, words: ResultsWords, locale: string): HeatmapView {
  const release = round.release;
  // heatmapOf reads the groups and measures only; the published counts stay with the relay.
  const map = heatmapOf({ ...release, published: {} });
  const crews = round.crews ?? {};
  const rows: (HeatmapRowView & { rank: number })[] = map.rows.map((row) => ({
    key: row.key,
    label: groupLabel(row.key, words, crews),
    dimension: row.dimension,
    other: row.other,
    rank: dimensionRank(row.dimension) * 2 + (row.other ? 1 : 0),
    participation: participationText(release, row.key, words, locale),
    cells: row.cells.map((cell) =>
      'withheld' in cell ? { text: words.withheld[cell.withheld], withheld: cell.withheld } : { text: scoreText(cell.value, locale), value: cell.value }
    )
  }));
  const listed = new Set(rows.map((row) => row.key));
  knownGroups(release, viewer, crews).forEach((filter) => {
    const key = cellKey([filter]);
    if (!listed.has(key)) {
      listed.add(key);
      rows.push({
        key,
        label: filterLabel(filter, words, crews),
        dimension: filter.dimension,
        other: false,
        rank: dimensionRank(filter.dimension) * 2,
        participation: { text: words.withheld.tooFew, withheld: 'tooFew' },
        cells: map.measures.map(() => ({ text: words.withheld.tooFew, withheld: 'tooFew' as WithheldReason }))
      });
    }
  });
  rows.sort((a, b) => a.rank - b.rank || a.label.localeCompare(b.label));
  return {
    columns: map.measures.map((id) => ({ id, label: measureLabel(id, words) })),
    rows: rows.map((row) => ({ key: row.key, label: row.label, dimension: row.dimension, other: row.other, participation: row.participation, cells: row.cells })),
    rated: rows.some((row) => hasRate(release, row.key))
  };
}

/** The heatmap as rows for a CSV file: the header, then one row per group (participation, then the measures), as shown. */
export function heatmapRows(round: RoundResults, view: HeatmapView, words: ResultsWords): string[][] {
  return [
    [words.round, round.title],
    [words.group, words.participation, ...view.columns.map((column) => column.label)],
    ...view.rows.map((row) => [row.label, row.participation.text, ...row.cells.map((cell) => cell.text)])
  ];
}

export interface TrendPointView {
  readonly roundId: number;
  readonly label: string;
  readonly cell: ViewCell;
}

/**
 * A measure of a group across the rounds with results of `round`'s survey, oldest first; a gap
 * where a round did not show it. Another survey's rounds (a crew check-in beside the monthly pulse)
 * ask other people other questions, so they are no points of it.
 */
export function trendView(rounds: readonly RoundResults[], round: RoundResults, key: string, measure: MeasureId, words: ResultsWords, locale: string): TrendPointView[] {
  const shown = surveyRounds(rounds, round).reverse();
  const points = trendOf(shown.map((each) => ({ roundId: each.roundId, measure: measureOfGroup(groupOf(each.release, key), measure) })));
  return points.map((point, index) => {
    const each = shown[index];
    const label = format(words.roundOption, each.title, dayText(each.closesAt, locale));
    if (point.value === undefined) {
      const cell = figureCell(groupOf(each.release, key), measureOfGroup(groupOf(each.release, key), measure), words, locale);
      return { roundId: point.roundId, label, cell: cell.withheld ? cell : { text: words.trendGap } };
    }
    return { roundId: point.roundId, label, cell: { text: scoreText(point.value, locale), value: point.value } };
  });
}

/** The measures any round with results of `round`'s survey shows, in the newest round's order. */
export function trendMeasures(rounds: readonly RoundResults[], round: RoundResults): MeasureId[] {
  const ids: MeasureId[] = [];
  surveyRounds(rounds, round).forEach((shown) =>
    shown.release.measureIds.forEach((id) => {
      if (ids.indexOf(id) < 0) {
        ids.push(id);
      }
    })
  );
  return ids;
}

export interface CommentView {
  readonly questionKey: string;
  readonly question: string;
  readonly text: string;
  /** The comment's thread (replies), when the relay gave one. */
  readonly threadId?: string;
}

export interface CommentListView {
  readonly key: string;
  readonly label: string;
  readonly comments: readonly CommentView[] | ViewCell;
}

/** The comment lists of a round, plant first, then sites, lines and crews, each as released (already shuffled). */
export function commentLists(round: RoundResultsShown, words: ResultsWords, locale: string): CommentListView[] {
  const questionOf = (key: string): string => {
    const question = round.questions.find((candidate) => candidate.key === key);
    return question ? questionText(question, words, locale) : key;
  };
  const depth = (key: string): number => {
    const filters = key === PLANT ? [] : parseCellKey(key) ?? [];
    return filters.length === 0 ? -1 : dimensionRank(filters[0].dimension);
  };
  return round.release.comments
    .slice()
    .sort((a, b) => depth(a.key) - depth(b.key) || groupLabel(a.key, words, round.crews).localeCompare(groupLabel(b.key, words, round.crews)))
    .map((list) => ({
      key: list.key,
      label: groupLabel(list.key, words, round.crews),
      comments:
        'withheld' in list
          ? { text: words.withheld[list.withheld], withheld: list.withheld }
          : list.comments.map(
              (comment): CommentView => ({
                questionKey: comment.questionKey,
                question: questionOf(comment.questionKey),
                text: comment.text,
                ...(comment.threadId !== undefined ? { threadId: comment.threadId } : {})
              })
            )
    }));
}
