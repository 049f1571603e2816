/**
 * HR's pulse admin store through real PnPjs with SharePoint's answers scripted: what a stored
 * Definition reads as, and that a write sends only the columns it changes.
 */
import type { Queryable } from '@pnp/queryable';
import { spfi, SPBrowser, type SPFI } from '@pnp/sp';

import { definitionOf, SharePointPulseAdmin } from './pulseAdminStore';

const SITE = 'https://contoso.sharepoint.com/sites/engage';

interface Sent {
  readonly url: string;
  readonly method: string;
  readonly body: string;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json;odata=nometadata' } });
}

function scripted(sent: Sent[], status = 204): SPFI {
  const send = (instance: Queryable): Queryable => {
    instance.on.send.replace(async (url: URL, init: RequestInit) => {
      if (url.pathname.endsWith('/contextinfo')) {
        return json(200, { FormDigestValue: 'digest', FormDigestTimeoutSeconds: 1800 });
      }
      sent.push({ url: decodeURIComponent(url.toString()), method: init.method ?? 'GET', body: typeof init.body === 'string' ? init.body : '' });
      if (status === 204) {
        return new Response(null, { status });
      }
      return json(status, status === 201 ? { Id: 31 } : { 'odata.error': { message: { value: 'Access denied.' } } });
    });
    return instance;
  };
  return spfi(SITE).using(SPBrowser({ baseUrl: SITE }), send);
}

describe('a stored Definition', () => {
  it('reads every field of its type and leaves out the rest', () => {
    const stored = JSON.stringify({
      questionKeys: ['part-of-team', 7, 'enps'],
      languages: ['en-us', 'sv-se'],
      audience: { siteCodes: ['GOT'], employmentTypes: 'Agency', crewKeys: ['team-1'] },
      roundLengthDays: 4,
      firstOpensOn: '2026-04-06',
      opensAt: '06:00',
      timeZone: 'Europe/Stockholm',
      paused: 'yes',
      maxReminders: 1
    });
    expect(definitionOf(stored)).toEqual({
      questionKeys: ['part-of-team', 'enps'],
      languages: ['en-us', 'sv-se'],
      audience: { siteCodes: ['GOT'], crewKeys: ['team-1'] },
      roundLengthDays: 4,
      firstOpensOn: '2026-04-06',
      opensAt: '06:00',
      timeZone: 'Europe/Stockholm',
      maxReminders: 1
    });
  });

  it('reads as an empty draft when it is not JSON or not an object', () => {
    const empty = { questionKeys: [], languages: [], audience: {}, roundLengthDays: 0 };
    expect(definitionOf('{"questionKeys":')).toEqual(empty);
    expect(definitionOf('[1,2]')).toEqual(empty);
    expect(definitionOf(undefined)).toEqual(empty);
  });
});

describe('writes', () => {
  it('pausing sends the Definition only, never the Status the timer owns', async () => {
    const sent: Sent[] = [];
    const store = new SharePointPulseAdmin(scripted(sent));
    await store.updateSurvey(12, { definition: { questionKeys: ['a'], languages: ['en-us'], audience: {}, roundLengthDays: 4, paused: true } });
    expect(sent).toHaveLength(1);
    expect(sent[0].url).toBe(`${SITE}/_api/web/lists/getByTitle('SE_Surveys')/items(12)`);
    const body = JSON.parse(sent[0].body) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['Definition']);
    expect(JSON.parse(body.Definition as string)).toMatchObject({ paused: true });
  });

  it('closing sends the Status only', async () => {
    const sent: Sent[] = [];
    await new SharePointPulseAdmin(scripted(sent)).updateSurvey(12, { status: 'closed' });
    expect(JSON.parse(sent[0].body)).toEqual({ Status: 'closed' });
  });

  it('a new survey is a draft with every column; a new question is active with its translations as JSON', async () => {
    const sent: Sent[] = [];
    const store = new SharePointPulseAdmin(scripted(sent, 201));
    const id = await store.addSurvey({
      title: 'Spring pulse',
      cadence: 'monthly',
      minGroupSize: 6,
      minCommentGroupSize: 10,
      definition: { questionKeys: ['a', 'b', 'c'], languages: ['en-us'], audience: {}, roundLengthDays: 4, maxReminders: 2 }
    });
    expect(id).toBe(31);
    expect(JSON.parse(sent[0].body)).toEqual({
      Title: 'Spring pulse',
      Definition: JSON.stringify({ questionKeys: ['a', 'b', 'c'], languages: ['en-us'], audience: {}, roundLengthDays: 4, maxReminders: 2 }),
      Status: 'draft',
      Cadence: 'monthly',
      MinGroupSize: 6,
      MinCommentGroupSize: 10
    });
    await store.addQuestion({ questionKey: 'tools-ready', title: 'My tools are ready', driver: 'security-meaning', kind: 'likert5', translations: { 'nl-nl': { text: 'Mijn gereedschap is klaar' } } });
    expect(JSON.parse(sent[1].body)).toEqual({
      QuestionKey: 'tools-ready',
      Title: 'My tools are ready',
      Driver: 'security-meaning',
      Kind: 'likert5',
      Translations: '{"nl-nl":{"text":"Mijn gereedschap is klaar"}}',
      IsActive: true
    });
  });

  it('a refusal leaves as accessDenied', async () => {
    const store = new SharePointPulseAdmin(scripted([], 403));
    await expect(store.updateSurvey(12, { status: 'closed' })).rejects.toMatchObject({ code: 'accessDenied' });
  });
});
