/**
 * The words of the comments action plans quote (docs/pulse-results.md "Quoting a comment"). A plan
 * stores only the thread id of the released comment it quotes (`plansStore.ts`); whenever the relay
 * serves a plan it reads the comment's words from the round's boxes, and serves them only while HR
 * and leaders are still shown the comment, by the threads' own rule (`threads.ts` `forOthers`):
 *
 * - **Hidden by HR**: no words, at once, for everyone (HR's acts show at once, as in the threads);
 *   shown again, the words are back.
 * - **Deleted by its author**: no words from the first midnight (UTC) after the deletion, when the
 *   deletion reaches HR and leaders (`authorActsCutoff`), and not before: words leaving every plan at
 *   the minute of the deletion would date the author's act for anyone reading the plan, and could be
 *   set beside who had the Pulse part open then.
 * - **Not found** (the pulse key that made its token removed since, so its thread id changed; its
 *   box gone): no words.
 *
 * So the words live only where the comment itself lives (sealed in its box), nothing in
 * SE_ActionPlans holds or loses them, and a site owner learns nothing from the plans' rows when a
 * comment is hidden or deleted.
 */
import type { SPFI } from '@pnp/sp';

import type { PlanSource } from '../../../src/core/pulse/plans/types';
import type { PulseKeyring } from './envelope';
import { readRoundThreads, roundComments } from './threads';

/** The words of a comment of `roundId` by its thread id, where they may be served. */
export type QuoteOf = (roundId: number, threadId: string) => string | undefined;

/** A plan's round and source: what a quote is looked up by. */
export interface QuotingPlan {
  readonly roundId: number;
  readonly source: PlanSource;
}

const NO_QUOTES: QuoteOf = () => undefined;

/**
 * The words of the comments `plans` quote, read once per round (the round's comment entries, kept
 * by this relay instance while its boxes do not change, and its thread messages). Without the
 * pulse keys no comment can be read: no words.
 */
export async function readQuotes(sp: SPFI, keys: PulseKeyring | undefined, plans: readonly QuotingPlan[], now: Date, log: (line: string) => void): Promise<QuoteOf> {
  const wanted = new Map<number, Set<string>>();
  plans.forEach((plan) => {
    if (plan.source.kind === 'comment' && plan.source.threadId !== undefined) {
      const ids = wanted.get(plan.roundId) ?? new Set<string>();
      ids.add(plan.source.threadId);
      wanted.set(plan.roundId, ids);
    }
  });
  if (!keys || wanted.size === 0) {
    return NO_QUOTES;
  }
  const words = new Map<string, string>();
  const at = (roundId: number, threadId: string): string => `${roundId}|${threadId}`;
  await Promise.all(
    Array.from(wanted.entries()).map(async ([roundId, ids]) => {
      const [comments, threads] = await Promise.all([roundComments(sp, keys, roundId, log), readRoundThreads(sp, keys, roundId, now, log)]);
      comments.forEach((comment) => {
        const threadId = threads.threadIdOf(comment);
        if (ids.has(threadId) && threads.forOthers(threadId).status === 'visible') {
          words.set(at(roundId, threadId), comment.text);
        }
      });
    })
  );
  return (roundId, threadId) => words.get(at(roundId, threadId));
}

/** A plan's source as served: a quoted comment with its words where they may be served (`withThreadId`: for its writers). */
export function servedSource(plan: QuotingPlan, quoteOf: QuoteOf, withThreadId: boolean): PlanSource {
  const source = plan.source;
  if (source.kind !== 'comment') {
    return source;
  }
  const text = source.threadId !== undefined ? quoteOf(plan.roundId, source.threadId) : undefined;
  return {
    kind: 'comment',
    ...(withThreadId && source.threadId !== undefined ? { threadId: source.threadId } : {}),
    ...(text !== undefined ? { text } : {})
  };
}
