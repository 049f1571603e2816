import type { RecognitionValue } from '../models/values';
import { composeRecognition, type NewRecognitionItem, type RecipientRef } from './compose';
import { parseGiveRequest, storedKind } from './giveRequest';

const safety: RecognitionValue = { id: 1, valueKey: 'safety', title: 'Safety', sortOrder: 1, translations: {}, isActive: true };
const sean: RecipientRef = { siteUserId: 11, displayName: 'Seán', exists: true, crewKey: 'team-a', siteCode: 'GOT', lineCode: 'WELD2' };
const leyla: RecipientRef = { siteUserId: 13, displayName: 'Leyla', exists: true, siteCode: 'GOT' };

function composed(recipients: RecipientRef[], visibility: 'everyone' | 'crew' | 'private' = 'everyone'): NewRecognitionItem[] {
  const result = composeRecognition(
    { recipients, valueKey: 'safety', message: 'Stopped the line before the guard failed.\nThanks!', impact: 'No injury', visibility },
    { giverId: 10, values: [safety], requestId: 'req-1', siteCode: 'GOT' }
  );
  if (!result.ok) {
    throw new Error(JSON.stringify(result.errors));
  }
  return result.items;
}

const withItem = (change: Record<string, unknown>): unknown => ({ items: [{ ...composed([sean])[0], ...change }] });

describe('what the relay accepts when a person gives recognition', () => {
  it('accepts what the composer makes, one submission for a crew award', () => {
    const items = composed([sean], 'crew');
    expect(parseGiveRequest({ items })).toEqual({ ok: true, requestId: 'req-1', items });
    const both = parseGiveRequest({ items: composed([sean, leyla]) });
    expect(both.ok && both.items.map((item) => item.RecipientId)).toEqual([11, 13]);
  });

  it('never takes a state, an unknown kind or a title the page claims', () => {
    expect(parseGiveRequest(withItem({ Status: 'removed' }))).toEqual({ ok: false, error: 'status' });
    expect(parseGiveRequest(withItem({ Status: undefined }))).toEqual({ ok: false, error: 'status' });
    expect(parseGiveRequest(withItem({ Kind: 'boss' }))).toEqual({ ok: false, error: 'kind' });
    const retitled = parseGiveRequest(withItem({ Title: 'Something else entirely' }));
    expect(retitled.ok && retitled.items[0].Title).toBe('Stopped the line before the guard failed.');
  });

  it('keeps the leader kind only for the recipient\'s own manager', () => {
    expect(storedKind('leader', 'Lena@Plant.example', 'lena@plant.example')).toBe('leader');
    expect(storedKind('leader', 'sam@plant.example', 'lena@plant.example')).toBe('peer');
    expect(storedKind('leader', 'sam@plant.example', undefined)).toBe('peer');
    expect(storedKind('crew', 'sam@plant.example', undefined)).toBe('crew');
    // An anniversary does not name its giver on the wall: only the manager gives one.
    expect(storedKind('anniversary', 'sam@plant.example', 'lena@plant.example')).toBe('peer');
    expect(storedKind('milestone', 'sam@plant.example', 'lena@plant.example')).toBe('peer');
    expect(storedKind('anniversary', 'lena@plant.example', 'lena@plant.example')).toBe('anniversary');
  });

  it('carries no giver: a field naming one is not passed on', () => {
    const parsed = parseGiveRequest(withItem({ GiverId: 99, AuthorId: 99 }));
    expect(parsed.ok && Object.keys(parsed.items[0])).not.toEqual(expect.arrayContaining(['GiverId']));
    expect(parsed.ok && Object.keys(parsed.items[0])).not.toEqual(expect.arrayContaining(['AuthorId']));
  });

  it('measures text as SharePoint does and normalises it again', () => {
    expect(parseGiveRequest(withItem({ Message: '  \u0007 ' }))).toEqual({ ok: false, error: 'messageEmpty' });
    // Only invisible characters or combining marks: nothing to read.
    expect(parseGiveRequest(withItem({ Message: '\u2060\u2060' }))).toEqual({ ok: false, error: 'messageEmpty' });
    expect(parseGiveRequest(withItem({ Message: '\u0301\u0301' }))).toEqual({ ok: false, error: 'messageEmpty' });
    const overridden = parseGiveRequest(withItem({ Message: 'Good \u202Ekrow\u202C' }));
    expect(overridden.ok && overridden.items[0].Message).toBe('Good krow');
    const joined = parseGiveRequest(withItem({ Message: 'Team 👩\u200D🔧' }));
    expect(joined.ok && joined.items[0].Message).toBe('Team 👩\u200D🔧');
    expect(parseGiveRequest(withItem({ Message: '😀'.repeat(501) }))).toEqual({ ok: false, error: 'messageTooLong' });
    expect(parseGiveRequest(withItem({ Message: '😀'.repeat(500) })).ok).toBe(true);
    expect(parseGiveRequest(withItem({ Impact: '😀'.repeat(128) }))).toEqual({ ok: false, error: 'impactTooLong' });
    const cleaned = parseGiveRequest(withItem({ Message: 'Good\u0000 work\r\n\r\n\r\n\r\nagain ' }));
    expect(cleaned.ok && cleaned.items[0].Message).toBe('Good work\n\nagain');
    expect(parseGiveRequest(withItem({ CrewKey: 'x'.repeat(129) }))).toEqual({ ok: false, error: 'code' });
  });

  it('refuses a crew post without a crew, and unknown visibilities', () => {
    expect(parseGiveRequest(withItem({ Visibility: 'crew', CrewKey: undefined }))).toEqual({ ok: false, error: 'crewKey' });
    expect(parseGiveRequest(withItem({ Visibility: 'secret' }))).toEqual({ ok: false, error: 'visibility' });
  });

  it('keeps one submission to one request id, one item per recipient and one batch', () => {
    const [a, b] = composed([sean, leyla]);
    expect(parseGiveRequest({ items: [a, { ...b, ClientRequestId: 'other:13' }] })).toEqual({ ok: false, error: 'clientRequestId' });
    expect(parseGiveRequest({ items: [a, { ...a }] })).toEqual({ ok: false, error: 'duplicateRecipient' });
    expect(parseGiveRequest({ items: [a, { ...b, BatchId: 'other' }] })).toEqual({ ok: false, error: 'batchId' });
    expect(parseGiveRequest(withItem({ ClientRequestId: 'req-1:12' }))).toEqual({ ok: false, error: 'clientRequestId' });
    expect(parseGiveRequest(withItem({ ClientRequestId: ':11' }))).toEqual({ ok: false, error: 'clientRequestId' });
    expect(parseGiveRequest(withItem({ RecipientId: -1 }))).toEqual({ ok: false, error: 'recipient' });
  });

  it('refuses what is not a list of items, and more recipients than a crew award reaches', () => {
    expect(parseGiveRequest(undefined)).toEqual({ ok: false, error: 'items' });
    expect(parseGiveRequest({ items: [] })).toEqual({ ok: false, error: 'items' });
    expect(parseGiveRequest({ items: ['x'] })).toEqual({ ok: false, error: 'items' });
    const many = Array.from({ length: 51 }, (_, i) => ({ ...composed([sean])[0], RecipientId: i + 100, ClientRequestId: `req-1:${i + 100}`, BatchId: 'req-1' }));
    expect(parseGiveRequest({ items: many })).toEqual({ ok: false, error: 'tooManyRecipients' });
  });
});
