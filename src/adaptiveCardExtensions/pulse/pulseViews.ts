/**
 * What the "Pulse" card shows and how its quick view answers a round: pure functions of the
 * card's data, the reader's language and the strings of the page's language (passed in, so
 * tests check every language with the strings SharePoint would load).
 *
 * The card face speaks the page's language (the card's loc: "2 min, 5 questions", "Answer").
 * The quick view speaks the survey's language, which the person may switch on its start screen,
 * so its words are `pulseWords(sheet.language)` (every language at once), as on the web part
 * (`src/ui/pulse/PulseAnswering.tsx`), whose flow it follows: a start screen (length, close,
 * language, who can see this), one question per screen (five faces, 0–10, or an optional
 * comment) with Back / Skip / Next, a summary that sends, and a done screen that says what
 * became of the answers. The rules are `core/pulse/answering.ts`; sending is `PulseAnswers`.
 *
 * What followed a pulse (replies to the person's comments, "You said, we did") is
 * `pulseFollowUp.ts`: the face says it when no round waits, and the quick view shows it below a
 * round's start and done screens and below "nothing open", in the page's language.
 */
import {
  type AnswerSheet,
  answeredCount,
  cleared,
  goTo,
  isAnswered,
  minutesToAnswer,
  newSheet,
  pickLanguage,
  type PulseOpenQuestion,
  type PulseOpenRound,
  questionText,
  roundsToAnswer,
  scaleOf,
  sheetProblem,
  withComment,
  withScore
} from '../../core/pulse/answering';
import type { PulseErrorCode } from '../../core/pulse/answerPorts';
import type { PulseAnswers, RefusedAnswer, SendResult } from '../../core/pulse/pulseAnswers';
import { PULSE_TEXT_MAX } from '../../core/pulse/submission';
import { format, formatCount } from '../../ui/format';
import { type PulseWords, pulseWords } from '../../ui/pulse/pulseWords';
import { closingTime } from '../../ui/pulse/closingTime';
import {
  ADAPTIVE_CARD_SCHEMA,
  type AdaptiveElement,
  type AdaptiveSubmitAction,
  type CardContext,
  type CardFace,
  type CardState,
  type QuickViewModel
} from '../../app/host/cardTypes';
import { button, heading, text } from './adaptive';
import { answerBackScreen, FOLLOW_UP_BUTTON_ID, followUpFace, followUpFailed, followUpSection, type PulseFollowUp } from './pulseFollowUp';

export type PulseStrings = IPulseAdaptiveCardExtensionStrings;

export interface IPulseCardProps {
  /** Card bar title; empty = the localised "Pulse". */
  title: string;
}

export const DEFAULT_PROPERTIES: IPulseCardProps = { title: '' };

/** What the card needs of `PulseAnswers` (tests hand in a typed fake). */
export type PulseCardAnswers = Pick<PulseAnswers, 'send' | 'refused' | 'forgetRefused'>;

/** Why the answers could not be sent as they are (the summary or the comment says it). */
export type PulseProblem = 'nothingAnswered' | 'commentTooLong' | 'invalid' | 'sendFailed';

/** The round being answered: the person's sheet, the screen, and what became of sending it. */
export interface PulseAnsweringState {
  readonly roundId: number;
  readonly sheet: AnswerSheet;
  /** Past the start screen. */
  readonly started: boolean;
  readonly problem?: PulseProblem;
  /** Sent: the done screen. */
  readonly result?: SendResult;
}

export interface PulseCardData {
  /** The open rounds asked of the person, as the relay (and the device's outbox) says. */
  readonly rounds: readonly PulseOpenRound[];
  /** Answers the relay refused for good, shown with why until the person closes them. */
  readonly refused: readonly RefusedAnswer[];
  /** Absent until the person acts in the quick view (it then starts the first round to answer). */
  readonly answering?: PulseAnsweringState;
  /** Replies to the person's comments and the plans published to their groups, as far as read. */
  readonly followUp: PulseFollowUp;
}

