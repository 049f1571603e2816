import type { RecognitionValue } from '../models/values';
import { odataString } from '../odata';
import { composeRecognition, type ComposeContext, MAX_MESSAGE_LENGTH, type RecipientRef, visibleLength } from './compose';

const value = (valueKey: string, isActive = true): RecognitionValue => ({
  id: 1,
  valueKey,
  title: valueKey,
  sortOrder: 1,
  translations: {},
  isActive
});

const context: ComposeContext = {
  giverId: 10,
  values: [value('safety'), value('quality', false)],
  requestId: 'req-1',
  siteCode: 'GOT',
  shiftCode: 'N'
};

const sean: RecipientRef = { siteUserId: 11, displayName: "Seán O'Brien", exists: true, crewKey: 'GOT-WELD-A', siteCode: 'GOT', lineCode: 'WELD2' };
const leyla: RecipientRef = { siteUserId: 13, displayName: 'Leyla Ünal', exists: true, siteCode: 'GOT' };

describe('composing a recognition', () => {
  it('makes one item per recipient with the idempotency key and the crew award batch', () => {
    const result = composeRecognition(
      { recipients: [sean, leyla, sean], valueKey: 'safety', message: '  Spotted the loose guard\r\non press 2  ', impact: '500 orders saved', visibility: 'everyone' },
      context
    );
    if (!result.ok) {
      throw new Error(JSON.stringify(result.errors));
    }
    expect(result.items).toHaveLength(2);
    expect(result.items[0]).toEqual({
      Title: 'Spotted the loose guard',
      RecipientId: 11,
      Kind: 'crew',
      ValueKey: 'safety',
      Message: 'Spotted the loose guard\non press 2',
      Impact: '500 orders saved',
      SiteCode: 'GOT',
      LineCode: 'WELD2',
      ShiftCode: 'N',
      CrewKey: 'GOT-WELD-A',
      Visibility: 'everyone',
      Status: 'published',
      BatchId: 'req-1',
      ClientRequestId: 'req-1:11'
    });
    expect(result.items[1].ClientRequestId).toBe('req-1:13');
  });

  it('refuses self-recognition, with a code the form can show next to the people', () => {
    const result = composeRecognition({ recipients: [{ ...sean, siteUserId: 10 }], valueKey: 'safety', message: 'me', visibility: 'everyone' }, context);
    expect(result).toEqual({ ok: false, errors: [{ code: 'selfRecognition', field: 'recipients' }] });
  });

  it('collects every problem at once: nobody picked, deactivated value, empty message', () => {
    const result = composeRecognition({ recipients: [], valueKey: 'quality', message: ' \n\t ', visibility: 'everyone' }, context);
    expect(result.ok ? [] : result.errors.map((e) => e.code)).toEqual(['noRecipient', 'valueInactive', 'messageEmpty']);
  });

  it('refuses "my crew" visibility for someone whose crew is not known, naming them', () => {
    const result = composeRecognition({ recipients: [sean, leyla], valueKey: 'safety', message: 'Thanks', visibility: 'crew' }, context);
    expect(result).toEqual({ ok: false, errors: [{ code: 'crewUnknown', field: 'visibility', detail: 'Leyla Ünal' }] });
    expect(composeRecognition({ recipients: [sean], valueKey: 'safety', message: 'Thanks', visibility: 'crew' }, context).ok).toBe(true);
  });

  it('names a person who no longer exists', () => {
    const result = composeRecognition({ recipients: [{ ...leyla, exists: false }], valueKey: 'safety', message: 'Thanks', visibility: 'everyone' }, context);
    expect(result).toEqual({ ok: false, errors: [{ code: 'recipientUnknown', field: 'recipients', detail: 'Leyla Ünal' }] });
  });

  it('counts emoji and right-to-left text as people see them', () => {
    const emoji = '👷‍♀️'.repeat(10);
    expect(visibleLength('👍🏽')).toBe(2);
    const arabic = 'شكرا لك على المساعدة';
    const result = composeRecognition({ recipients: [sean], valueKey: 'safety', message: `${arabic} ${emoji}`, visibility: 'crew' }, context);
    expect(result.ok && result.items[0].Message).toBe(`${arabic} ${emoji}`);
  });

  it('refuses an over-long message and keeps HTML as plain text', () => {
    const long = composeRecognition({ recipients: [sean], valueKey: 'safety', message: 'x'.repeat(MAX_MESSAGE_LENGTH + 1), visibility: 'everyone' }, context);
    expect(long.ok ? [] : long.errors).toEqual([{ code: 'messageTooLong', field: 'message', detail: String(MAX_MESSAGE_LENGTH) }]);
    const html = composeRecognition({ recipients: [sean], valueKey: 'safety', message: '<img src=x onerror=alert(1)>', visibility: 'everyone' }, context);
    expect(html.ok && html.items[0].Message).toBe('<img src=x onerror=alert(1)>');
  });

  it('refuses an unknown value', () => {
    const result = composeRecognition({ recipients: [sean], valueKey: 'speed', message: 'Fast', visibility: 'everyone' }, context);
    expect(result.ok ? [] : result.errors.map((e) => e.code)).toEqual(['valueUnknown']);
  });
});

describe('OData text literals', () => {
  it('doubles apostrophes so names stay inside the literal', () => {
    expect(odataString("Seán O'Brien")).toBe("'Seán O''Brien'");
    expect(odataString("x' or Title ne '")).toBe("'x'' or Title ne '''");
  });
});
