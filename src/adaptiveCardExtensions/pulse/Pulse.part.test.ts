import type { PulseOpenRound, PulseSubmissionBody } from '../../core/pulse/answering';
import { PulseError, type PulseErrorCode, type PulseRelay, type PulseSubmitResult } from '../../core/pulse/answerPorts';
import { PulseAnswers } from '../../core/pulse/pulseAnswers';
import { memoryStore } from '../../core/storage';
import { PlanStoreError } from '../../core/pulse/plans/wire';
import { PulseThreadsError } from '../../core/pulse/threads/wire';
import { type CardContext, type CardState, loadCardState, openCardQuickView, submitCardAction } from '../../app/host/cardTypes';
import { testEnvironment } from '../../app/host/testEnvironment';
import type { PulseCardRead, PulseCardSource } from '../../app/pulseCard';
import { createPulseCard, pulseCard, type PulseCardData } from './Pulse.part';
import { DEFAULT_PROPERTIES, type IPulseCardProps, SEND_ACTION_ID, SKIP_ACTION_ID, START_ACTION_ID } from './pulseViews';
import { ANSWER_BACK_PREFIX, ANSWER_INPUT_ID, ANSWER_SEND_ID, FOLLOW_UP_RETRY_ID } from './pulseFollowUp';
import { FakeFollowUpSources, plan, THREAD } from './__fakes__/followUpFakes';

const ROUND: PulseOpenRound = {
  roundId: 4,
  surveyId: 1,
  title: 'Assembly pulse',
  opensAt: '2026-12-01T05:00:00Z',
  closesAt: '2026-12-15T16:00:00Z',
  languages: ['en-us', 'sv-se'],
  // The person's own language, as the relay reads it from the directory.
  language: 'sv-se',
  questions: [
    { key: 'belong', kind: 'likert5', driver: 'belonging', texts: { 'en-us': 'I belong in my crew.', 'sv-se': 'Jag hör hemma i mitt skiftlag.' } },
    { key: 'enps', kind: 'enps11', driver: 'enps', texts: { 'en-us': 'Would you recommend us?', 'sv-se': 'Skulle du rekommendera oss?' } }
  ],
  privacy: { anonymous: true, groupAttributes: [], minGroupSize: 5, minCommentGroupSize: 10, commentsReadBy: [], resultsFrom: '' },
  answered: false
};

/** A relay that counts one answer per round, as the real one does; failures to throw come first. */
class FakeRelay implements PulseRelay {
  public readonly received: PulseSubmissionBody[] = [];
  public readonly counted = new Set<number>();
  public openFailure: PulseErrorCode | undefined;
  public submitFailures: PulseErrorCode[] = [];
  public opened = 0;

  public openRounds(): Promise<PulseOpenRound[]> {
    this.opened += 1;
    if (this.openFailure) {
      return Promise.reject(new PulseError(this.openFailure, this.openFailure));
    }
    return Promise.resolve([{ ...ROUND, answered: this.counted.has(ROUND.roundId) }]);
  }

  public submit(body: PulseSubmissionBody): Promise<PulseSubmitResult> {
    this.received.push(body);
    const failure = this.submitFailures.shift();
    if (failure) {
      return Promise.reject(new PulseError(failure, failure));
    }
    if (this.counted.has(body.roundId)) {
      return Promise.reject(new PulseError('alreadyAnswered', 'already'));
    }
    this.counted.add(body.roundId);
    return Promise.resolve({ resent: false });
  }
}

/**
 * `GET /api/pulse/card` as the card reads it: the fake relay's open rounds and the fake threads'
 * and plans' answers, in one call (the follow-up routes themselves are not called).
 */
class FakeCardRead implements PulseCardSource {
  public reads = 0;
  /** How many answers the relay had received when each read was made. */
  public readonly receivedBefore: number[] = [];

  public constructor(
    private readonly relay: FakeRelay,
    private readonly followUp: FakeFollowUpSources
  ) {}