export const ANSWER_BUTTON_ID = 'answer';
export const RETRY_BUTTON_ID = 'retry';
export const START_ACTION_ID = 'start';
export const BACK_ACTION_ID = 'back';
export const SKIP_ACTION_ID = 'skip';
export const NEXT_ACTION_ID = 'next';
export const SEND_ACTION_ID = 'send';
/** The done screen's way on to the next open round. */
export const NEXT_ROUND_ACTION_ID = 'nextRound';
/** `language:` and the language tag. */
export const LANGUAGE_ACTION_PREFIX = 'language:';
/** `score:`, the question's place and the score: a tap answers and moves on. */
export const SCORE_ACTION_PREFIX = 'score:';
/** `change:` and the question's place (the summary's way back to a question). */
export const CHANGE_ACTION_PREFIX = 'change:';
/** `forget:` and the round id: the person has read why an answer was refused. */
export const FORGET_ACTION_PREFIX = 'forget:';
export const COMMENT_INPUT_ID = 'comment';
/** Viva Connections shows at most five buttons a set (the rest go behind "…"). */
export const ACTIONS_PER_SET = 5;

const FACES = ['😟', '🙁', '😐', '🙂', '😄'];

const PULSE_ERROR_CODES: readonly PulseErrorCode[] = [
  'noRelay',
  'notSetUp',
  'relayFault',
  'network',
  'throttled',
  'rateLimited',
  'accessDenied',
  'alreadyAnswered',
  'roundClosed',
  'roundNotOpen',
  'notInAudience',
  'notFound',
  'invalid',
  'submissionKeyUsed',
  'unexpected'
];

/**
 * The code of a pulse failure. Read by shape, not `instanceof`: the SPFx build targets ES5,
 * where subclasses of Error may lose their prototype.
 */
export function pulseErrorCode(error: unknown): PulseErrorCode | undefined {
  if (typeof error !== 'object' || error === null) {
    return undefined;
  }
  const code = (error as { code?: unknown }).code;
  return PULSE_ERROR_CODES.find((known) => known === code);
}

/** Codes that mean the card cannot collect answers here until IT or the site admin acts (Setup, never a fallback). */
export const SETUP_CODES: readonly PulseErrorCode[] = ['noRelay', 'notSetUp'];

function cardTitle(properties: IPulseCardProps, strings: PulseStrings): string {
  const title = typeof properties.title === 'string' ? properties.title.trim() : '';
  return title || strings.Title;
}

/** The card face in each state. */
export function pulseCardView(state: CardState<PulseCardData>, context: CardContext<IPulseCardProps>, strings: PulseStrings): CardFace {
  const title = cardTitle(context.properties, strings);
  const words = pulseWords(context.locale);
  switch (state.status) {
    case 'loading':
      return { status: 'loading', title, primaryText: strings.Loading, buttons: [] };
    case 'setup': {
      const code = PULSE_ERROR_CODES.find((known) => known === state.reason) ?? 'noRelay';
      return { status: 'setup', title, primaryText: strings.SetupPrimary, description: words.errors[code], buttons: [] };
    }
    case 'error':
      return {
        status: 'error',
        title,
        primaryText: strings.ErrorPrimary,
        description: words.errors[pulseErrorCode(state.error) ?? 'unexpected'],
        buttons: [{ id: RETRY_BUTTON_ID, title: strings.Retry, action: { kind: 'retry' }, style: 'positive' }],
        onSelect: { kind: 'retry' }
      };
    case 'ready':
      return readyFace(state.data, context, strings, title);
  }
}

/** A ready face; selecting the card opens the quick view. */
function shownFace(title: string, primaryText: string, description: string | undefined, buttons: CardFace['buttons']): CardFace {
  return { status: 'ready', title, primaryText, ...(description !== undefined ? { description } : {}), buttons, onSelect: { kind: 'quickView' } };
}

function readyFace(data: PulseCardData, context: CardContext<IPulseCardProps>, strings: PulseStrings, title: string): CardFace {
  const first = roundsToAnswer(data.rounds)[0];
  if (first) {
    const questions = formatCount(context.locale, first.questions.length, { one: strings.QuestionsOne, other: strings.Questions });
    return shownFace(title, format(strings.RoundLength, minutesToAnswer(first), questions), first.title, [
      { id: ANSWER_BUTTON_ID, title: strings.AnswerButton, action: { kind: 'quickView' }, style: 'positive' }
    ]);
  }
  const primaryText = data.rounds.length > 0 ? strings.AllAnswered : strings.NoneOpen;
  if (data.refused.length > 0) {
    // An answer the relay refused for good: the quick view says why.
    return shownFace(title, primaryText, strings.RefusedDescription, [{ id: ANSWER_BUTTON_ID, title: strings.SeeWhyButton, action: { kind: 'quickView' } }]);
  }
  const followUp = followUpFace(data.followUp, context.locale, strings);
  if (followUp) {
    // Nothing to answer: the most useful thing that followed a pulse ("HR answered your comment").
    return shownFace(title, followUp.primaryText, followUp.description, [{ id: FOLLOW_UP_BUTTON_ID, title: followUp.buttonTitle, action: { kind: 'quickView' } }]);
  }
  if (followUpFailed(data.followUp)) {
    // Replies and plans could not be read: say so; Try again loads the card again.
    return shownFace(title, primaryText, strings.FollowUpFailed, [{ id: RETRY_BUTTON_ID, title: strings.Retry, action: { kind: 'retry' } }]);
  }
  return shownFace(title, primaryText, undefined, []);
}

