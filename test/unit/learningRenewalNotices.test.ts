/**
 * The renewal notices the relay's timer sends: the activity type the pulse Teams app declares for
 * them (Teams delivers only declared types), with a template of exactly the parameter sent, in
 * en, nl and sv; the Graph calls as sent; the preview text in the recipient's language within
 * Graph's 150 characters.
 */
import * as fs from 'fs';
import * as path from 'path';

import { graphRenewals, LEARNING_RENEWAL_ACTIVITY_TYPE, LEARNING_RENEWAL_TEMPLATE_PARAMETER, renewalPreview } from '../../relay/src/learning/renewalNotices';
import { templatePlaceholders } from '../../tools/teams-app';

const APP = path.join(__dirname, '..', '..', 'teams-app', 'pulse');
const read = (file: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(APP, file), 'utf8')) as Record<string, unknown>;

describe('the pulse Teams app declares the renewal notice', () => {
  const manifest = read('manifest.template.json') as { activities: { activityTypes: Array<{ type: string; description: string; templateText: string }> } };
  const index = manifest.activities.activityTypes.findIndex((a) => a.type === LEARNING_RENEWAL_ACTIVITY_TYPE);

  it('as an activity type with a template of exactly the parameter the timer sends, in en, nl and sv', () => {
    expect(index).toBeGreaterThanOrEqual(0);
    const declared = manifest.activities.activityTypes[index];
    const templates = [declared.templateText, ...['nl-nl.json', 'sv-se.json'].map((file) => read(file)[`activities.activityTypes[${index}].templateText`])];
    expect(templates).toEqual(['Qualification to renew: {station}', 'Kwalificatie verlengen: {station}', 'Behörighet att förnya: {station}']);
    templates.forEach((text) => expect(templatePlaceholders(String(text))).toEqual([LEARNING_RENEWAL_TEMPLATE_PARAMETER]));
    for (const file of ['nl-nl.json', 'sv-se.json']) {
      const description = read(file)[`activities.activityTypes[${index}].description`];
      expect(typeof description).toBe('string');
      expect(String(description).length).toBeGreaterThan(0);
      expect(String(description).length).toBeLessThanOrEqual(128);
    }
    expect(declared.description.length).toBeLessThanOrEqual(128);
  });
});

describe('the Graph calls of the renewal step', () => {
  interface Sent {
    readonly url: string;
    readonly method: string;
    readonly body?: unknown;
  }
  function fakeGraph(answers: Record<string, { status: number; body?: unknown }>): { sent: Sent[]; fetch: typeof fetch } {
    const sent: Sent[] = [];
    const doFetch = (async (url: string, init?: RequestInit) => {
      sent.push({ url, method: init?.method ?? 'GET', ...(typeof init?.body === 'string' ? { body: JSON.parse(init.body) as unknown } : {}) });
      const answer = Object.entries(answers).find(([part]) => url.includes(part))?.[1] ?? { status: 204 };
      return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), { status: answer.status });
    }) as unknown as typeof fetch;
    return { sent, fetch: doFetch };
  }
  const tokens = async (): Promise<string> => 'token';

  it('reads the person and their manager with their language, and sends the declared activity type', async () => {
    const graph = fakeGraph({
      '/manager?': { status: 200, body: { id: 'aad-lead', userPrincipalName: 'lead@contoso.com', preferredLanguage: 'sv-SE' } },
      '/users/asa%40contoso.com?': { status: 200, body: { id: 'aad-asa', userPrincipalName: 'asa@contoso.com' } }
    });
    const client = graphRenewals({ graphUrl: 'https://graph.example/v1.0/', tokens, fetch: graph.fetch });

    expect(await client.person('asa@contoso.com')).toEqual({ id: 'aad-asa', userPrincipalName: 'asa@contoso.com' });
    expect(await client.manager('asa@contoso.com')).toEqual({ id: 'aad-lead', userPrincipalName: 'lead@contoso.com', preferredLanguage: 'sv-SE' });
    await client.notify('aad-asa', { station: 'Press 9', preview: 'Ends soon', webUrl: 'https://teams.microsoft.com/l/entity/x/pulse' });

    expect(graph.sent.map((s) => `${s.method} ${s.url}`)).toEqual([
      'GET https://graph.example/v1.0/users/asa%40contoso.com?$select=id,userPrincipalName,preferredLanguage',
      'GET https://graph.example/v1.0/users/asa%40contoso.com/manager?$select=id,userPrincipalName,preferredLanguage',
      'POST https://graph.example/v1.0/users/aad-asa/teamwork/sendActivityNotification'
    ]);
    expect(graph.sent[2].body).toEqual({
      topic: { source: 'text', value: 'Press 9', webUrl: 'https://teams.microsoft.com/l/entity/x/pulse' },
      activityType: LEARNING_RENEWAL_ACTIVITY_TYPE,
      previewText: { content: 'Ends soon' },
      templateParameters: [{ name: LEARNING_RENEWAL_TEMPLATE_PARAMETER, value: 'Press 9' }]
    });
  });

  it('answers no manager for 404 and fails with the status for a refusal', async () => {
    const graph = fakeGraph({ '/manager?': { status: 404 }, sendActivityNotification: { status: 403 } });
    const client = graphRenewals({ tokens, fetch: graph.fetch });
    expect(await client.manager('asa@contoso.com')).toBeUndefined();
    await expect(client.notify('aad-asa', { station: 'Press 9', preview: 'x', webUrl: 'https://teams.microsoft.com/l' })).rejects.toMatchObject({ status: 403 });
  });
});

describe('the renewal notice text', () => {
  const ends = new Date('2027-03-28T08:00:00Z');

  it("is in the recipient's language, English otherwise, with the end day in the plant's zone", () => {
    const base = { station: 'Press 9', name: 'Åsa Bäckström', validUntil: ends, timeZone: 'Europe/Stockholm' };
    expect(renewalPreview({ ...base, role: 'person', language: 'sv-SE' })).toBe('Din behörighet för Press 9 upphör 28 mars 2027. Förnyelsen har lagts till i ditt lärande.');
    expect(renewalPreview({ ...base, role: 'leader', language: 'nl-NL' })).toBe('De kwalificatie van Åsa Bäckström voor Press 9 loopt af op 28 maart 2027. De verlenging is toegewezen.');
    expect(renewalPreview({ ...base, role: 'person', language: 'de-DE' })).toBe('Your qualification for Press 9 ends on 28 March 2027. Its renewal has been added to your learning.');
    // 23:30Z on 27 March is already the 28th in Stockholm.
    expect(renewalPreview({ ...base, role: 'person', validUntil: new Date('2027-03-27T23:30:00Z') })).toContain('28 March 2027');
  });

  it("stays within Graph's 150 characters with long names", () => {
    const text = renewalPreview({ role: 'leader', language: 'sv', station: 'S'.repeat(120), name: 'N'.repeat(120), validUntil: ends, timeZone: 'UTC' });
    expect(text.length).toBeLessThanOrEqual(150);
    expect(text).toContain('behörighet');
  });
});
