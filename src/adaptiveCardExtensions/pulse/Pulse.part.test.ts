import type { PulseOpenRound, PulseSubmissionBody } from '../../core/pulse/answering';
import { PulseError, type PulseErrorCode, type PulseRelay, type PulseSubmitResult } from '../../core/pulse/answerPorts';
import { PulseAnswers } from '../../core/pulse/pulseAnswers';
import { memoryStore } from '../../core/storage';
import { type CardContext, type CardState, loadCardState, submitCardAction } from '../../app/host/cardTypes';
import { testEnvironment } from '../../app/host/testEnvironment';
import { createPulseCard, pulseCard, type PulseCardData } from './Pulse.part';
import { DEFAULT_PROPERTIES, type IPulseCardProps, SEND_ACTION_ID, SKIP_ACTION_ID, START_ACTION_ID } from './pulseViews';

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

// The page is Swedish: the quick view speaks it (`pulseWords`); the card's own strings are the
// English loc file in tests (SharePoint loads the page's).
const environment = testEnvironment({ locale: 'sv-se' });
const ALL_ANSWERED = 'Thank you: you have answered every open pulse survey';
const props = DEFAULT_PROPERTIES;
const context: CardContext<IPulseCardProps> = { properties: props, locale: 'sv-se', timeZone: 'Europe/Stockholm', now: new Date('2026-12-07T08:00:00Z') };

interface Setup {
  readonly relay: FakeRelay;
  readonly card: ReturnType<typeof createPulseCard>;
  /** Moves the device's clock on (the outbox waits before it tries a failed send again). */
  wait(ms: number): void;
}

/** The card over the real `PulseAnswers` (device outbox in memory) and a fake relay; one device for the whole test. */
function setup(relay = new FakeRelay()): Setup {
  let n = 0;
  let now = Date.UTC(2026, 11, 7, 8);
  const answers = new PulseAnswers({ relay, store: memoryStore(), outboxKey: 'out', dismissedKey: 'dismissed', newKey: () => `key-${(n += 1)}`, now: () => new Date(now) });
  return {
    relay,
    card: createPulseCard(() => answers),
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

  it('loads the rounds open for me through the relay: the face says how long, in the page\'s language', async () => {
    const { relay, card } = setup();
    const state = await loadCardState(card, environment, props);
    expect(state).toEqual({ status: 'ready', data: { rounds: [ROUND], refused: [] } });
    expect(relay.opened).toBe(1);
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
    const { card, wait } = setup(relay);
    const done = await act(card, await loadCardState(card, environment, props), START_ACTION_ID, 'score:0:2', 'score:1:7', SEND_ACTION_ID);
    expect(quickViewText(card, done)).toContain('Dina svar är sparade på den här enheten');
    expect(relay.counted.size).toBe(0);
    // Loaded again at once: the round counts as answered (it waits on the device), nothing is asked twice.
    expect(face(card, await loadCardState(card, environment, props))).toBe(ALL_ANSWERED);
    expect(relay.received).toHaveLength(1);
    wait(60_000);
    // Back online: loading sends what waits on the device, once, under the same key.
    const reloaded = await loadCardState(card, environment, props);
    expect(relay.received.map((b) => b.submissionKey)).toEqual(['key-1', 'key-1']);
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
