/**
 * Typed fakes of what the Pulse card reads what followed a pulse through (the relay's thread and
 * plan routes, `FollowUpSources`), and the comments and plans they answer with, for the card's
 * view and part tests.
 */
import type { PublishedPlan } from '../../../core/pulse/plans/types';
import type { PlanStoreError, PublishedPlansBody } from '../../../core/pulse/plans/wire';
import type { MyCommentBody, MyCommentsBody, PulseThreadsError } from '../../../core/pulse/threads/wire';
import type { FollowUpSources, PulseFollowUp } from '../pulseFollowUp';

export const THREAD = `k1:${'a'.repeat(64)}`;
export const OTHER_THREAD = `k1:${'b'.repeat(64)}`;

/** A comment of the person's that HR answered, as `GET /api/pulse/threads/mine` gives it. */
export const ANSWERED: MyCommentBody = {
  roundId: 3,
  title: 'Weld hall pulse',
  questionKey: 'idea',
  text: 'More light at station 4',
  threadId: THREAD,
  status: 'visible',
  messages: [{ role: 'hr', text: 'New lamps are ordered for week 2.', mine: false }],
  answeredBy: 'hr',
  canAnswer: true
};

/** A comment nobody has replied to. */
export const UNANSWERED: MyCommentBody = { ...ANSWERED, questionKey: 'other', text: 'Fewer meetings', threadId: OTHER_THREAD, messages: [], answeredBy: undefined, canAnswer: false };

/** A published plan as an employee gets it; only the fields every version of the relay sends. */
export function plan(id: number, overrides: Partial<PublishedPlan> = {}): PublishedPlan {
  return {
    id,
    headline: `Plan ${id}`,
    driver: 'schedule-influence',
    source: { kind: 'driver' },
    youSaid: 'Swapping a shift takes too long.',
    weWillDo: 'Swaps are asked for and approved in Teams Shifts.',
    ownerName: 'Eva Lind',
    dueDate: '2027-01-15',
    status: 'in-progress',
    groupKey: 'crew=team-weld-a',
    publishedAt: '2026-12-01T08:00:00Z',
    ...overrides
  };
}

export function followed(comments: readonly MyCommentBody[], plans: readonly PublishedPlan[]): PulseFollowUp {
  return { comments: { state: 'read', value: { comments } }, plans: { state: 'read', value: plans } };
}

/** The relay's thread and plan routes as the card uses them: records calls, answers what the test says. */
export class FakeFollowUpSources implements FollowUpSources {
  public comments: MyCommentBody[] = [ANSWERED];
  public plansPublished: PublishedPlan[] = [plan(1)];
  public mineFailure: PulseThreadsError | undefined;
  public plansFailure: PlanStoreError | undefined;
  public answerFailure: PulseThreadsError | undefined;
  public readonly calls: string[] = [];
  public readonly answered: Array<{ threadId: string; text: string }> = [];
  /** Reads answer once this settles: a test holds them to see which are under way at once. */
  public hold: Promise<void> = Promise.resolve();

  public readonly threads = {
    mine: (): Promise<MyCommentsBody> => {
      this.calls.push('mine');
      return this.hold.then(() => (this.mineFailure ? Promise.reject(this.mineFailure) : { comments: this.comments }));
    },
    answer: (threadId: string, text: string): Promise<void> => {
      this.calls.push('answer');
      if (this.answerFailure) {
        return Promise.reject(this.answerFailure);
      }
      this.answered.push({ threadId, text });
      // The relay's thread now ends with the author's answer: nobody's reply waits.
      this.comments = this.comments.map((c) => (c.threadId === threadId ? { ...c, messages: [...c.messages, { role: 'employee', text, mine: true }], answeredBy: undefined } : c));
      return Promise.resolve();
    }
  };

  public readonly plans = {
    published: (): Promise<PublishedPlansBody> => {
      this.calls.push('plans');
      return this.hold.then(() => (this.plansFailure ? Promise.reject(this.plansFailure) : { plans: this.plansPublished }));
    }
  };
}