/* ------------------------------------------------------------------------------------------
 * The quick view.
 * ---------------------------------------------------------------------------------------- */

/** The round on screen: the one being answered (its done screen included), else the first to answer. */
export function currentRound(data: PulseCardData): PulseOpenRound | undefined {
  const answering = data.answering;
  const held = answering ? data.rounds.find((r) => r.roundId === answering.roundId) : undefined;
  return held && (answering?.result || !held.answered) ? held : roundsToAnswer(data.rounds)[0];
}

/** The answering state of the round on screen (a fresh sheet in the person's own language, as the relay says, when not begun). */
export function answeringOf(data: PulseCardData, round: PulseOpenRound): PulseAnsweringState {
  return data.answering && data.answering.roundId === round.roundId
    ? data.answering
    : { roundId: round.roundId, sheet: newSheet(round), started: false };
}

/** Buttons in sets a host shows whole (at most {@link ACTIONS_PER_SET} each). */
function buttonSets(id: string, actions: readonly AdaptiveSubmitAction[]): AdaptiveElement[] {
  const sets: AdaptiveElement[] = [];
  for (let i = 0; i < actions.length; i += ACTIONS_PER_SET) {
    sets.push({ type: 'ActionSet', id: i === 0 ? id : `${id}-${i / ACTIONS_PER_SET}`, spacing: 'small', actions: actions.slice(i, i + ACTIONS_PER_SET) });
  }
  return sets;
}


/** What a done screen says about the answers, in the survey's language. */
export function resultText(result: SendResult, words: PulseWords): string {
  return result.kind === 'refused' ? words.errors[result.code] : words[result.kind];
}

function problemText(problem: PulseProblem, words: PulseWords): string {
  if (problem === 'nothingAnswered') {
    return words.nothingAnswered;
  }
  if (problem === 'commentTooLong') {
    return format(words.commentTooLong, PULSE_TEXT_MAX);
  }
  return problem === 'sendFailed' ? words.sendFailed : words.errors.invalid;
}

/** Answers refused for good, each with why and a button to put it away (not the one the done screen shows). */
function refusedNotices(data: PulseCardData, words: PulseWords, shownRoundId: number | undefined): AdaptiveElement[] {
  return data.refused
    .filter((answer) => answer.roundId !== shownRoundId)
    .map(
      (answer): AdaptiveElement => ({
        type: 'Container',
        id: `refused-${answer.roundId}`,
        style: 'attention',
        items: [
          text(words.errors[answer.code], { color: 'attention' }),
          { type: 'ActionSet', actions: [button(`${FORGET_ACTION_PREFIX}${answer.roundId}`, words.close)] }
        ]
      })
    );
}

function startScreen(round: PulseOpenRound, state: PulseAnsweringState, words: PulseWords, context: CardContext<IPulseCardProps>): AdaptiveElement[] {
  const language = state.sheet.language;
  const meta = [
    formatCount(language, round.questions.length, words.questionCount),
    format(words.minutes, minutesToAnswer(round)),
    format(words.openUntil, closingTime(round.closesAt, language, context.timeZone))
  ].join(' · ');
  const body: AdaptiveElement[] = [heading(round.title, { id: 'roundTitle' }), text(meta, { id: 'meta', isSubtle: true, spacing: 'small' })];
  if (round.languages.length > 1) {
    body.push(
      text(words.language, { id: 'languageLabel', weight: 'bolder', spacing: 'medium' }),
      ...buttonSets(
        'languages',
        round.languages.map((l) => button(`${LANGUAGE_ACTION_PREFIX}${l}`, pulseWords(l).languageName, l === language ? 'positive' : 'default'))
      )
    );
  }
  const { privacy } = round;
  body.push(
    { type: 'ActionSet', id: 'startButton', spacing: 'medium', actions: [button(START_ACTION_ID, words.start, 'positive')] },
    heading(words.privacyTitle, { id: 'privacyTitle', size: 'default', separator: true, spacing: 'large' }),
    {
      type: 'Container',
      id: 'privacy',
      items: [
        words.privacyStored,
        format(words.privacyGroups, privacy.minGroupSize, privacy.minCommentGroupSize),
        words.privacyPublished,
        words.privacyParticipation,
        words.privacyKept
      ].map((line) => text(`• ${line}`, { spacing: 'small' }))
    }
  );
  return body;
}

