/**
 * What followed a pulse, on the "Pulse" card: replies to the person's own comments ("HR answered
 * your comment", answered back from the quick view) and "You said, we did", the action plans
 * published to their groups. The Pulse part shows the same (`src/webparts/pulse/PulseFollowUp.tsx`);
 * a card cannot host its React pieces, so this builds card data and Adaptive Card JSON with the
 * same words (`threadWords`, `planWords`) and the same helpers (`ui/pulseThreads/answered.ts`,
 * `ui/pulsePlans/planText.ts`), in the page's language with the card's own strings.
 *
 * Both come with the open rounds in the card's one read (`GET /api/pulse/card`, `Pulse.part.ts`).
 * A part that could not be read is kept as its code and never stops answering a round: the
 * follow-up area says it could not be read and offers Try again, which reads that part again
 * through its own route (`GET /api/pulse/threads/mine`, `GET /api/pulse/plans`). Nothing here is
 * kept on the device (a shared kiosk must not keep whose comments they are).
 */
import type { PublishedPlan } from '../../core/pulse/plans/types';
import { type PlanStore, PlanStoreError, type PlanStoreErrorCode } from '../../core/pulse/plans/wire';
import { type MyCommentBody, type MyCommentsBody, PulseThreadsError, type PulseThreadsErrorCode, type PulseThreadsSource } from '../../core/pulse/threads/wire';
import type { AdaptiveElement, CardContext } from '../../app/host/cardTypes';
import { format } from '../../ui/format';
import { dayText, forYouText, isOverdue, newestFirst } from '../../ui/pulsePlans/planText';
import { type PlanWords, planWords } from '../../ui/pulsePlans/planWords';
import { answeredHeadline, answeredLine } from '../../ui/pulseThreads/answered';
import { type ThreadWords, threadWords } from '../../ui/pulseThreads/threadWords';
import { button, heading, text } from './adaptive';

/** One part of what followed, as the relay answered it: failed with its code, or read. */
export type FollowUpRead<TValue, TCode> = { readonly state: 'failed'; readonly code: TCode } | { readonly state: 'read'; readonly value: TValue };

/** An answer back being written: its thread, the text as typed, and why it was not sent (kept to send again). */
export interface AnswerBack {
  readonly threadId: string;
  readonly text: string;
  readonly problem?: PulseThreadsErrorCode;
}

export interface PulseFollowUp {
  readonly comments: FollowUpRead<MyCommentsBody, PulseThreadsErrorCode>;
  readonly plans: FollowUpRead<readonly PublishedPlan[], PlanStoreErrorCode>;
  /** The quick view is the answer-back screen of this thread. */
  readonly writing?: AnswerBack;
  /** The thread an answer back was just sent to: the quick view says it was sent. */
  readonly sentTo?: string;
}

/** What the card reads again (Try again) and writes the follow-up through (the relay in the product; typed fakes in tests). */
export interface FollowUpSources {
  readonly threads: Pick<PulseThreadsSource, 'mine' | 'answer'>;
  readonly plans: Pick<PlanStore, 'published'>;
}

/** The card's own strings the follow-up uses (the page's language). */
export type FollowUpStrings = Pick<
  IPulseAdaptiveCardExtensionStrings,
  'Retry' | 'FollowUpPlan' | 'ReadReplyButton' | 'SeePlanButton' | 'FollowUpFailed' | 'CommentsFailed' | 'PlansFailed' | 'AnswerSent'
>;

export const FOLLOW_UP_BUTTON_ID = 'followUp';
/** Reads again what could not be read. Not `retry`: that one loads the whole card again. */
export const FOLLOW_UP_RETRY_ID = 'followUpRetry';
/** `answerBack:` and the thread id: opens the answer-back screen. */
export const ANSWER_BACK_PREFIX = 'answerBack:';
export const ANSWER_SEND_ID = 'answerSend';
export const ANSWER_CANCEL_ID = 'answerCancel';
export const ANSWER_INPUT_ID = 'answerText';

/* ------------------------------------------------------------------------------------------
 * Reading.
 * ---------------------------------------------------------------------------------------- */

// The connectors turn every failure into their typed errors; anything else is unexpected.
const threadsCode = (error: unknown): PulseThreadsErrorCode => (error instanceof PulseThreadsError ? error.code : 'unexpected');
const plansCode = (error: unknown): PlanStoreErrorCode => (error instanceof PlanStoreError ? error.code : 'unexpected');

