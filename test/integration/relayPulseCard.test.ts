/**
 * The Pulse card's one read through the relay, over real HTTP against the local tenant
 * (relay/src/routes/pulseCard.ts, docs/relay.md "The Pulse card's read"): for the demo plant's
 * operator (Åsa Bäckström, Weld A), whose comment on her crew's check-in her team leader answers,
 * (once the relay's timer has published the closed rounds), and whose crew has a published plan, the card's read answers the open rounds, her comments and
 * her groups' plans, each exactly as its own route answers; a part the relay cannot read (SharePoint
 * busy under the action plans) is that part's error code while the others answer; and the open
 * rounds' refusal (before Engage Setup) is the whole read's.
 */
import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import { OPERATOR_CHECK_IN_COMMENT } from '../../local/tenant/history/pulse';
import { parseOpenRounds } from '../../src/connectors/relay/relayPulse';
import { RelayPulseCard } from '../../src/connectors/relay/relayPulseCard';
import type { PublishedPlansBody } from '../../src/core/pulse/plans/wire';
import type { MyCommentsBody } from '../../src/core/pulse/threads/wire';
import { callRelay, runPulseTimer } from '../support/pulse';
import { persona, relayClientAs, setFaults, startTestTenant } from '../support/tenant';

interface CardBody {
  readonly open: unknown;
  readonly mine: MyCommentsBody | { readonly error: string };
  readonly plans: PublishedPlansBody | { readonly error: string };
}

async function read(tenant: RunningTenant, person: Person, path: string): Promise<{ status: number; body: unknown }> {
  const answer = await callRelay(tenant, person, 'GET', path);
  return { status: answer.status, body: answer.body as unknown };
}

/** The three routes the card's read is made of, as the person gets them one by one. */
async function eachRoute(tenant: RunningTenant, person: Person): Promise<{ open: unknown; mine: unknown; plans: unknown }> {
  const [open, mine, plans] = [await read(tenant, person, 'open'), await read(tenant, person, 'threads/mine'), await read(tenant, person, 'plans')];
  expect([open.status, mine.status, plans.status]).toEqual([200, 200, 200]);
  return { open: open.body, mine: mine.body, plans: plans.body };
}

const NO_FAULTS = { unavailableRate: 0, retryAfterSeconds: 1, pathFilter: '' };

describe('the Pulse card\'s one read', () => {
  let tenant: RunningTenant;
  let operator: Person;
  let leader: Person;

  beforeAll(async () => {
    tenant = await startTestTenant();
    operator = persona(tenant, 'operator');
    leader = persona(tenant, 'teamLeader');
    // The relay's timer publishes the closed rounds: the crew check-in's comments reach her team leader.
    await runPulseTimer(tenant);
  }, 120_000);
  afterAll(async () => tenant.close());

  it('answers the operator her open rounds, her comment with her team leader\'s reply waiting, and her crew\'s plan: each as its own route answers', async () => {
    const first = await read(tenant, operator, 'card');
    expect(first.status).toBe(200);
    const hers = (first.body as CardBody).mine;
    const comment = 'comments' in hers ? hers.comments.find((c) => c.text === OPERATOR_CHECK_IN_COMMENT) : undefined;
    expect(comment).toMatchObject({ status: 'visible', messages: [], canAnswer: false });

    const reply = await callRelay(tenant, leader, 'POST', 'threads/reply', { threadId: comment?.threadId, requestId: 'card-reply-0000000001', text: 'Vi beställer en andra fixtur.' });
    expect(reply.status).toBe(200);

    const card = await read(tenant, operator, 'card');
    expect(card.status).toBe(200);
    expect(card.body).toEqual(await eachRoute(tenant, operator));
    const body = card.body as CardBody;
    expect('comments' in body.mine ? body.mine.comments.find((c) => c.threadId === comment?.threadId) : undefined).toMatchObject({
      answeredBy: 'leader',
      canAnswer: true,
      messages: [{ role: 'leader', text: 'Vi beställer en andra fixtur.', mine: false }]
    });
    expect('plans' in body.plans ? body.plans.plans.map((p) => p.headline) : []).toContain('Byta skift i Teams Shifts');

    // The page's connector: one GET, the parts checked as their own connectors check them.
    const page = await new RelayPulseCard(relayClientAs(tenant, operator)).read();
    expect(page.rounds).toEqual(parseOpenRounds(body.open));
    expect(page.comments.state === 'read' ? page.comments.value.comments.find((c) => c.threadId === comment?.threadId)?.answeredBy : undefined).toBe('leader');
    expect(page.plans.state === 'read' ? page.plans.value.map((p) => p.headline) : []).toContain('Byta skift i Teams Shifts');
  }, 60_000);

  it('still answers the open rounds and her comments when the plans cannot be read (SharePoint busy under SE_ActionPlans): that part is its code', async () => {
    const whole = await eachRoute(tenant, operator);
    await setFaults(tenant, { unavailableRate: 1, retryAfterSeconds: 0, pathFilter: 'SE_ActionPlans' });
    try {
      // The plans' own route fails the same way.
      expect(await read(tenant, operator, 'plans')).toEqual({ status: 503, body: { error: expect.objectContaining({ code: 'unavailable' }) } });
      const card = await read(tenant, operator, 'card');
      expect(card).toEqual({ status: 200, body: { open: whole.open, mine: whole.mine, plans: { error: 'unavailable' } } });
      const page = await new RelayPulseCard(relayClientAs(tenant, operator)).read();
      expect([page.rounds, page.comments.state, page.plans]).toEqual([parseOpenRounds(whole.open), 'read', { state: 'failed', code: 'unavailable' }]);
    } finally {
      await setFaults(tenant, NO_FAULTS);
    }
  }, 120_000);
});

describe('the Pulse card\'s read before Engage Setup', () => {
  let tenant: RunningTenant;
  beforeAll(async () => (tenant = await startTestTenant({ freshInstall: true })), 60_000);
  afterAll(async () => tenant.close());

  it('is refused as the open rounds are (409 notSetUp): the card shows its Setup face, as before', async () => {
    const operator = persona(tenant, 'operator');
    const open = await read(tenant, operator, 'open');
    expect(open.status).toBe(409);
    expect(await read(tenant, operator, 'card')).toEqual(open);
  });
});