function scaleButtons(question: PulseOpenQuestion, sheet: AnswerSheet, words: PulseWords): AdaptiveElement[] {
  const chosen = sheet.scores[question.key];
  const likert = question.kind === 'likert5';
  const buttons = scaleOf(question.kind).map((score, index) =>
    button(`${SCORE_ACTION_PREFIX}${sheet.index}:${score}`, likert ? `${FACES[index]} ${words.likert[index]}` : String(score), chosen === score ? 'positive' : 'default')
  );
  // 0–10: what the ends mean, above the numbers (a button's words are the number alone).
  const ends = likert ? [] : [text(words.enpsLow, { id: 'enpsLow', spacing: 'small' }), text(words.enpsHigh, { id: 'enpsHigh', spacing: 'none' })];
  return [...ends, ...buttonSets(likert ? 'faces' : 'numbers', buttons)];
}

function questionScreen(round: PulseOpenRound, state: PulseAnsweringState, question: PulseOpenQuestion, words: PulseWords): AdaptiveElement[] {
  const { sheet } = state;
  const total = round.questions.length;
  const body: AdaptiveElement[] = [
    text(format(words.progress, sheet.index + 1, total), { id: 'progress', isSubtle: true }),
    heading(questionText(question, sheet.language), { id: 'question', spacing: 'small' })
  ];
  const navigation: AdaptiveSubmitAction[] = [];
  if (question.kind === 'text') {
    const problem = state.problem === 'commentTooLong' ? problemText(state.problem, words) : undefined;
    const value = sheet.comments[question.key];
    body.push(
      {
        type: 'Input.Text',
        id: COMMENT_INPUT_ID,
        label: words.commentLabel,
        isMultiline: true,
        ...(value ? { value } : {}),
        ...(problem ? { errorMessage: problem } : {})
      },
      text(format(words.commentHint, round.privacy.minCommentGroupSize), { id: 'commentHint', isSubtle: true, spacing: 'small' })
    );
    if (problem) {
      body.push(text(problem, { id: 'problem', color: 'attention' }));
    }
    // The comment goes along with Back and Next (nothing typed is lost); Skip takes it back.
    navigation.push(button(NEXT_ACTION_ID, words.next, 'positive', 'auto'), button(SKIP_ACTION_ID, words.skip));
    navigation.push(button(BACK_ACTION_ID, words.back, 'default', 'auto'));
  } else {
    body.push(...scaleButtons(question, sheet, words));
    navigation.push(isAnswered(sheet, question.key) ? button(NEXT_ACTION_ID, words.next, 'positive') : button(SKIP_ACTION_ID, words.skip));
    navigation.push(button(BACK_ACTION_ID, words.back));
  }
  body.push({ type: 'ActionSet', id: 'navigation', spacing: 'large', separator: true, actions: navigation });
  return body;
}

function answerText(question: PulseOpenQuestion, sheet: AnswerSheet, words: PulseWords): string {
  if (!isAnswered(sheet, question.key)) {
    return words.skipped;
  }
  if (question.kind === 'text') {
    return `✓ ${sheet.comments[question.key]}`;
  }
  const score = sheet.scores[question.key];
  return question.kind === 'likert5' ? `${FACES[score - 1]} ${words.likert[score - 1]}` : String(score);
}

