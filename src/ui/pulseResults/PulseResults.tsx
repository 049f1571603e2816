/**
 * Pulse results for HR and team leaders (and the plant's figures for everyone else): what the
 * relay released to the signed-in person, never a figure the page worked out. Loading, then:
 *
 * - the round picker (the latest rounds, newest first) and whom the figures are for (the whole
 *   plant for HR; a leader's crews; the plant for an employee);
 * - a refused round says why in plain words (HR also reads what the check found);
 * - an open round shows participation only, and that results appear when it closes; a closed one
 *   not yet published by the survey service, that they appear once it has;
 * - a round with results: Overview, Heatmap, Trend and Comments (an employee: Overview and Trend
 *   of the plant), each table exportable as CSV exactly as shown.
 *
 * A failed load says why in the page's language with "Try again", and loads again by itself
 * (`useRecoveringLoad`). The questions' words come with the results (the relay reads them with the
 * round), so the first render asks the relay alone.
 */
import * as React from 'react';

import { PLANT } from '../../core/pulse/results/cells';
import { isRefused, type PulseResultsBody, PulseResultsError, type PulseResultsSource, type RoundResults, type RoundResultsShown } from '../../core/pulse/results/wire';
import { format } from '../format';
import { Button } from '../light/Button';
import { Notice } from '../light/Notice';
import { Select } from '../light/Select';
import { Spinner } from '../light/Spinner';
import { Tabs, type ITab } from '../light/Tabs';
import { useRecoveringLoad } from '../recovery/useRecoveringLoad';
import { Comments } from './comments/Comments';
import { saveTextFile } from '../light/saveTextFile';
import { Heatmap } from './Heatmap';
import { Overview } from './Overview';
import styles from './PulseResults.module.scss';
import { checkText, type CommentView, crewsOfRounds, dayText, firstRound, groupChoices, roundsNewestFirst, viewerText } from './resultsView';
import { type ResultsWords, resultsWords } from './resultsWords';
import { Trend } from './Trend';

/** A released comment a writer makes a plan of ("Make a plan" under it). */
export interface PlanFromComment {
  readonly roundId: number;
  /** The list it was shown in: the plan's group. */
  readonly groupKey: string;
  readonly threadId: string;
  readonly text: string;
}

/** What the plans tab is given: the rounds shown, the chosen round and group, the groups offered, who reads. */
export interface PlansView {
  readonly rounds: readonly RoundResults[];
  readonly round: RoundResultsShown;
  readonly groupKey: string;
  readonly groups: readonly { readonly key: string; readonly text: string }[];
  readonly role: 'hr' | 'leader';
  /** Opened from a comment: the plans' editor starts with it as what was heard. */
  readonly fromComment?: PlanFromComment;
  /** Opened from a comment: back to the comments. */
  readonly onClose?: () => void;
}

/** Where a comment row stands, for its actions. */
export interface CommentPlace {
  readonly roundId: number;
  /** The list it is shown in: its group's key (`plant`, `crew=…`). */
  readonly listKey: string;
  /** The crews the reader leads, as the results say (none for HR). */
  readonly leads: readonly string[];
  /** Opens the action plans' editor with this comment (absent where the part has no plans). */
  readonly makePlan?: () => void;
}

export interface IPulseResultsProps {
  readonly source: PulseResultsSource;
  readonly locale: string;
  /** The part's heading; none when empty (the page's own heading says it). */
  readonly heading?: string;
  /** Saves an exported file; a download through a Blob link unless given. */
  readonly save?: (fileName: string, text: string) => void;
  /** Actions on a released comment (its thread: replies, hide; a plan made of it), for HR and leaders. */
  readonly commentActions?: (comment: CommentView, role: 'hr' | 'leader', place: CommentPlace) => React.ReactNode;
  /** Above the comment lists, for HR and leaders: what the comment actions have to say of them all (a failed read of the replies, with Try again). */
  readonly commentsStatus?: React.ReactNode;
  /**
   * A tab of action plans beside the results, for HR and leaders (its title and content). A plan
   * made of a comment opens the same content in the comments tab, over the comments (kept as they
   * are beneath), and closing it brings the comments back.
   */
  readonly plans?: { readonly title: string; readonly render: (view: PlansView) => React.ReactNode };
  /** The device's clock (ms), for "closed, results not published yet"; `Date.now` unless given. */
  readonly now?: () => number;
}

/** The error's words for a failed load, in the page's language. */
export function resultsErrorText(error: unknown, words: ResultsWords): string {
  return error instanceof PulseResultsError ? words.errors[error.code] : words.errors.unexpected;
}