function readComments(sources: FollowUpSources): Promise<PulseFollowUp['comments']> {
  return sources.threads.mine().then(
    (value): PulseFollowUp['comments'] => ({ state: 'read', value }),
    (error: unknown): PulseFollowUp['comments'] => ({ state: 'failed', code: threadsCode(error) })
  );
}

function readPlans(sources: FollowUpSources): Promise<PulseFollowUp['plans']> {
  return sources.plans.published().then(
    (body): PulseFollowUp['plans'] => ({ state: 'read', value: body.plans }),
    (error: unknown): PulseFollowUp['plans'] => ({ state: 'failed', code: plansCode(error) })
  );
}

/** A read failed (the face says so below its line, with Try again). */
export function followUpFailed(followUp: PulseFollowUp): boolean {
  return followUp.comments.state === 'failed' || followUp.plans.state === 'failed';
}

/**
 * Reads again what failed (only that part; both at once when both failed); never rejects. Nothing
 * failed: the same object.
 */
export async function readFollowUp(followUp: PulseFollowUp, sources: FollowUpSources): Promise<PulseFollowUp> {
  if (!followUpFailed(followUp)) {
    return followUp;
  }
  const [comments, plans] = await Promise.all([
    followUp.comments.state === 'failed' ? readComments(sources) : Promise.resolve(followUp.comments),
    followUp.plans.state === 'failed' ? readPlans(sources) : Promise.resolve(followUp.plans)
  ]);
  return { ...followUp, comments, plans };
}

/* ------------------------------------------------------------------------------------------
 * The card face.
 * ---------------------------------------------------------------------------------------- */

/** What the face says when no round waits: the words and the button's title. */
export interface FollowUpFaceText {
  readonly primaryText: string;
  readonly description?: string;
  readonly buttonTitle: string;
}

/** Comments someone answered and the author has not answered back yet, as the relay orders them. */
function waiting(followUp: PulseFollowUp): MyCommentBody[] {
  return followUp.comments.state === 'read' ? followUp.comments.value.comments.filter((comment) => comment.answeredBy !== undefined) : [];
}

function planLine(plan: PublishedPlan, words: PlanWords, locale: string): string {
  return [words.statuses[plan.status], ...(plan.dueDate !== '' ? [format(words.due, dayText(plan.dueDate, locale))] : [])].join(' · ');
}

/**
 * The most useful follow-up for the face: a reply waiting for the person ("HR answered your
 * comment", or how many were answered), else the newest plan ("You said, we did: …"). Undefined
 * when there is neither (or neither could be read).
 */
export function followUpFace(followUp: PulseFollowUp, locale: string, strings: FollowUpStrings): FollowUpFaceText | undefined {
  const answered = waiting(followUp);
  const [one] = answered;
  // One reply: who answered, and the round's title; several: how many.
  const replyLine = answered.length === 1 ? answeredHeadline(one, threadWords(locale)) : followUp.comments.state === 'read' ? answeredLine(followUp.comments.value, locale) : undefined;
  if (replyLine) {
    return { primaryText: replyLine, ...(answered.length === 1 && one.title !== '' ? { description: one.title } : {}), buttonTitle: strings.ReadReplyButton };
  }
  const newest = followUp.plans.state === 'read' ? newestFirst(followUp.plans.value)[0] : undefined;
  if (newest) {
    return { primaryText: format(strings.FollowUpPlan, newest.headline), description: planLine(newest, planWords(locale), locale), buttonTitle: strings.SeePlanButton };
  }
  return undefined;
}

/* ------------------------------------------------------------------------------------------
 * The quick view.
 * ---------------------------------------------------------------------------------------- */

type ViewContext = Pick<CardContext<unknown>, 'locale' | 'timeZone' | 'now'>;