function summaryScreen(round: PulseOpenRound, state: PulseAnsweringState, words: PulseWords): AdaptiveElement[] {
  const { sheet } = state;
  const body: AdaptiveElement[] = [heading(format(words.summary, answeredCount(sheet, round), round.questions.length), { id: 'summary' })];
  round.questions.forEach((question, index) => {
    const asked = questionText(question, sheet.language);
    const answer = answerText(question, sheet, words);
    // The whole row takes the person back to the question (its name says which, and the answer).
    body.push({
      type: 'Container',
      id: `review-${index}`,
      style: 'emphasis',
      spacing: 'small',
      selectAction: button(`${CHANGE_ACTION_PREFIX}${index}`, `${words.change}: ${asked} (${answer})`),
      items: [text(asked, { weight: 'bolder' }), text(answer, { spacing: 'small', isSubtle: !isAnswered(sheet, question.key) }), text(words.change, { color: 'accent', spacing: 'small' })]
    });
  });
  if (state.problem) {
    body.push({ type: 'Container', id: 'problem', style: 'attention', items: [text(problemText(state.problem, words), { color: 'attention' })] });
  }
  body.push({
    type: 'ActionSet',
    id: 'navigation',
    spacing: 'large',
    actions: [button(SEND_ACTION_ID, words.send, 'positive'), button(BACK_ACTION_ID, words.back)]
  });
  return body;
}

function doneScreen(data: PulseCardData, round: PulseOpenRound, result: SendResult, words: PulseWords): AdaptiveElement[] {
  const color = result.kind === 'counted' ? 'good' : result.kind === 'refused' ? 'attention' : 'default';
  const body: AdaptiveElement[] = [heading(round.title, { id: 'roundTitle' }), text(resultText(result, words), { id: 'result', weight: 'bolder', color })];
  if (roundsToAnswer(data.rounds).some((r) => r.roundId !== round.roundId)) {
    body.push({ type: 'ActionSet', id: 'nextRoundButton', spacing: 'large', actions: [button(NEXT_ROUND_ACTION_ID, words.next, 'positive')] });
  }
  return body;
}

/** The quick view: the round on screen at its step, or that nothing is open (with any refusals and why). */
export function pulseQuickView(data: PulseCardData, context: CardContext<IPulseCardProps>, strings: PulseStrings): QuickViewModel {
  const title = cardTitle(context.properties, strings);
  const round = currentRound(data);
  const state = round ? answeringOf(data, round) : undefined;
  const words = pulseWords(state ? state.sheet.language : context.locale);
  // Answering back to a reply: that screen alone, until it is sent or cancelled.
  const answeringBack = answerBackScreen(data.followUp, context.locale);
  const body: AdaptiveElement[] = answeringBack ? [] : refusedNotices(data, words, state?.result ? state.roundId : undefined);
  // Below a screen the person is not in the middle of: what followed a pulse.
  const followUp = (): AdaptiveElement[] => followUpSection(data.followUp, context, strings);
  if (answeringBack) {
    body.push(...answeringBack);
  } else if (!round || !state) {
    body.push(text(data.rounds.length > 0 ? words.allAnswered : words.none, { id: 'nothingOpen', size: 'medium' }), ...followUp());
  } else if (state.result) {
    body.push(...doneScreen(data, round, state.result, words), ...followUp());
  } else if (!state.started) {
    body.push(...startScreen(round, state, words, context), ...followUp());
  } else {
    const question = round.questions[state.sheet.index];
    body.push(...(question ? questionScreen(round, state, question, words) : summaryScreen(round, state, words)));
  }
  return {
    title,
    template: { type: 'AdaptiveCard', $schema: ADAPTIVE_CARD_SCHEMA, version: '1.5', body },
    data: { roundId: state?.roundId, language: state?.sheet.language, index: state?.sheet.index, started: state?.started, result: state?.result }
  };
}

/* ------------------------------------------------------------------------------------------
 * The quick view's actions.
 * ---------------------------------------------------------------------------------------- */

/** The sheet with the comment a submit carried for the question on screen (absent: as it was). */
function withTypedComment(sheet: AnswerSheet, round: PulseOpenRound, inputs: Readonly<Record<string, string>>): AnswerSheet {
  const question = round.questions[sheet.index];
  const typed = inputs[COMMENT_INPUT_ID];
  return question && question.kind === 'text' && typed !== undefined ? withComment(sheet, question, typed) : sheet;
}

function commentTooLong(sheet: AnswerSheet, round: PulseOpenRound): boolean {
  const question = round.questions[sheet.index];
  return question !== undefined && question.kind === 'text' && (sheet.comments[question.key] ?? '').length > PULSE_TEXT_MAX;
}

/**
 * A move within the round on screen (no sending): the answering state it leads to, or
 * `undefined` for an action this screen does not know (a stale tap: nothing changes).
 */
