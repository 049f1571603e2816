/**
 * The page's pulse answering against the real local tenant and its relay over HTTP: the relay
 * connector and the device outbox as the Pulse part, card and prompt use them (`src/app/pulse.ts`),
 * each person with their own token. An answer is counted once whatever the connection does; a
 * second device's answer is refused as already answered; without a relay nothing is collected and
 * nothing is written as the person. The prompt's quiet hours are the person's own.
 */
import type { RelayClientOptions } from '../../src/connectors/relay/relayClient';
import { RelayPulse } from '../../src/connectors/relay/relayPulse';
import { readQuietHours } from '../../src/connectors/sharepoint/pulse/quietHours';
import { newSheet, type PulseOpenRound, withComment, withScore } from '../../src/core/pulse/answering';
import { PulseError } from '../../src/core/pulse/answerPorts';
import { PulseAnswers } from '../../src/core/pulse/pulseAnswers';
import { memoryStore } from '../../src/core/storage';
import { LISTS } from '../../src/core/schema/lists';
import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import { addRound, entriesOf, type TestRound } from '../support/pulse';
import { persona, relayClientAs, spAs, spAsApp, startTestTenant, tokenFor } from '../support/tenant';

function pageAs(tenant: RunningTenant, person: Person, options: Partial<RelayClientOptions> = {}, store = memoryStore()): { answers: PulseAnswers; store: typeof store; later: () => void } {
  let now = Date.now();
  const answers = new PulseAnswers({
    relay: new RelayPulse(relayClientAs(tenant, person, { attempts: 1, ...options })),
    store,
    outboxKey: 'se-pulse-outbox',
    dismissedKey: 'se-pulse-dismissed',
    now: () => new Date(now)
  });
  return {
    answers,
    store,
    later: () => {
      now += 10 * 60_000;
    }
  };
}

function fill(round: PulseOpenRound): ReturnType<typeof newSheet> {
  let sheet = newSheet(round);
  for (const question of round.questions) {
    sheet = question.kind === 'text' ? withComment(sheet, question, 'Brighter lights at station 4') : withScore(sheet, question, question.kind === 'enps11' ? 8 : 4);
  }
  return sheet;
}

async function openRound(answers: PulseAnswers, roundId: number): Promise<PulseOpenRound> {
  const round = (await answers.openRounds()).find((r) => r.roundId === roundId);
  if (!round) {
    throw new Error(`round ${roundId} is not open for this person`);
  }
  return round;
}

