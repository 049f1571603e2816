import * as fs from 'fs';
import * as path from 'path';

import type { RecognitionValue } from '../models/values';
import { odataString } from '../odata';
import { parseListSchema } from '../schema/listSchema';
import {
  cleanComposeField,
  composeRecognition,
  type ComposeContext,
  composeFieldLength,
  MAX_IMPACT_LENGTH,
  MAX_MESSAGE_LENGTH,
  RECOGNITION_TEXT_LIMITS,
  type RecipientRef
} from './compose';

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

  it('keeps emoji and right-to-left text as typed', () => {
    const emoji = '👷‍♀️'.repeat(10);
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

describe('lengths as SharePoint counts them', () => {
  const draft = { recipients: [sean], valueKey: 'safety', message: 'Thanks', visibility: 'everyone' as const };

  it('counts an emoji as two in the impact line (SharePoint MaxLength counts UTF-16 code units)', () => {
    // 252 emoji: 252 characters as people count them, 504 as SharePoint counts them.
    const emoji = composeRecognition({ ...draft, impact: '🎉'.repeat(252) }, context);
    expect(emoji.ok ? [] : emoji.errors).toEqual([{ code: 'impactTooLong', field: 'impact', detail: String(MAX_IMPACT_LENGTH) }]);
    const justOver = composeRecognition({ ...draft, impact: '🎉'.repeat(128) }, context);
    expect(justOver.ok ? [] : justOver.errors.map((e) => e.code)).toEqual(['impactTooLong']);
    const fits = composeRecognition({ ...draft, impact: `${'🎉'.repeat(127)}!` }, context);
    expect(fits.ok && fits.items[0].Impact?.length).toBe(255);
    expect(composeFieldLength('🎉'.repeat(3), 'impact')).toBe(6);
  });

  it('counts an emoji as two in the message', () => {
    const over = composeRecognition({ ...draft, message: '👍'.repeat(MAX_MESSAGE_LENGTH / 2 + 1) }, context);
    expect(over.ok ? [] : over.errors.map((e) => e.code)).toEqual(['messageTooLong']);
    expect(composeRecognition({ ...draft, message: '👍'.repeat(MAX_MESSAGE_LENGTH / 2) }, context).ok).toBe(true);
  });

  it('makes a title within SharePoint\'s limit that never ends on half an emoji', () => {
    for (let pad = 0; pad < 4; pad += 1) {
      const result = composeRecognition({ ...draft, message: `${'x'.repeat(pad)}${'👍'.repeat(200)}` }, context);
      const title = result.ok ? result.items[0].Title : '';
      expect(title.length).toBeLessThanOrEqual(80);
      expect(title.endsWith('…')).toBe(true);
      const beforeEllipsis = title.charCodeAt(title.length - 2);
      expect(beforeEllipsis >= 0xd800 && beforeEllipsis <= 0xdbff).toBe(false);
    }
  });

  it('has a limit for every text column it writes, the same as the list schema', () => {
    const xml = fs.readFileSync(path.join(__dirname, '../../../sharepoint/assets/schema-recognitions.xml'), 'utf8');
    const schema = parseListSchema(xml);
    const written = Object.keys(
      (composeRecognition({ ...draft, impact: 'i', milestoneKind: 'firstSoloShift', recipients: [sean, leyla] }, context) as { items: object[] }).items[0]
    );
    for (const name of written) {
      const field = schema.fields.find((f) => f.name === name);
      if (name === 'Title' || field?.type === 'Text') {
        expect({ name, limit: RECOGNITION_TEXT_LIMITS[name as keyof typeof RECOGNITION_TEXT_LIMITS] }).toEqual({ name, limit: field?.maxLength ?? 255 });
      }
    }
  });

  it('refuses a code longer than its column instead of failing in SharePoint', () => {
    const result = composeRecognition({ ...draft, recipients: [{ ...sean, crewKey: 'c'.repeat(129) }] }, context);
    expect(result.ok ? [] : result.errors).toEqual([{ code: 'fieldTooLong', field: 'recipients', detail: 'CrewKey' }]);
  });
});

describe('control characters', () => {
  const draft = { recipients: [sean], valueKey: 'safety', visibility: 'everyone' as const };

  it('removes them from the message, keeping newlines and tabs and turning Word line breaks into newlines', () => {
    const result = composeRecognition({ ...draft, message: 'Great\u0000 job\u0007 on\tpress 2\u000Bnext shift\u0085too\u009B' }, context);
    expect(result.ok && result.items[0].Message).toBe('Great job on\tpress 2\nnext shift\ntoo');
  });

  it('keeps the impact line to one line', () => {
    const result = composeRecognition({ ...draft, message: 'Thanks', impact: '500\torders\u000Bsaved\u0000' }, context);
    expect(result.ok && result.items[0].Impact).toBe('500 orders saved');
  });

  it('says how many it removed, so the form can tell the person', () => {
    expect(cleanComposeField('a\u0000b\u001Bc', 'message')).toEqual({ text: 'abc', removed: 2 });
    expect(cleanComposeField('a\u000Bb', 'message')).toEqual({ text: 'a\nb', removed: 0 });
    expect(cleanComposeField('a\tb\u0002', 'impact')).toEqual({ text: 'a b', removed: 1 });
  });

  it('refuses a message of nothing but control characters as empty', () => {
    const result = composeRecognition({ ...draft, message: '\u0000\u0001' }, context);
    expect(result.ok ? [] : result.errors.map((e) => e.code)).toEqual(['messageEmpty']);
  });

  it('keeps a lone surrogate visible as a replacement character instead of sending text SharePoint cannot store', () => {
    const result = composeRecognition({ ...draft, message: 'Thanks \uD83D' }, context);
    expect(result.ok && result.items[0].Message).toBe('Thanks \uFFFD');
  });
});

describe('OData text literals', () => {
  it('doubles apostrophes so names stay inside the literal', () => {
    expect(odataString("Seán O'Brien")).toBe("'Seán O''Brien'");
    expect(odataString("x' or Title ne '")).toBe("'x'' or Title ne '''");
  });
});