export function movedBy(state: PulseAnsweringState, round: PulseOpenRound, actionId: string, inputs: Readonly<Record<string, string>>): PulseAnsweringState | undefined {
  const { sheet } = state;
  const total = round.questions.length;
  const question = round.questions[sheet.index];
  const moved = (next: AnswerSheet, started = true): PulseAnsweringState => ({ roundId: state.roundId, sheet: next, started });
  if (actionId.indexOf(LANGUAGE_ACTION_PREFIX) === 0) {
    return { ...state, sheet: { ...sheet, language: pickLanguage(round, actionId.slice(LANGUAGE_ACTION_PREFIX.length)) } };
  }
  if (actionId === START_ACTION_ID) {
    return moved(goTo(sheet, round, 0));
  }
  if (!state.started) {
    return undefined;
  }
  if (actionId.indexOf(SCORE_ACTION_PREFIX) === 0) {
    const [at, score] = actionId.slice(SCORE_ACTION_PREFIX.length).split(':').map(Number);
    // A tap from a screen that is no longer shown answers nothing.
    if (!question || at !== sheet.index) {
      return undefined;
    }
    // A tap answers and moves on: one tap a question.
    return moved(goTo(withScore(sheet, question, score), round, sheet.index + 1));
  }
  if (actionId.indexOf(CHANGE_ACTION_PREFIX) === 0) {
    return moved(goTo(sheet, round, Number(actionId.slice(CHANGE_ACTION_PREFIX.length))));
  }
  switch (actionId) {
    case BACK_ACTION_ID: {
      const kept = withTypedComment(sheet, round, inputs);
      // Back from the first question is the start screen (its language switch and who can see this).
      return sheet.index === 0 ? moved(kept, false) : moved(goTo(kept, round, sheet.index >= total ? total - 1 : sheet.index - 1));
    }
    case SKIP_ACTION_ID:
      return question ? moved(goTo(cleared(sheet, question.key), round, sheet.index + 1)) : undefined;
    case NEXT_ACTION_ID: {
      if (!question) {
        return undefined;
      }
      const kept = withTypedComment(sheet, round, inputs);
      // Too long a comment stays on its screen with what to do (kept as typed, to shorten).
      return commentTooLong(kept, round) ? { ...moved(kept), problem: 'commentTooLong' } : moved(goTo(kept, round, sheet.index + 1));
    }
    default:
      return undefined;
  }
}

/** Sends the sheet: the done screen with what became of it, or the summary with what stops it. */
async function sent(data: PulseCardData, state: PulseAnsweringState, round: PulseOpenRound, answers: PulseCardAnswers): Promise<PulseCardData> {
  const blocking = sheetProblem(state.sheet, round);
  if (blocking) {
    return { ...data, answering: { ...state, problem: blocking.code } };
  }
  let result: SendResult;
  try {
    result = await answers.send(state.sheet, round);
  } catch {
    // Not even kept on the device: the summary again, with why, and Send.
    return { ...data, answering: { ...state, problem: 'sendFailed' } };
  }
  if (result.kind === 'refused' && result.code === 'invalid') {
    return { ...data, answering: { ...state, problem: 'invalid' } };
  }
  // Answered, kept on the device, or counted before: the round is not asked again.
  const rounds = result.kind === 'refused' ? data.rounds : data.rounds.map((r) => (r.roundId === round.roundId ? { ...r, answered: true } : r));
  return { ...data, rounds, refused: answers.refused(), answering: { ...state, problem: undefined, result } };
}

/**
 * A quick view's submit: the card's new data. Moves within the round, sends it, goes on to the
 * next round, or puts a refusal away. A round begins in the person's own language (the
 * relay's). Unknown or stale actions leave the data as it is.
 */
export async function pulseAction(
  data: PulseCardData,
  actionId: string,
  inputs: Readonly<Record<string, string>>,
  answers: PulseCardAnswers
): Promise<PulseCardData> {
  if (actionId.indexOf(FORGET_ACTION_PREFIX) === 0) {
    answers.forgetRefused(Number(actionId.slice(FORGET_ACTION_PREFIX.length)));
    return { ...data, refused: answers.refused() };
  }
  const round = currentRound(data);
  if (!round) {
    return data;
  }
  const state = answeringOf(data, round);
  if (actionId === NEXT_ROUND_ACTION_ID) {
    return state.result ? { ...data, answering: undefined } : data;
  }
  if (state.result) {
    return data;
  }
  if (actionId === SEND_ACTION_ID) {
    return state.started && state.sheet.index >= round.questions.length ? sent(data, state, round, answers) : data;
  }
  const next = movedBy(state, round, actionId, inputs);
  return next ? { ...data, answering: next } : data;
}