  public async read(): Promise<PulseCardRead> {
    this.reads += 1;
    this.receivedBefore.push(this.relay.received.length);
    const rounds = await this.relay.openRounds();
    const { mineFailure, plansFailure } = this.followUp;
    return {
      rounds,
      comments: mineFailure ? { state: 'failed', code: mineFailure.code } : { state: 'read', value: { comments: this.followUp.comments } },
      plans: plansFailure ? { state: 'failed', code: plansFailure.code } : { state: 'read', value: this.followUp.plansPublished }
    };
  }
}

// The page is Swedish: the quick view speaks it (`pulseWords`); the card's own strings are the
// English loc file in tests (SharePoint loads the page's).
const environment = testEnvironment({ locale: 'sv-se' });
const ALL_ANSWERED = 'Thank you: you have answered every open pulse survey';
const props = DEFAULT_PROPERTIES;
const context: CardContext<IPulseCardProps> = { properties: props, locale: 'sv-se', timeZone: 'Europe/Stockholm', now: new Date('2026-12-07T08:00:00Z') };

interface Setup {
  readonly relay: FakeRelay;
  /** The relay's thread and plan routes. */
  readonly followUp: FakeFollowUpSources;
  /** The card's one read. */
  readonly read: FakeCardRead;
  readonly card: ReturnType<typeof createPulseCard>;
  /** Moves the device's clock on (the outbox waits before it tries a failed send again). */
  wait(ms: number): void;
}

/** The card over the real `PulseAnswers` (device outbox in memory) and a fake relay; one device for the whole test. */
/** The relay's thread and plan routes for someone with no comments and no plans yet. */
function nothingFollowed(): FakeFollowUpSources {
  const sources = new FakeFollowUpSources();
  sources.comments = [];
  sources.plansPublished = [];
  return sources;
}

function setup(relay = new FakeRelay(), followUp = nothingFollowed()): Setup {
  let n = 0;
  let now = Date.UTC(2026, 11, 7, 8);
  const answers = new PulseAnswers({ relay, store: memoryStore(), outboxKey: 'out', dismissedKey: 'dismissed', newKey: () => `key-${(n += 1)}`, now: () => new Date(now) });
  const read = new FakeCardRead(relay, followUp);
  return {
    relay,
    followUp,
    read,
    card: createPulseCard(() => ({ answers, card: read, threads: followUp.threads, plans: followUp.plans })),
    wait: (ms) => {
      now += ms;
    }
  };
}

async function act(card: Setup['card'], state: CardState<PulseCardData>, ...ids: string[]): Promise<CardState<PulseCardData>> {
  let current = state;
  for (const id of ids) {
    current = await submitCardAction(card, current, id, {}, environment, props);
  }
  return current;
}

