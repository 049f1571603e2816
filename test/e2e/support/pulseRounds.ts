/**
 * Pulse rounds a test needs, written as HR writes them (SharePoint REST as that person), and the
 * relay's pulse timer run once (E2E tenants run none on their own: ./tenant.ts).
 */
import { InjectHeaders } from '@pnp/queryable';
import { spfi, SPBrowser } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';

import { SITE_URL_PATH } from '../../../local/server/tenant';
import { LISTS } from '../../../src/core/schema/lists';

export interface OpenRound {
  readonly title: string;
  readonly questionKeys: readonly string[];
  /** When it opened (ms since the epoch). */
  readonly opensAt: number;
  readonly closesAt: number;
}

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A survey for everyone in en/nl/sv and its first round, open, thresholds 5 and 10, as `hrUpn` writes them. */
export async function addOpenRound(origin: string, hrUpn: string, round: OpenRound): Promise<void> {
  const base = `${origin}${SITE_URL_PATH}`;
  const sp = spfi(base).using(SPBrowser({ baseUrl: base }), InjectHeaders({ 'x-local-user': hrUpn }));
  const survey = await sp.web.lists.getByTitle(LISTS.surveys.title).items.add({
    Title: round.title,
    Definition: JSON.stringify({ questionKeys: round.questionKeys, languages: ['en-us', 'nl-nl', 'sv-se'], audience: {}, roundLengthDays: 14 }),
    Status: 'open',
    Cadence: 'once',
    MinGroupSize: 5,
    MinCommentGroupSize: 10
  });
  const surveyId = (survey as { Id?: number; ID?: number }).Id ?? (survey as { ID?: number }).ID;
  await sp.web.lists.getByTitle(LISTS.surveyRounds.title).items.add({
    Title: `${surveyId}:1`,
    SurveyId: surveyId,
    RoundNumber: 1,
    RoundKey: `${surveyId}:1`,
    OpensAt: iso(round.opensAt),
    ClosesAt: iso(round.closesAt),
    Status: 'open',
    ThresholdsLocked: true,
    MinGroupSize: 5,
    MinCommentGroupSize: 10
  });
}

/** One run of the relay's pulse timer at the tenant's clock: rounds due open, rounds past their end close. */
export async function runPulseTimer(origin: string): Promise<void> {
  const response = await fetch(`${origin}/relay/pulse-timer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  if (!response.ok) {
    throw new Error(`The pulse timer failed: ${response.status} ${await response.text()}`);
  }
}
