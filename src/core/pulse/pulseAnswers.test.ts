import { memoryStore } from '../storage';
import { newSheet, type PulseOpenRound, type PulseSubmissionBody, withScore } from './answering';
import { PulseError, type PulseErrorCode, type PulseRelay, type PulseSubmitResult } from './answerPorts';
import { PulseAnswers } from './pulseAnswers';

const round: PulseOpenRound = {
  roundId: 3,
  surveyId: 1,
  title: 'Pulse',
  opensAt: '2026-12-01T05:00:00Z',
  closesAt: '2026-12-15T05:00:00Z',
  languages: ['en-us'],
  language: 'en-us',
  questions: [{ key: 'q1', kind: 'likert5', driver: 'belonging', texts: { 'en-us': 'Q1' } }],
  privacy: { anonymous: true, groupAttributes: [], minGroupSize: 5, minCommentGroupSize: 10, commentsReadBy: [], resultsFrom: '' },
  answered: false
};

/** A relay that counts each submission key once per round and person, as the real one does. */
class FakeRelay implements PulseRelay {
  public readonly received: PulseSubmissionBody[] = [];
  public readonly counted = new Map<number, string>();
  /** Failures to throw before the next sends go through. */
  public failures: PulseErrorCode[] = [];
  /** Loses the reply after counting (the page sees a network failure). */
  public loseReply = false;

  public openRounds(): Promise<PulseOpenRound[]> {
    return Promise.resolve([{ ...round, answered: this.counted.has(round.roundId) }]);
  }

  public submit(body: PulseSubmissionBody): Promise<PulseSubmitResult> {
    this.received.push(body);
    const failure = this.failures.shift();
    if (failure) {
      return Promise.reject(new PulseError(failure, failure));
    }
    const key = this.counted.get(body.roundId);
    if (key !== undefined) {
      return Promise.reject(new PulseError('alreadyAnswered', 'already'));
    }
    this.counted.set(body.roundId, body.submissionKey);
    if (this.loseReply) {
      this.loseReply = false;
      return Promise.reject(new PulseError('network', 'reply lost'));
    }
    return Promise.resolve({ resent: false });
  }
}

interface Setup {
  relay: FakeRelay;
  answers: PulseAnswers;
  store: ReturnType<typeof memoryStore>;
  /** Moves the device's clock on. */
  wait(ms: number): void;
}

function setup(relay = new FakeRelay()): Setup {
  const store = memoryStore();
  let n = 0;
  let now = Date.UTC(2026, 11, 6, 10);
  const answers = new PulseAnswers({ relay, store, outboxKey: 'out', dismissedKey: 'dis', newKey: () => `submission-key-${(n += 1).toString().padStart(4, '0')}`, now: () => new Date(now) });
  return {
    relay,
    answers,
    store,
    wait: (ms) => {
      now += ms;
    }
  };
}

const sheet = withScore(newSheet(round), round.questions[0], 4);

