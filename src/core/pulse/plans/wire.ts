/**
 * What the relay's plan routes take and send (docs/relay.md "Action plans"), one shape for the
 * relay and the page, and the port the parts read and write plans through.
 *
 *   GET  /api/pulse/plans           → {plans: PublishedPlan[]}: the published plans of the caller's groups
 *   GET  /api/pulse/plans/mine      → {writer, plans: ActionPlanRecord[]}: the plans the caller may edit, drafts too
 *   POST /api/pulse/plans/save      {planKey, id?, version?, plan} → {plan}: a draft made or changed
 *   POST /api/pulse/plans/publish   {id, version, published}        → {plan}: published or taken back
 *   POST /api/pulse/plans/status    {id, version, status}           → {plan}
 *
 * A plan quoting a comment sends `source: {kind: 'comment', threadId}`; the relay answers with the
 * comment's words as `source.text` while HR and leaders are shown the comment, and gives employees
 * the words without the thread id (`types.ts` `PlanSource`).
 */
import type { Filter } from '../results/cells';
import type { PlanWriter } from './scope';
import type { ActionPlanRecord, PlanError, PlanFields, PlanStatus, PublishedPlan } from './types';

/** Who the relay found the caller to be, for plans. */
export interface PlanWriterBody {
  readonly role: 'hr' | 'leader' | 'employee';
  /** The crews a leader leads (the Teams teams they own); empty for others. */
  readonly crews: readonly Filter[];
}

/** The writer the relay said the caller is, for the page's checks beside the fields. */
export function planWriterOf(body: PlanWriterBody): PlanWriter {
  return body.role === 'leader' ? { role: 'leader', crews: body.crews.map((crew) => crew.value) } : { role: body.role };
}

export interface MyPlansBody {
  readonly writer: PlanWriterBody;
  readonly plans: readonly ActionPlanRecord[];
}

export interface PublishedPlansBody {
  readonly plans: readonly PublishedPlan[];
}

export interface PlanBody {
  readonly plan: ActionPlanRecord;
}

/** A save: `planKey` makes a resend of the same new plan store it once; `id` and `version` change a stored one. */
export interface SavePlanRequest {
  readonly planKey: string;
  readonly id?: number;
  readonly version?: string;
  readonly plan: PlanFields;
}

/** A plan key: made on the device, 16–64 letters, digits and dashes. */
export const PLAN_KEY = /^[A-Za-z0-9-]{16,64}$/;

/** Why a plan call failed, for the parts to put into words. */
export type PlanStoreErrorCode =
  /**
   * The relay refused the plan: `errors` says which fields where the page can tell (a quoted
   * comment not available: `sourceUnavailable`); the rest is checked on the page first, so rare.
   */
  | 'invalid'
  /** Someone changed the plan since it was read: read it again. */
  | 'changed'
  | 'notFound'
  | 'accessDenied'
  | 'noRelay'
  | 'notSetUp'
  | 'relayFault'
  | 'unavailable'
  | 'rateLimited'
  | 'unexpected';

export class PlanStoreError extends Error {
  public constructor(
    public readonly code: PlanStoreErrorCode,
    message: string,
    public readonly errors: readonly PlanError[] = [],
    public readonly retryAfterSeconds?: number
  ) {
    super(message);
    this.name = 'PlanStoreError';
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** Where the parts read and write plans (the relay; nothing else writes them). */
export interface PlanStore {
  published(): Promise<PublishedPlansBody>;
  mine(): Promise<MyPlansBody>;
  save(request: SavePlanRequest): Promise<ActionPlanRecord>;
  publish(id: number, version: string, published: boolean): Promise<ActionPlanRecord>;
  setStatus(id: number, version: string, status: PlanStatus): Promise<ActionPlanRecord>;
}
