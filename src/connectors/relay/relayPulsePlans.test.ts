import { RecognitionStoreError } from '../../core/recognition/ports';
import { PlanStoreError } from '../../core/pulse/plans/wire';
import { RelayCallError } from './relayClient';
import { parsePlanRecord, parsePublishedPlan, planStoreErrorOf } from './relayPulsePlans';

const THREAD = `k1:${'ab'.repeat(32)}`;

const record = {
  id: 7,
  surveyId: 3,
  roundId: 12,
  headline: 'Handover at every shift change',
  driver: 'leadership',
  source: { kind: 'comment', threadId: THREAD, text: 'Nobody tells the night shift what broke.' },
  youSaid: 'We lose information between shifts.',
  weWillDo: 'A five-minute handover.',
  owner: { name: 'Sanne de Vries', login: 'sanne@contoso.com' },
  dueDate: '2027-01-15',
  status: 'in-progress',
  groupKey: 'line=ein-mould',
  version: '"4"'
};

describe('action plans from the relay', () => {
  it('takes a plan as the relay sends it and leaves out what is not one', () => {
    expect(parsePlanRecord(record)).toEqual(record);
    expect(parsePlanRecord({ ...record, publishedAt: '2026-12-01T08:00:00.000Z' })?.publishedAt).toBe('2026-12-01T08:00:00.000Z');
    for (const broken of [{ ...record, driver: 'pay' }, { ...record, status: 'maybe' }, { ...record, version: 4 }, { ...record, id: '7' }, 'plan', null]) {
      expect(parsePlanRecord(broken)).toBeUndefined();
    }
    // A quoted comment without words (not shown any more) or without its thread id (an older plan's, or an employee's).
    expect(parsePlanRecord({ ...record, source: { kind: 'comment', threadId: THREAD } })?.source).toEqual({ kind: 'comment', threadId: THREAD });
    expect(parsePlanRecord({ ...record, source: { kind: 'comment' } })?.source).toEqual({ kind: 'comment' });
    expect(parsePlanRecord({ ...record, source: { kind: 'comment', threadId: 'no id', text: 7 } })?.source).toEqual({ kind: 'comment' });
    // A source that is not a comment is the driver's.
    expect(parsePlanRecord({ ...record, source: { kind: 'rumour', text: 'x' } })?.source).toEqual({ kind: 'driver' });
  });

  it('takes a published plan only with its publication time', () => {
    const published = { id: 7, headline: 'x', driver: 'recognition', source: { kind: 'driver' }, youSaid: 'a', weWillDo: 'b', ownerName: 'Eva', dueDate: '', status: 'planned', groupKey: 'plant', publishedAt: '2026-12-01T08:00:00.000Z' };
    expect(parsePublishedPlan(published)).toEqual(published);
    expect(parsePublishedPlan({ ...published, publishedAt: undefined })).toBeUndefined();
  });

  it('turns the relay client\'s failures into plan codes', () => {
    expect(planStoreErrorOf(new RelayCallError('unexpected', 'HTTP 409', 409, 'planChanged')).code).toBe('changed');
    expect(planStoreErrorOf(new RelayCallError('invalid', 'HTTP 400', 400, 'invalidInput')).code).toBe('invalid');
    // A quote only the relay can refuse is marked on its field.
    const quote = planStoreErrorOf(new RelayCallError('invalid', 'HTTP 400', 400, 'quoteUnavailable'));
    expect([quote.code, quote.errors]).toEqual(['invalid', [{ field: 'source', code: 'sourceUnavailable' }]]);
    const limited = planStoreErrorOf(new RelayCallError('rateLimited', 'HTTP 429', 429, 'rateLimited', 40));
    expect([limited.code, limited.retryAfterSeconds]).toEqual(['rateLimited', 40]);
    expect(planStoreErrorOf(new RecognitionStoreError('network', 'offline')).code).toBe('unavailable');
    expect(planStoreErrorOf(new RecognitionStoreError('notSetUp', 'setup')).code).toBe('notSetUp');
    expect(planStoreErrorOf(new Error('boom')).code).toBe('unexpected');
    const own = new PlanStoreError('notFound', 'gone');
    expect(planStoreErrorOf(own)).toBe(own);
  });
});