describe('sending pulse answers exactly once', () => {
  it('counts an answer sent online and says so', async () => {
    const { relay, answers } = setup();
    await expect(answers.send(sheet, round)).resolves.toEqual({ kind: 'counted' });
    expect(relay.received).toEqual([{ roundId: 3, submissionKey: 'submission-key-0001', answers: { q1: 4 }, comments: {} }]);
    expect((await answers.openRounds())[0].answered).toBe(true);
  });

  it('keeps an answer made offline on the device and sends it once, under the same key, when back', async () => {
    const { relay, answers, store } = setup();
    relay.failures = ['network'];
    await expect(answers.send(sheet, round)).resolves.toEqual({ kind: 'queued', code: 'network' });
    expect(answers.waiting(3)).toBe(true);
    expect(relay.counted.size).toBe(0);
    // While it waits, the round is not offered again.
    expect((await answers.openRounds())[0].answered).toBe(true);
    // A later page (another part, a reload) finds it on the device and sends it.
    const later = new PulseAnswers({ relay, store, outboxKey: 'out', dismissedKey: 'dis', now: () => new Date(Date.UTC(2026, 11, 6, 11)) });
    expect((await later.openRounds())[0].answered).toBe(true);
    expect(later.waiting(3)).toBe(false);
    expect(relay.counted.get(3)).toBe('submission-key-0001');
    expect(relay.received.map((b) => b.submissionKey)).toEqual(['submission-key-0001', 'submission-key-0001']);
  });

  it('reads the open rounds with what else one call brings (the card\'s read): what waits on the device goes first, and counts', async () => {
    const { relay, answers, store } = setup();
    relay.failures = ['network'];
    await answers.send(sheet, round);
    const later = new PulseAnswers({ relay, store, outboxKey: 'out', dismissedKey: 'dis', now: () => new Date(Date.UTC(2026, 11, 6, 11)) });
    const order: string[] = [];
    const read = await later.openRoundsWith(async () => {
      order.push(`read after ${relay.received.length} sends`);
      return { rounds: [{ ...round, answered: false }], plans: ['kept as the call brought it'] };
    });
    // The answer waiting on the device was sent before the read, and the round counts as answered
    // even though the read (made by another route) did not say so yet.
    expect(order).toEqual(['read after 2 sends']);
    expect(read).toEqual({ rounds: [{ ...round, answered: true }], plans: ['kept as the call brought it'] });
    // A round that is not answered stays so.
    const fresh = setup();
    expect((await fresh.answers.openRoundsWith(async () => ({ rounds: [{ ...round, answered: false }] }))).rounds[0].answered).toBe(false);
  });

  it('sends one answer per round from a device: a second tap while one waits sends nothing new', async () => {
    const { relay, answers } = setup();
    relay.failures = ['throttled'];
    await answers.send(sheet, round);
    await answers.send(withScore(newSheet(round), round.questions[0], 1), round);
    expect(new Set(relay.received.map((b) => b.submissionKey)).size).toBe(1);
  });

  it('a reply lost after counting: the resend is not counted again, and the person is told it is answered', async () => {
    const { relay, answers, wait } = setup();
    relay.loseReply = true;
    await expect(answers.send(sheet, round)).resolves.toEqual({ kind: 'queued', code: 'network' });
    await answers.flush();
    // Not due yet: the outbox waits before it asks again.
    expect(relay.received).toHaveLength(1);
    wait(60_000);
    await answers.flush();
    expect(relay.received).toHaveLength(2);
    expect(relay.counted.size).toBe(1);
    expect(answers.waiting(3)).toBe(false);
  });

  it('a second answer from another device is refused as already answered', async () => {
    const { relay, answers } = setup();
    relay.counted.set(3, 'other-device-key-0001');
    await expect(answers.send(sheet, round)).resolves.toEqual({ kind: 'alreadyAnswered' });
    expect(relay.counted.get(3)).toBe('other-device-key-0001');
  });

  it('sets aside an answer the round closed on, with why, until the person has read it', async () => {
    const { relay, answers, store } = setup();
    relay.failures = ['roundClosed'];
    await expect(answers.send(sheet, round)).resolves.toEqual({ kind: 'refused', code: 'roundClosed' });
    expect(answers.refused()).toEqual([expect.objectContaining({ roundId: 3, code: 'roundClosed' })]);
    // The device keeps why, not what was answered.
    expect(store.data.get('out')).not.toContain('"q1"');
    answers.forgetRefused(3);
    expect(answers.refused()).toEqual([]);
  });

  it('sends again under a new key when another device made the same one', async () => {
    const { relay, answers } = setup();
    relay.failures = ['submissionKeyUsed'];
    await expect(answers.send(sheet, round)).resolves.toEqual({ kind: 'counted' });
    expect(relay.received.map((b) => b.submissionKey)).toEqual(['submission-key-0001', 'submission-key-0002']);
    expect(relay.received[1].answers).toEqual({ q1: 4 });
  });

  it('says why an answer sent again under a new key was refused', async () => {
    const { relay, answers } = setup();
    relay.failures = ['submissionKeyUsed', 'roundClosed'];
    await expect(answers.send(sheet, round)).resolves.toEqual({ kind: 'refused', code: 'roundClosed' });
  });

  it('keeps nothing for a sheet that answers nothing', async () => {
    const { relay, answers, store } = setup();
    await expect(answers.send(newSheet(round), round)).resolves.toEqual({ kind: 'refused', code: 'invalid' });
    expect(relay.received).toEqual([]);
    expect(store.data.get('out')).toBeUndefined();
  });

  it('remembers dismissed prompts per device', () => {
    const { answers } = setup();
    answers.dismiss(3);
    answers.dismiss(3);
    expect(answers.dismissedRoundIds()).toEqual([3]);
  });
});