/** The comment and its thread as its author reads it. */
function thread(comment: MyCommentBody, words: ThreadWords): AdaptiveElement[] {
  const items: AdaptiveElement[] = [];
  if (comment.title !== '') {
    items.push(text(comment.title, { isSubtle: true, spacing: 'small' }));
  }
  items.push(text(`${words.yourComment}: ${comment.text}`, { spacing: 'small' }));
  comment.messages.forEach((message) => items.push(text(`${words.rolesForAuthor[message.role]}: ${message.text}`, { spacing: 'small', weight: message.mine ? 'default' : 'bolder' })));
  if (comment.messages.length === 0 && comment.status === 'visible') {
    items.push(text(words.noReplyYet, { isSubtle: true, spacing: 'small' }));
  }
  if (comment.status === 'deleted') {
    items.push(text(words.deleted, { isSubtle: true, spacing: 'small' }));
  } else if (comment.status === 'hidden') {
    items.push(text(words.hiddenByHr, { isSubtle: true, spacing: 'small' }));
  }
  return items;
}

function commentsSection(body: MyCommentsBody, words: ThreadWords): AdaptiveElement[] {
  if (body.comments.length === 0) {
    return [];
  }
  return [
    heading(words.myCommentsTitle, { id: 'myCommentsTitle', size: 'default', spacing: 'large' }),
    ...body.comments.map((comment, index): AdaptiveElement => {
      const headline = answeredHeadline(comment, words);
      return {
        type: 'Container',
        id: `comment-${index}`,
        style: 'emphasis',
        spacing: 'medium',
        items: [
          ...(headline ? [text(headline, { weight: 'bolder', color: 'accent' })] : []),
          ...thread(comment, words),
          ...(comment.canAnswer ? [{ type: 'ActionSet' as const, id: `answerBackButton-${index}`, actions: [button(`${ANSWER_BACK_PREFIX}${comment.threadId}`, words.answerBack)] }] : [])
        ]
      };
    })
  ];
}

function plansSection(plans: readonly PublishedPlan[], context: ViewContext): AdaptiveElement[] {
  const words = planWords(context.locale);
  const title = heading(words.youSaidWeDid, { id: 'plansTitle', size: 'default', spacing: 'large' });
  if (plans.length === 0) {
    return [title, text(words.noPublishedPlans, { id: 'noPlans', isSubtle: true, spacing: 'small' })];
  }
  return [
    title,
    ...newestFirst(plans).map((plan): AdaptiveElement => {
      const meta = [forYouText(words, plan.groupKey), planLine(plan, words, context.locale), ...(isOverdue(plan, context.timeZone, context.now) ? [words.overdue] : [])];
      return {
        type: 'Container',
        id: `plan-${plan.id}`,
        style: 'emphasis',
        spacing: 'medium',
        items: [
          text(plan.headline, { weight: 'bolder' }),
          text(meta.join(' · '), { isSubtle: true, spacing: 'small' }),
          text(words.youSaid, { weight: 'bolder', spacing: 'medium' }),
          text(plan.youSaid, { spacing: 'small' }),
          text(plan.status === 'done' ? words.weDid : words.weWillDo, { weight: 'bolder', spacing: 'medium' }),
          text(plan.weWillDo, { spacing: 'small' })
        ]
      };
    })
  ];
}

/**
 * The follow-up area below a round's start or done screen, or below "nothing open": an answer
 * just sent, what could not be read (with Try again), then the comments (first when a reply
 * waits) and the plans.
 */
export function followUpSection(followUp: PulseFollowUp, context: ViewContext, strings: FollowUpStrings): AdaptiveElement[] {
  const words = threadWords(context.locale);
  const items: AdaptiveElement[] = [];
  if (followUp.sentTo !== undefined) {
    items.push(text(strings.AnswerSent, { id: 'answerSent', color: 'good', weight: 'bolder' }));
  }
  if (followUpFailed(followUp)) {
    items.push({
      type: 'Container',
      id: 'followUpFailed',
      style: 'attention',
      items: [
        ...(followUp.comments.state === 'failed' ? [text(strings.CommentsFailed, { color: 'attention' })] : []),
        ...(followUp.plans.state === 'failed' ? [text(strings.PlansFailed, { color: 'attention' })] : []),
        { type: 'ActionSet', id: 'followUpRetryButton', actions: [button(FOLLOW_UP_RETRY_ID, strings.Retry)] }
      ]
    });
  }
  const comments = followUp.comments.state === 'read' ? commentsSection(followUp.comments.value, words) : [];
  const plans = followUp.plans.state === 'read' ? plansSection(followUp.plans.value, context) : [];
  items.push(...(waiting(followUp).length > 0 ? [...comments, ...plans] : [...plans, ...comments]));
  return items.length > 0 ? [{ type: 'Container', id: 'followUpArea', separator: true, spacing: 'large', items }] : [];
}