describe('Answering a pulse round from the page', () => {
  let tenant: RunningTenant;
  let round: TestRound;

  beforeAll(async () => {
    tenant = await startTestTenant();
    round = addRound(tenant);
  }, 60_000);
  afterAll(async () => tenant.close());

  it('offers the round in the person’s language, counts the answer once and then shows it answered', async () => {
    const { answers } = pageAs(tenant, persona(tenant, 'operator'));
    const open = await openRound(answers, round.roundId);
    expect(open.language).toBe('sv-se');
    expect(open.questions.length).toBe(4);
    expect(open.privacy.minGroupSize).toBe(5);
    await expect(answers.send(fill(open), open)).resolves.toEqual({ kind: 'counted' });
    expect((await openRound(answers, round.roundId)).answered).toBe(true);
    // One answer entry and one comment entry in the boxes, nothing more.
    const entries = await entriesOf(tenant, round.roundId);
    expect(entries.filter((e) => e.kind === 'answers')).toHaveLength(1);
    expect(entries.filter((e) => e.kind === 'comment')).toHaveLength(1);
  });

  it('refuses a second answer from another device as already answered, and counts nothing more', async () => {
    const person = persona(tenant, 'operator');
    const { answers } = pageAs(tenant, person);
    const open = await openRound(answers, round.roundId);
    await expect(answers.send(fill(open), { ...open, answered: false })).resolves.toEqual({ kind: 'alreadyAnswered' });
    expect((await entriesOf(tenant, round.roundId)).filter((e) => e.kind === 'answers')).toHaveLength(1);
  });

  it('keeps an answer made offline on the device and sends it once when the relay is back, even when the first reply was lost', async () => {
    const person = persona(tenant, 'agencyOperator');
    let offline = true;
    let loseReply = false;
    const flaky: Partial<RelayClientOptions> = {
      aadFetch: async (resource) => {
        // The real relay with the person's real token; fails as a dropped connection does.
        const token = await tokenFor(tenant, person, resource);
        return async (url, init) => {
          if (offline) {
            throw new TypeError('Failed to fetch');
          }
          const response = await fetch(url, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } });
          if (loseReply && init.method === 'POST') {
            loseReply = false;
            throw new TypeError('Failed to fetch');
          }
          return response;
        };
      }
    };
    const online = pageAs(tenant, person);
    const open = await openRound(online.answers, round.roundId);
    const page = pageAs(tenant, person, flaky);
    await expect(page.answers.send(fill(open), open)).resolves.toEqual({ kind: 'queued', code: 'network' });
    expect(page.answers.waiting(round.roundId)).toBe(true);
    expect((await entriesOf(tenant, round.roundId)).filter((e) => e.kind === 'answers')).toHaveLength(1);

    // Back online, but the reply to the first try is lost: counted by the relay, kept on the device.
    offline = false;
    loseReply = true;
    page.later();
    await page.answers.flush();
    expect(page.answers.waiting(round.roundId)).toBe(true);
    expect((await entriesOf(tenant, round.roundId)).filter((e) => e.kind === 'answers')).toHaveLength(2);

    // The resend finishes it: nothing counted twice, and the device forgets it.
    page.later();
    await page.answers.flush();
    expect(page.answers.waiting(round.roundId)).toBe(false);
    expect((await entriesOf(tenant, round.roundId)).filter((e) => e.kind === 'answers')).toHaveLength(2);
    expect((await openRound(page.answers, round.roundId)).answered).toBe(true);
  });

  it('sets aside, with why, an answer to a round not asked of the person', async () => {
    const elsewhere = addRound(tenant, { audience: { siteCodes: ['NOWHERE'] } });
    const { answers } = pageAs(tenant, persona(tenant, 'operator'));
    expect((await answers.openRounds()).some((r) => r.roundId === elsewhere.roundId)).toBe(false);
    const template = await openRound(answers, round.roundId);
    const forged = { ...template, roundId: elsewhere.roundId, answered: false };
    await expect(answers.send(fill(forged), forged)).resolves.toEqual({ kind: 'refused', code: 'notInAudience' });
    expect(answers.refused()).toEqual([expect.objectContaining({ roundId: elsewhere.roundId, code: 'notInAudience' })]);
    expect(await entriesOf(tenant, elsewhere.roundId)).toEqual([]);
  });

  it('reads the person’s own quiet hours for the prompt, never ones a colleague wrote about them', async () => {
    const asa = persona(tenant, 'operator');
    const colleague = persona(tenant, 'agencyOperator');
    const P = LISTS.preferences;
    const add = (by: Person, key: string, quiet: string): Promise<unknown> =>
      spAs(tenant, by).web.lists.getByTitle(P.title).items.add({ Title: key, [P.fields.personKey]: key, [`${P.fields.person}Id`]: asa.spUserId, [P.fields.quietHours]: quiet });
    // Any item the seeded history stored for her is set aside first.
    const mine = await spAs(tenant, asa).web.lists.getByTitle(P.title).items.select('Id').filter(`${P.fields.person}Id eq ${asa.spUserId} and AuthorId eq ${asa.spUserId}`)<Array<{ Id: number }>>();
    for (const row of mine) {
      await spAs(tenant, asa).web.lists.getByTitle(P.title).items.getById(row.Id).delete();
    }
    await add(colleague, `forged-${Date.now()}`, '{"from":"00:00","to":"23:59"}');
    expect(await readQuietHours(spAs(tenant, asa), asa.spUserId, 'Europe/Stockholm')).toEqual([]);
    await add(asa, `own-${Date.now()}`, '{"from":"22:00","to":"06:00"}');
    expect(await readQuietHours(spAs(tenant, asa), asa.spUserId, 'Europe/Stockholm')).toEqual([{ start: '22:00', end: '06:00', timeZone: 'Europe/Stockholm' }]);
  });

  it('without a relay collects nothing: no rounds, the answer waits on the device, nothing is written as the person', async () => {
    const person = persona(tenant, 'operator');
    const sp = await spAsApp(tenant);
    const before = await sp.web.lists.getByTitle(LISTS.responses.title).items.select('Id')();
    const { answers, store } = pageAs(tenant, person, { settings: async () => undefined });
    await expect(answers.openRounds()).rejects.toEqual(expect.objectContaining({ code: 'noRelay' }));
    await expect(answers.openRounds()).rejects.toBeInstanceOf(PulseError);
    const template = await openRound(pageAs(tenant, persona(tenant, 'siteAdmin')).answers, round.roundId);
    await expect(answers.send(fill(template), template)).resolves.toEqual({ kind: 'queued', code: 'noRelay' });
    expect(store.read('se-pulse-outbox')).toContain(`"roundId":${round.roundId}`);
    const after = await sp.web.lists.getByTitle(LISTS.responses.title).items.select('Id')();
    expect(after.length).toBe(before.length);
  });
});