function RoundResultsView(props: {
  readonly body: PulseResultsBody;
  readonly rounds: readonly RoundResults[];
  readonly words: ResultsWords;
  readonly locale: string;
  readonly save: (fileName: string, text: string) => void;
  readonly commentActions?: IPulseResultsProps['commentActions'];
  readonly commentsStatus?: React.ReactNode;
  readonly plans?: IPulseResultsProps['plans'];
  readonly now: () => number;
}): React.ReactElement {
  const { body, rounds, words, locale } = props;
  const [roundId, setRoundId] = React.useState<number | undefined>(undefined);
  const [groupKey, setGroupKey] = React.useState<string>(PLANT);
  const [planFrom, setPlanFrom] = React.useState<PlanFromComment | undefined>(undefined);
  // The "Make a plan" pressed takes the focus back when the plan's editor closes.
  const opener = React.useRef<HTMLElement | null>(null);
  React.useEffect(() => {
    if (!planFrom && opener.current) {
      opener.current.focus();
      opener.current = null;
    }
  }, [planFrom]);
  const round = rounds.find((candidate) => candidate.roundId === roundId) ?? firstRound(rounds);
  if (!round) {
    return <Notice type="info">{words.noRounds}</Notice>;
  }
  const crews = crewsOfRounds(rounds);
  const choices = isRefused(round) ? [] : groupChoices(round.release, words, crews);
  const group = choices.some((choice) => choice.key === groupKey) ? groupKey : choices[0]?.key ?? PLANT;
  const role = body.viewer.role;
  const employee = role === 'employee';
  const commentActions = props.commentActions;
  const plans = props.plans;
  const leads = body.viewer.leads.map((led) => led.value);
  const makePlanOf = (comment: CommentView, listKey: string): (() => void) | undefined => {
    const threadId = comment.threadId;
    return plans && threadId !== undefined
      ? () => {
          opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
          setPlanFrom({ roundId: round.roundId, groupKey: listKey, threadId, text: comment.text });
        }
      : undefined;
  };
  const actionsFor =
    commentActions && role !== 'employee'
      ? (comment: CommentView, listKey: string): React.ReactNode => commentActions(comment, role, { roundId: round.roundId, listKey, leads, makePlan: makePlanOf(comment, listKey) })
      : undefined;
  const fromComment = planFrom && planFrom.roundId === round.roundId && role !== 'employee' ? planFrom : undefined;

  let content: React.ReactNode;
  if (isRefused(round)) {
    const check = body.viewer.role === 'hr' ? checkText(round.check, words) : undefined;
    content = (
      <Notice type="warning">
        {words.refused[round.refused]}
        {check && ` ${check}`}
      </Notice>
    );
  } else if (round.release.availability === 'nothing') {
    content = <Notice type="info">{words.notOpened}</Notice>;
  } else if (round.release.availability === 'participation') {
    const closed = Date.parse(round.closesAt) <= props.now();
    content = (
      <Overview
        rounds={rounds}
        round={round}
        groupKey={group}
        words={words}
        locale={locale}
        closed={closed}
        save={props.save}
      />
    );
  } else {
    const shown = round;
    const tabs: ITab[] = [
      {
        key: 'overview',
        title: words.tabs.overview,
        render: () => (
          <Overview rounds={rounds} round={shown} groupKey={group} words={words} locale={locale} closed={true} save={props.save} />
        )
      },
      ...(employee ? [] : [{ key: 'heatmap', title: words.tabs.heatmap, render: () => <Heatmap round={shown} viewer={body.viewer} words={words} locale={locale} save={props.save} /> }]),
      { key: 'trend', title: words.tabs.trend, render: () => <Trend rounds={rounds} round={shown} groupKey={group} words={words} locale={locale} /> },
      ...(employee
        ? []
        : [
            {
              key: 'comments',
              title: words.tabs.comments,
              render: () => (
                <>
                  {/* Hidden, not taken down, while a plan is made of a comment: a reply being typed stays. */}
                  <div hidden={fromComment !== undefined}>
                    <Comments round={shown} words={words} locale={locale} actionsFor={actionsFor} status={actionsFor ? props.commentsStatus : undefined} />
                  </div>
                  {fromComment &&
                    plans?.render({ rounds, round: shown, groupKey: fromComment.groupKey, groups: choices, role, fromComment, onClose: () => setPlanFrom(undefined) })}
                </>
              )
            }
          ]),
      ...(plans && role !== 'employee' ? [{ key: 'plans', title: plans.title, render: () => plans.render({ rounds, round: shown, groupKey: group, groups: choices, role }) }] : [])
    ];
    content = <Tabs tabs={tabs} label={words.tabsLabel} />;
  }

  return (
    <>
      <div className={styles.pickers}>
        <Select
          label={words.round}
          value={String(round.roundId)}
          options={rounds.map((candidate) => ({ key: String(candidate.roundId), text: format(words.roundOption, candidate.title, dayText(candidate.opensAt, locale)) }))}
          onChange={(key) => setRoundId(Number(key))}
        />
        {choices.length > 1 && <Select label={words.group} value={group} options={choices} onChange={setGroupKey} />}
      </div>
      <p className={styles.seeing}>
        {words.seeingAs}: <strong>{viewerText(body.viewer, words, crews)}</strong>
      </p>
      <p className={styles.meta}>{format(words.roundDates, dayText(round.opensAt, locale), dayText(round.closesAt, locale))}</p>
      {content}
    </>
  );
}

export function PulseResults(props: IPulseResultsProps): React.ReactElement {
  const { source, locale } = props;
  const words = resultsWords(locale);
  const read = React.useCallback((): Promise<PulseResultsBody> => source.results(), [source]);
  const { state, reload } = useRecoveringLoad(read, 'Reading the pulse results');
  const save = props.save ?? saveTextFile;
  const heading = props.heading?.trim();

  let content: React.ReactNode;
  if (state.kind === 'loading') {
    content = <Spinner label={words.loading} />;
  } else if (state.kind === 'failed') {
    content = (
      <>
        <Notice type="error" live={true}>
          {resultsErrorText(state.error, words)}
        </Notice>
        <div className={styles.actions}>
          <Button className={styles.target} text={words.tryAgain} onClick={() => reload()} />
        </div>
      </>
    );
  } else {
    const rounds = roundsNewestFirst(state.data);
    content =
      rounds.length === 0 ? (
        <Notice type="info">{words.noRounds}</Notice>
      ) : (
        <RoundResultsView
          body={state.data}
          rounds={rounds}
          words={words}
          locale={locale}
          save={save}
          commentActions={props.commentActions}
          commentsStatus={props.commentsStatus}
          plans={props.plans}
          now={props.now ?? Date.now}
        />
      );
  }
  return (
    <div className={styles.panel}>
      {heading && <h2 className={styles.heading}>{heading}</h2>}
      {content}
    </div>
  );
}
