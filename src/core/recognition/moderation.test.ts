/**
 * The report rules the page and the relay share, and where the relay is (SE_Settings `Relay`).
 * The relay's end-to-end path runs in test/integration/relayModeration.test.ts.
 */
import { parseRelaySettings, parseReportInput, REPORT_REASON_MAX_LENGTH } from './moderation';

describe('parseReportInput', () => {
  it('accepts a positive whole recognition id and a reason', () => {
    expect(parseReportInput({ recognitionId: 42, reason: 'Names a customer' })).toEqual({ ok: true, recognitionId: 42, reason: 'Names a customer' });
  });

  it.each<[string, unknown]>([
    ['0', 0],
    ['a negative id', -3],
    ['a fraction', 1.5],
    ['a numeric string', '42'],
    ['NaN', Number.NaN],
    ['an unsafe integer', Number.MAX_SAFE_INTEGER + 1],
    ['null', null]
  ])('refuses %s as recognition id', (_label, recognitionId) => {
    expect(parseReportInput({ recognitionId, reason: 'Fine reason' })).toEqual({ ok: false, error: 'recognitionId' });
  });

  it('refuses a missing recognition id, and a body that is not an object', () => {
    expect(parseReportInput({ reason: 'Fine reason' })).toEqual({ ok: false, error: 'recognitionId' });
    expect(parseReportInput(undefined)).toEqual({ ok: false, error: 'recognitionId' });
    expect(parseReportInput(null)).toEqual({ ok: false, error: 'recognitionId' });
    expect(parseReportInput('{"recognitionId":1,"reason":"x"}')).toEqual({ ok: false, error: 'recognitionId' });
  });

  it('checks the id before the reason', () => {
    expect(parseReportInput({ recognitionId: 0, reason: '' })).toEqual({ ok: false, error: 'recognitionId' });
  });

  it.each<[string, unknown]>([
    ['empty', ''],
    ['whitespace only', ' \t\n  '],
    ['missing', undefined],
    ['not a string', 12]
  ])('refuses a reason that is %s', (_label, reason) => {
    expect(parseReportInput({ recognitionId: 7, reason })).toEqual({ ok: false, error: 'reasonEmpty' });
  });

  it('keeps a reason of exactly the longest length, counted after trimming', () => {
    const longest = 'a'.repeat(REPORT_REASON_MAX_LENGTH);
    expect(parseReportInput({ recognitionId: 7, reason: `   ${longest}\n` })).toEqual({ ok: true, recognitionId: 7, reason: longest });
  });

  it('refuses a reason one character over the longest length after trimming', () => {
    expect(parseReportInput({ recognitionId: 7, reason: ` ${'a'.repeat(REPORT_REASON_MAX_LENGTH + 1)} ` })).toEqual({ ok: false, error: 'reasonTooLong' });
  });

  it('trims the reason', () => {
    expect(parseReportInput({ recognitionId: 7, reason: '  \n Wrong person \t' })).toEqual({ ok: true, recognitionId: 7, reason: 'Wrong person' });
  });

  it.each([
    ['emoji', 'Not okay 🙅‍♀️ 👎🏽'],
    ['right-to-left text', 'هذا غير لائق \u200f'],
    ['HTML', 'Names a customer <b>Acme</b> & <script>alert(1)</script>'],
    ['inner line breaks', 'First line\n\nSecond line']
  ])('keeps %s as written', (_label, reason) => {
    expect(parseReportInput({ recognitionId: 7, reason })).toEqual({ ok: true, recognitionId: 7, reason });
  });
});

describe('parseRelaySettings', () => {
  const resource = 'api://shopfloor-engage-relay';

  it('reads an https URL and the resource', () => {
    expect(parseRelaySettings(JSON.stringify({ url: 'https://contoso-engage-relay.azurewebsites.net/api', resource }))).toEqual({
      url: 'https://contoso-engage-relay.azurewebsites.net/api',
      resource
    });
  });

  it('reads a server-relative path', () => {
    expect(parseRelaySettings(JSON.stringify({ url: '/relay/api', resource }))).toEqual({ url: '/relay/api', resource });
  });

  it('removes trailing slashes and surrounding whitespace', () => {
    expect(parseRelaySettings(JSON.stringify({ url: ' https://relay.example/api/// ', resource: ` ${resource} ` }))).toEqual({
      url: 'https://relay.example/api',
      resource
    });
    expect(parseRelaySettings(JSON.stringify({ url: '/relay/api/', resource }))).toEqual({ url: '/relay/api', resource });
  });

  it.each([
    ['plain http', 'http://relay.example/api'],
    ['protocol-relative', '//evil.example/api'],
    ['protocol-relative with more slashes', '///evil.example/api'],
    ['a single slash', '/'],
    ['relative without a leading slash', 'relay/api'],
    ['a javascript: URL', ['java', 'script:alert(1)'].join('')],
    ['a data: URL', 'data:text/plain,hi'],
    ['empty', ''],
    ['not a string', 42]
  ])('refuses a URL that is %s', (_label, url) => {
    expect(parseRelaySettings(JSON.stringify({ url, resource }))).toBeUndefined();
  });

  it('refuses a URL with a query or a fragment, to which /reports cannot be added', () => {
    expect(parseRelaySettings(JSON.stringify({ url: 'https://relay.example/api#x', resource: 'api://r' }))).toBeUndefined();
    expect(parseRelaySettings(JSON.stringify({ url: 'https://relay.example/api?code=1', resource: 'api://r' }))).toBeUndefined();
    expect(parseRelaySettings(JSON.stringify({ url: '/relay/api?x', resource: 'api://r' }))).toBeUndefined();
  });

  it('refuses settings without a resource', () => {
    expect(parseRelaySettings(JSON.stringify({ url: 'https://relay.example/api' }))).toBeUndefined();
    expect(parseRelaySettings(JSON.stringify({ url: 'https://relay.example/api', resource: '   ' }))).toBeUndefined();
    expect(parseRelaySettings(JSON.stringify({ url: 'https://relay.example/api', resource: 7 }))).toBeUndefined();
  });

  it('refuses text that is not a JSON object', () => {
    expect(parseRelaySettings('{url: https://relay.example}')).toBeUndefined();
    expect(parseRelaySettings('https://relay.example/api')).toBeUndefined();
    expect(parseRelaySettings('null')).toBeUndefined();
    expect(parseRelaySettings('"https://relay.example/api"')).toBeUndefined();
    expect(parseRelaySettings('[]')).toBeUndefined();
  });

  it('has no relay for empty or missing text', () => {
    expect(parseRelaySettings(undefined)).toBeUndefined();
    expect(parseRelaySettings('')).toBeUndefined();
    expect(parseRelaySettings('  \n ')).toBeUndefined();
  });
});