/** The comment being answered back, when it is still among the person's comments. */
function writingComment(followUp: PulseFollowUp): { readonly comment: MyCommentBody; readonly writing: AnswerBack } | undefined {
  const writing = followUp.writing;
  const comment = writing && followUp.comments.state === 'read' ? followUp.comments.value.comments.find((c) => c.threadId === writing.threadId) : undefined;
  return comment && writing ? { comment, writing } : undefined;
}

/** The answer-back screen (the comment, its thread, a box, Send and Cancel); undefined when not answering back. */
export function answerBackScreen(followUp: PulseFollowUp, locale: string): AdaptiveElement[] | undefined {
  const found = writingComment(followUp);
  if (!found) {
    return undefined;
  }
  const { comment, writing } = found;
  const words = threadWords(locale);
  const problem = writing.problem ? words.errors[writing.problem] : undefined;
  return [
    heading(answeredHeadline(comment, words) ?? words.yourComment, { id: 'answerTitle' }),
    ...thread(comment, words),
    {
      type: 'Input.Text',
      id: ANSWER_INPUT_ID,
      label: words.answerLabel,
      isMultiline: true,
      spacing: 'medium',
      ...(writing.text ? { value: writing.text } : {}),
      ...(problem ? { errorMessage: problem } : {})
    },
    text(words.answerHint, { id: 'answerHint', isSubtle: true, spacing: 'small' }),
    ...(problem ? [text(problem, { id: 'answerProblem', color: 'attention' })] : []),
    { type: 'ActionSet', id: 'answerButtons', spacing: 'large', separator: true, actions: [button(ANSWER_SEND_ID, words.send, 'positive', 'auto'), button(ANSWER_CANCEL_ID, words.cancel)] }
  ];
}

/* ------------------------------------------------------------------------------------------
 * The quick view's follow-up actions.
 * ---------------------------------------------------------------------------------------- */

export function isFollowUpAction(actionId: string): boolean {
  return actionId === FOLLOW_UP_RETRY_ID || actionId === ANSWER_SEND_ID || actionId === ANSWER_CANCEL_ID || actionId.indexOf(ANSWER_BACK_PREFIX) === 0;
}

/** Sends the answer back: the thread read again with it (one more read), or the screen again with why, the text kept. */
async function sendAnswer(followUp: PulseFollowUp, writing: AnswerBack, typed: string, sources: FollowUpSources): Promise<PulseFollowUp> {
  try {
    await sources.threads.answer(writing.threadId, typed);
  } catch (error) {
    return { ...followUp, writing: { threadId: writing.threadId, text: typed, problem: threadsCode(error) } };
  }
  // Sent. A failed read now says so under "sent"; the answer is with the relay either way.
  return { comments: await readComments(sources), plans: followUp.plans, sentTo: writing.threadId };
}

/**
 * A follow-up submit: Try again, Answer back (opens the screen), Send, Cancel. The follow-up it
 * leads to; the same object for a tap that no longer fits (a stale screen).
 */
export async function followUpAction(followUp: PulseFollowUp, actionId: string, inputs: Readonly<Record<string, string>>, sources: FollowUpSources): Promise<PulseFollowUp> {
  if (actionId === FOLLOW_UP_RETRY_ID) {
    return readFollowUp(followUp, sources);
  }
  if (actionId.indexOf(ANSWER_BACK_PREFIX) === 0) {
    const threadId = actionId.slice(ANSWER_BACK_PREFIX.length);
    const comment = followUp.comments.state === 'read' ? followUp.comments.value.comments.find((c) => c.threadId === threadId) : undefined;
    return comment && comment.canAnswer ? { comments: followUp.comments, plans: followUp.plans, writing: { threadId, text: '' } } : followUp;
  }
  const found = writingComment(followUp);
  if (!found) {
    return followUp;
  }
  if (actionId === ANSWER_CANCEL_ID) {
    return { comments: followUp.comments, plans: followUp.plans };
  }
  return actionId === ANSWER_SEND_ID ? sendAnswer(followUp, found.writing, inputs[ANSWER_INPUT_ID] ?? found.writing.text, sources) : followUp;
}
