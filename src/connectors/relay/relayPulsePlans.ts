/**
 * Action plans through the relay (relay/src/routes/pulsePlans.ts), on the page's one relay client
 * (token, retries, Retry-After). The page never decides whose plans it may write: the relay takes
 * that from the token. Failures become {@link PlanStoreError} codes; what the relay sends is
 * checked before a part shows it (a plan that is not one is left out).
 */
import { PULSE_DRIVERS, type PulseDriver } from '../../core/models/pulse';
import { PLAN_STATUSES, type ActionPlanRecord, type PlanSource, type PlanStatus, type PublishedPlan } from '../../core/pulse/plans/types';
import { type MyPlansBody, type PlanStore, PlanStoreError, type PlanStoreErrorCode, type PublishedPlansBody, type SavePlanRequest } from '../../core/pulse/plans/wire';
import type { Filter } from '../../core/pulse/results/cells';
import { THREAD_ID_PATTERN } from '../../core/pulse/threads/threads';
import { RecognitionStoreError } from '../../core/recognition/ports';
import { RelayCallError, type RelayClient } from './relayClient';

const STORE_CODES: { readonly [storeCode: string]: PlanStoreErrorCode } = {
  invalid: 'invalid',
  notFound: 'notFound',
  accessDenied: 'accessDenied',
  noRelay: 'noRelay',
  notSetUp: 'notSetUp',
  relayFault: 'relayFault',
  throttled: 'unavailable',
  network: 'unavailable',
  rateLimited: 'rateLimited'
};

/** The relay client's failure as a plan code. */
export function planStoreErrorOf(error: unknown): PlanStoreError {
  if (error instanceof PlanStoreError) {
    return error;
  }
  if (error instanceof RelayCallError && error.relayCode === 'planChanged') {
    return new PlanStoreError('changed', error.message);
  }
  if (error instanceof RelayCallError && error.relayCode === 'quoteUnavailable') {
    // Only the relay can tell: the editor marks the quote.
    return new PlanStoreError('invalid', error.message, [{ field: 'source', code: 'sourceUnavailable' }]);
  }
  if (error instanceof RecognitionStoreError) {
    const code = Object.prototype.hasOwnProperty.call(STORE_CODES, error.code) ? STORE_CODES[error.code] : 'unexpected';
    return new PlanStoreError(code, error.message, [], error.retryAfterSeconds);
  }
  return new PlanStoreError('unexpected', error instanceof Error ? error.message : String(error));
}

type Raw = { readonly [key: string]: unknown };
const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const isDriver = (value: unknown): value is PulseDriver => PULSE_DRIVERS.indexOf(value as PulseDriver) >= 0;
const isStatus = (value: unknown): value is PlanStatus => PLAN_STATUSES.indexOf(value as PlanStatus) >= 0;

/** A plan's source as the relay sent it: a quoted comment's thread id (writers only) and its words while they are served. */
function sourceOf(value: unknown): PlanSource {
  if (!isRecord(value) || value.kind !== 'comment') {
    return { kind: 'driver' };
  }
  return {
    kind: 'comment',
    ...(typeof value.threadId === 'string' && THREAD_ID_PATTERN.test(value.threadId) ? { threadId: value.threadId } : {}),
    ...(typeof value.text === 'string' ? { text: value.text } : {})
  };
}

/** A plan as a writer gets it; undefined when it is not one. */
export function parsePlanRecord(value: unknown): ActionPlanRecord | undefined {
  if (!isRecord(value) || typeof value.id !== 'number' || typeof value.roundId !== 'number' || typeof value.version !== 'string' || !isDriver(value.driver) || !isStatus(value.status)) {
    return undefined;
  }
  const owner = isRecord(value.owner) ? value.owner : {};
  return {
    id: value.id,
    surveyId: typeof value.surveyId === 'number' ? value.surveyId : 0,
    roundId: value.roundId,
    headline: text(value.headline),
    driver: value.driver,
    source: sourceOf(value.source),
    youSaid: text(value.youSaid),
    weWillDo: text(value.weWillDo),
    owner: { name: text(owner.name), login: text(owner.login) },
    dueDate: text(value.dueDate),
    status: value.status,
    groupKey: text(value.groupKey),
    ...(typeof value.publishedAt === 'string' && value.publishedAt !== '' ? { publishedAt: value.publishedAt } : {}),
    version: value.version
  };
}

/** A published plan as an employee gets it; undefined when it is not one. */
export function parsePublishedPlan(value: unknown): PublishedPlan | undefined {
  if (!isRecord(value) || typeof value.id !== 'number' || typeof value.publishedAt !== 'string' || !isDriver(value.driver) || !isStatus(value.status)) {
    return undefined;
  }
  return {
    id: value.id,
    headline: text(value.headline),
    driver: value.driver,
    source: sourceOf(value.source),
    youSaid: text(value.youSaid),
    weWillDo: text(value.weWillDo),
    ownerName: text(value.ownerName),
    dueDate: text(value.dueDate),
    status: value.status,
    groupKey: text(value.groupKey),
    publishedAt: value.publishedAt
  };
}

const listOf = <T>(value: unknown, parse: (entry: unknown) => T | undefined): T[] =>
  (Array.isArray(value) ? value : []).map(parse).filter((entry): entry is T => entry !== undefined);

function planFrom(body: unknown): ActionPlanRecord {
  const plan = parsePlanRecord(isRecord(body) ? body.plan : undefined);
  if (!plan) {
    throw new PlanStoreError('unexpected', 'The relay answered without the plan.');
  }
  return plan;
}

export class RelayPulsePlans implements PlanStore {
  public constructor(private readonly relay: RelayClient) {}

  public async published(): Promise<PublishedPlansBody> {
    const body = await this.call(() => this.relay.get('/pulse/plans', 'Reading the action plans'));
    return { plans: listOf(isRecord(body) ? body.plans : undefined, parsePublishedPlan) };
  }

  public async mine(): Promise<MyPlansBody> {
    const body = await this.call(() => this.relay.get('/pulse/plans/mine', 'Reading your action plans'));
    const writer = isRecord(body) && isRecord(body.writer) ? body.writer : {};
    const role = writer.role === 'hr' || writer.role === 'leader' ? writer.role : 'employee';
    const crews = listOf(writer.crews, (entry): Filter | undefined => (isRecord(entry) && entry.dimension === 'crew' && typeof entry.value === 'string' ? { dimension: 'crew', value: entry.value } : undefined));
    return { writer: { role, crews }, plans: listOf(isRecord(body) ? body.plans : undefined, parsePlanRecord) };
  }

  public async save(request: SavePlanRequest): Promise<ActionPlanRecord> {
    return planFrom(await this.call(() => this.relay.post('/pulse/plans/save', request, 'Saving the action plan')));
  }

  public async publish(id: number, version: string, published: boolean): Promise<ActionPlanRecord> {
    return planFrom(await this.call(() => this.relay.post('/pulse/plans/publish', { id, version, published }, published ? 'Publishing the action plan' : 'Taking the action plan back')));
  }

  public async setStatus(id: number, version: string, status: PlanStatus): Promise<ActionPlanRecord> {
    return planFrom(await this.call(() => this.relay.post('/pulse/plans/status', { id, version, status }, 'Changing the action plan\'s status')));
  }

  private async call(send: () => Promise<unknown>): Promise<unknown> {
    try {
      return await send();
    } catch (error) {
      throw planStoreErrorOf(error);
    }
  }
}