/** Every promise that can settle has (the fakes answer at once unless held). */
function settled(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The quick view opens: what the card reads then (the hosts show it unless the state changed meanwhile). */
function opened(card: Setup['card'], state: CardState<PulseCardData>): Promise<CardState<PulseCardData>> {
  return openCardQuickView(card, state, environment, props);
}

function face(card: Setup['card'], state: CardState<PulseCardData>): string {
  return card.cardView(state, context).primaryText;
}

function quickViewText(card: Setup['card'], state: CardState<PulseCardData>): string {
  return state.status === 'ready' ? JSON.stringify(card.quickView(state.data, context).template.body) : '';
}

describe('Pulse card definition', () => {
  it('is a card with the manifest’s id and a property pane with its title', () => {
    expect(pulseCard).toMatchObject({ kind: 'card', id: '5425fb33-28b0-4bc1-8e18-106e4b888ea7', alias: 'PulseAdaptiveCardExtension' });
    expect(pulseCard.propertyPane().groups.flatMap((g) => g.fields.map((f) => `${f.kind}:${f.name}`))).toEqual(['text:title']);
  });

  it('loads the rounds open for me and what followed in one relay read: the face says how long, in the page\'s language', async () => {
    const { relay, read, followUp, card } = setup();
    const state = await loadCardState(card, environment, props);
    expect(state).toEqual({ status: 'ready', data: { rounds: [ROUND], refused: [], followUp: { comments: { state: 'read', value: { comments: [] } }, plans: { state: 'read', value: [] } } } });
    expect([read.reads, relay.opened, followUp.calls]).toEqual([1, 1, []]);
    expect(face(card, state)).toBe('1 min, 2 questions');
  });

  it.each<PulseErrorCode>(['noRelay', 'notSetUp'])('%s: Setup, never a fallback: nothing is asked and nothing is written', async (code) => {
    const relay = new FakeRelay();
    relay.openFailure = code;
    const { card } = setup(relay);
    const state = await loadCardState(card, environment, props);
    expect(state).toEqual({ status: 'setup', reason: code });
    expect(relay.received).toEqual([]);
  });

  it('any other failure: Error, worded by its code', async () => {
    const relay = new FakeRelay();
    relay.openFailure = 'throttled';
    const { card } = setup(relay);
    const state = await loadCardState(card, environment, props);
    expect(state).toMatchObject({ status: 'error', error: { code: 'throttled' } });
    expect(card.cardView(state, context).description).toBe('Enkättjänsten är upptagen. Den försöker igen automatiskt.');
  });

  it('answers in the quick view and sends once through the relay: counted, and the face thanks', async () => {
    const { relay, card } = setup();
    const loaded = await loadCardState(card, environment, props);
    // The round starts in the page's language (Swedish): a face, skip eNPS, Send.
    const done = await act(card, loaded, START_ACTION_ID, 'score:0:4', SKIP_ACTION_ID, SEND_ACTION_ID);
    expect(relay.received).toEqual([{ roundId: 4, submissionKey: 'key-1', answers: { belong: 4 }, comments: {} }]);
    expect(quickViewText(card, done)).toContain('Tack! Dina svar har räknats.');
    expect(face(card, done)).toBe(ALL_ANSWERED);
    // Loaded again, the relay says so too.
    expect(face(card, await loadCardState(card, environment, props))).toBe(ALL_ANSWERED);
  });

  it('offline: kept on the device, the done screen says so, and the next load sends it exactly once', async () => {
    const relay = new FakeRelay();
    relay.submitFailures = ['network'];
    const { card, read, wait } = setup(relay);
    const done = await act(card, await loadCardState(card, environment, props), START_ACTION_ID, 'score:0:2', 'score:1:7', SEND_ACTION_ID);
    expect(quickViewText(card, done)).toContain('Dina svar är sparade på den här enheten');
    expect(relay.counted.size).toBe(0);
    // Loaded again at once: the round counts as answered (it waits on the device), nothing is asked twice.
    expect(face(card, await loadCardState(card, environment, props))).toBe(ALL_ANSWERED);
    expect(relay.received).toHaveLength(1);
    wait(60_000);
    // Back online: loading sends what waits on the device, once, under the same key, before the card's read.
    const reloaded = await loadCardState(card, environment, props);
    expect(relay.received.map((b) => b.submissionKey)).toEqual(['key-1', 'key-1']);
    expect(read.receivedBefore).toEqual([0, 1, 2]);
    expect(relay.counted.has(4)).toBe(true);
    expect(face(card, reloaded)).toBe(ALL_ANSWERED);
    await loadCardState(card, environment, props);
    expect(relay.received).toHaveLength(2);
  });

  it('answered before (another device): already answered, nothing counted twice', async () => {
    const { relay, card } = setup();
    const loaded = await loadCardState(card, environment, props);
    relay.counted.add(4);
    const done = await act(card, loaded, START_ACTION_ID, 'score:0:5', SKIP_ACTION_ID, SEND_ACTION_ID);
    expect(quickViewText(card, done)).toContain('Du har redan svarat på den här omgången.');
    expect(relay.counted.size).toBe(1);
  });

  it('refused for good: the done screen says why; the face keeps saying so until the person closes it', async () => {
    const relay = new FakeRelay();
    relay.submitFailures = ['roundClosed'];
    const { card } = setup(relay);
    const done = await act(card, await loadCardState(card, environment, props), START_ACTION_ID, 'score:0:3', SKIP_ACTION_ID, SEND_ACTION_ID);
    const why = 'Omgången stängdes innan dina svar kunde skickas, så de räknades inte.';
    expect(quickViewText(card, done)).toContain(why);
    relay.counted.add(4); // the relay no longer offers it as unanswered
    const reloaded = await loadCardState(card, environment, props);
    expect(card.cardView(reloaded, context).description).toBe('One of your answers was not counted.');
    expect(quickViewText(card, reloaded)).toContain(why);
    const closed = await act(card, reloaded, 'forget:4');
    expect(quickViewText(card, closed)).not.toContain(why);
    expect(card.cardView(await loadCardState(card, environment, props), context).description).toBeUndefined();
  });
});

describe('Pulse card: what followed a pulse', () => {
  /** A relay with the round answered already: nothing waits to be answered. */
  function answeredRelay(): FakeRelay {
    const relay = new FakeRelay();
    relay.counted.add(ROUND.roundId);
    return relay;
  }

  it('a round to answer: the face and the quick view come from the one read; opening the quick view asks nothing more', async () => {
    const { read, followUp, card } = setup(undefined, new FakeFollowUpSources());
    const loaded = await loadCardState(card, environment, props);
    expect(face(card, loaded)).toBe('1 min, 2 questions');
    expect(await opened(card, loaded)).toBe(loaded);
    expect(quickViewText(card, loaded)).toContain('HR har svarat på din kommentar');
    expect([read.reads, followUp.calls]).toEqual([1, []]);
  });

  it('nothing to answer: the face says what followed, from the same one read', async () => {
    const { read, followUp, card } = setup(answeredRelay(), new FakeFollowUpSources());
    const loaded = await loadCardState(card, environment, props);
    // The page is Swedish, the card's own strings English (as in SharePoint's test host).
    expect(card.cardView(loaded, context)).toMatchObject({ primaryText: 'HR har svarat på din kommentar', description: 'Weld hall pulse' });
    expect(await opened(card, loaded)).toBe(loaded);
    expect([read.reads, followUp.calls]).toEqual([1, []]);
  });

  it('nothing followed (no comments, no plans): the face says none is open, and nothing more', async () => {
    const { card } = setup(answeredRelay());
    const face = card.cardView(await loadCardState(card, environment, props), context);
    expect(face).toMatchObject({ primaryText: ALL_ANSWERED, buttons: [] });
    expect(face.description).toBeUndefined();
  });

  it('plans in Dutch: the face names the newest, the quick view lists them in the page\'s language', async () => {
    const followUp = new FakeFollowUpSources();
    followUp.comments = [];
    followUp.plansPublished = [plan(1, { headline: 'Overdracht bij elke ploegwissel', groupKey: 'line=ein-mould' })];
    const { card } = setup(answeredRelay(), followUp);
    const loaded = await loadCardState(card, environment, props);
    const dutch: CardContext<IPulseCardProps> = { ...context, locale: 'nl-nl' };
    expect(card.cardView(loaded, dutch)).toMatchObject({ primaryText: 'You said, we did: Overdracht bij elke ploegwissel', description: 'Bezig · Klaar op 15 januari 2027' });
    const shown = loaded.status === 'ready' ? JSON.stringify(card.quickView(loaded.data, dutch).template.body) : '';
    expect(shown).toContain('Jullie zeiden, wij deden');
    expect(shown).toContain('Voor jouw lijn · Bezig · Klaar op 15 januari 2027');
  });

  it('failing reads never stop answering: the round is answered and counted, and the follow-up area offers Try again', async () => {
    const followUp = new FakeFollowUpSources();
    followUp.mineFailure = new PulseThreadsError('unavailable', 'busy');
    followUp.plansFailure = new PlanStoreError('rateLimited', 'slow down');
    const { relay, card } = setup(undefined, followUp);
    const open = await opened(card, await loadCardState(card, environment, props));
    expect(quickViewText(card, open)).toContain("Your comments couldn't be loaded.");
    expect(quickViewText(card, open)).toContain(FOLLOW_UP_RETRY_ID);
    const done = await act(card, open, START_ACTION_ID, 'score:0:4', SKIP_ACTION_ID, SEND_ACTION_ID);
    expect(relay.counted.has(ROUND.roundId)).toBe(true);
    expect(quickViewText(card, done)).toContain('Tack! Dina svar har räknats.');
    // Nothing to answer now and nothing read: the face says so, with Try again.
    expect(card.cardView(done, context)).toMatchObject({ primaryText: ALL_ANSWERED, description: "Your comments and action plans couldn't be loaded." });
    followUp.mineFailure = undefined;
    followUp.plansFailure = undefined;
    const again = await act(card, done, FOLLOW_UP_RETRY_ID);
    expect(card.cardView(again, context).primaryText).toBe('HR har svarat på din kommentar');
  });

  it('a part that failed when the card loaded: the card is ready, the quick view says so without reading, and Try again reads only that part', async () => {
    const followUp = new FakeFollowUpSources();
    followUp.plansFailure = new PlanStoreError('unavailable', 'busy');
    const { read, card } = setup(answeredRelay(), followUp);
    const loaded = await loadCardState(card, environment, props);
    expect(card.cardView(loaded, context).primaryText).toBe('HR har svarat på din kommentar');
    expect(await opened(card, loaded)).toBe(loaded);
    expect(quickViewText(card, loaded)).toContain("The action plans couldn't be loaded.");
    followUp.plansFailure = undefined;
    const again = await act(card, loaded, FOLLOW_UP_RETRY_ID);
    expect([read.reads, followUp.calls]).toEqual([1, ['plans']]);
    expect(quickViewText(card, again)).toContain('Plan 1');
    expect(quickViewText(card, again)).not.toContain("The action plans couldn't be loaded.");
  });

  it('Try again tapped twice while its read is under way: read once', async () => {
    const followUp = new FakeFollowUpSources();
    followUp.mineFailure = new PulseThreadsError('unavailable', 'busy');
    const { card } = setup(answeredRelay(), followUp);
    const loaded = await loadCardState(card, environment, props);
    followUp.mineFailure = undefined;
    let release = (): void => undefined;
    followUp.hold = new Promise((resolve) => (release = resolve));
    const taps = Promise.all([act(card, loaded, FOLLOW_UP_RETRY_ID), act(card, loaded, FOLLOW_UP_RETRY_ID)]);
    await settled();
    release();
    const [first, second] = await taps;
    expect(followUp.calls).toEqual(['mine']);
    expect(first).toEqual(second);
    expect(card.cardView(first, context).primaryText).toBe('HR har svarat på din kommentar');
  });

  it('answers back from the quick view through the relay, once however often Send is tapped', async () => {
    const { followUp, card } = setup(answeredRelay(), new FakeFollowUpSources());
    const loaded = await loadCardState(card, environment, props);
    const writing = await act(card, loaded, `${ANSWER_BACK_PREFIX}${THREAD}`);
    const inputs = { [ANSWER_INPUT_ID]: 'Tack, det hjälper.' };
    const [first, second] = await Promise.all([
      submitCardAction(card, writing, ANSWER_SEND_ID, inputs, environment, props),
      submitCardAction(card, writing, ANSWER_SEND_ID, inputs, environment, props)
    ]);
    expect(followUp.answered).toEqual([{ threadId: THREAD, text: 'Tack, det hjälper.' }]);
    expect(first).toEqual(second);
    expect(quickViewText(card, first)).toContain('Your answer was sent.');
    // The thread as the relay has it now: nobody's reply waits, so the face names the plan.
    expect(card.cardView(first, context).primaryText).toBe('You said, we did: Plan 1');
  });
});
