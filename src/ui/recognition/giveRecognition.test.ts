import type { RecognitionValue } from '../../core/models/values';
import type { ComposeContext, RecipientRef, RecognitionDraft } from '../../core/recognition/compose';
import { RecognitionStoreError } from '../../core/recognition/ports';
import type { GiveResult, RecognitionGiver } from '../../core/recognition/recognitionService';
import { giveRecognition, type GiveRecognitionDeps, type RecognitionPick } from './giveRecognition';
import { storeErrorSentence, storeErrorText } from './storeErrorText';

const VALUES: RecognitionValue[] = [
  { id: 1, valueKey: 'safety', title: 'Safety', sortOrder: 1, translations: { 'nl-nl': { name: 'Veiligheid', description: '' } }, isActive: true }
];
const SEAN: RecipientRef = { siteUserId: 12, displayName: 'Seán O’Brien', exists: true };

class FakeGiver {
  public readonly given: Array<{ draft: RecognitionDraft; context: ComposeContext; names: { giverName: string; valueName: string } }> = [];
  public readonly forgotten: string[] = [];
  public constructor(private readonly answer: GiveResult | Error) {}
  public give(draft: RecognitionDraft, context: ComposeContext, names: { giverName: string; valueName: string }): Promise<GiveResult> {
    this.given.push({ draft, context, names });
    return this.answer instanceof Error ? Promise.reject(this.answer) : Promise.resolve(this.answer);
  }
  public forgetRejected(requestId: string): void {
    this.forgotten.push(requestId);
  }
}

const PICK: RecognitionPick = { recipients: [SEAN], valueKey: 'safety', message: 'Stopped the line in time', visibility: 'everyone' };

function deps(giver: Pick<RecognitionGiver, 'give'>, extra: Partial<GiveRecognitionDeps> = {}): GiveRecognitionDeps {
  return { giver, values: VALUES, giverId: 7, giverName: 'Jonas Ødegaard', siteCode: 'GOT', locale: 'nl-nl', requestId: 'req-1', ...extra };
}

describe('giveRecognition', () => {
  it('builds the draft, the compose context and the names, and says sent with the recipients', async () => {
    const giver = new FakeGiver({ status: 'sent', ids: [31], unnotified: ['Seán O’Brien'] });
    const outcome = await giveRecognition({ ...PICK, kind: 'leader' }, deps(giver));
    expect(outcome).toEqual({ kind: 'sent', ids: [31], recipients: [SEAN], unnotified: ['Seán O’Brien'] });
    expect(giver.given).toEqual([
      {
        draft: { recipients: [SEAN], valueKey: 'safety', message: 'Stopped the line in time', visibility: 'everyone', kind: 'leader' },
        context: { giverId: 7, values: VALUES, requestId: 'req-1', siteCode: 'GOT', locale: 'nl-nl' },
        names: { giverName: 'Jonas Ødegaard', valueName: 'Veiligheid' }
      }
    ]);
  });

  it('resolves the recipients, the values and the giver when they are given as reads', async () => {
    const giver = new FakeGiver({ status: 'sent', ids: [31] });
    const outcome = await giveRecognition(
      { ...PICK, recipients: () => Promise.resolve([SEAN]) },
      deps(giver, { values: () => Promise.resolve(VALUES), giverId: () => Promise.resolve(8) })
    );
    expect(outcome).toEqual({ kind: 'sent', ids: [31], recipients: [SEAN], unnotified: [] });
    expect(giver.given[0].context.giverId).toBe(8);
  });

  it('says queued and invalid as the service does', async () => {
    await expect(giveRecognition(PICK, deps(new FakeGiver({ status: 'queued', reason: 'network' })))).resolves.toEqual({ kind: 'queued', code: 'network' });
    // A fetch that never reached the server gives its own words as the reason: the connection.
    await expect(giveRecognition(PICK, deps(new FakeGiver({ status: 'queued', reason: 'Failed to fetch' })))).resolves.toEqual({ kind: 'queued', code: 'network' });
    await expect(giveRecognition(PICK, deps(new FakeGiver({ status: 'queued', reason: 'notSetUp' })))).resolves.toEqual({ kind: 'queued', code: 'notSetUp' });
    const errors = [{ code: 'messageEmpty' as const, field: 'message' as const }];
    await expect(giveRecognition(PICK, deps(new FakeGiver({ status: 'invalid', errors })))).resolves.toEqual({ kind: 'invalid', errors });
  });

  it('says rejected with the store code and drops the refused copy where the giver can', async () => {
    const giver = new FakeGiver({ status: 'rejected', reason: 'accessDenied' });
    await expect(giveRecognition(PICK, deps(giver))).resolves.toEqual({ kind: 'rejected', code: 'accessDenied' });
    expect(giver.forgotten).toEqual(['req-1']);
  });

  it('says failed with the code when resolving or sending fails', async () => {
    const resolving = giveRecognition({ ...PICK, recipients: () => Promise.reject(new RecognitionStoreError('throttled', '429')) }, deps(new FakeGiver({ status: 'sent', ids: [] })));
    await expect(resolving).resolves.toEqual({ kind: 'failed', code: 'throttled' });
    await expect(giveRecognition(PICK, deps(new FakeGiver(new TypeError('Failed to fetch'))))).resolves.toEqual({ kind: 'failed', code: 'network' });
    await expect(giveRecognition(PICK, deps(new FakeGiver(new Error('boom'))))).resolves.toEqual({ kind: 'failed', code: 'unexpected' });
  });
});

describe('storeErrorText', () => {
  it('has one wording per code, as words after a colon or as a sentence, with a part\'s override', () => {
    expect(storeErrorText(new RecognitionStoreError('network', 'x'))).toBe('the connection was lost; try again when you\'re back online.');
    expect(storeErrorText('throttled')).toBe(storeErrorText({ code: 'throttled' }));
    expect(storeErrorText('nonsense')).toBe(storeErrorText(new Error('x')));
    expect(storeErrorSentence('accessDenied')).toBe('You don\'t have permission for this on this site.');
    expect(storeErrorSentence('accessDenied', { accessDenied: 'You need HR rights.' })).toBe('You need HR rights.');
  });
});
