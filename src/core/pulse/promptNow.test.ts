import type { PromptDecision } from '../roster/rules';
import type { PulseOpenRound } from './answering';
import { promptRound, type PromptSources } from './promptNow';

const NOW = new Date('2026-12-07T10:00:00Z');
const shift = { id: 's1', crewId: 'c', start: '2026-12-07T06:00:00Z', end: '2026-12-07T14:00:00Z', status: 'scheduled' as const };

function round(roundId: number, closesAt: string, answered = false): PulseOpenRound {
  return {
    roundId,
    surveyId: 1,
    title: `Round ${roundId}`,
    opensAt: '2026-12-01T00:00:00Z',
    closesAt,
    languages: ['en-us'],
    language: 'en-us',
    questions: [{ key: 'q', kind: 'likert5', driver: 'belonging', texts: { 'en-us': 'Q' } }],
    privacy: { anonymous: true, groupAttributes: [], minGroupSize: 5, minCommentGroupSize: 10, commentsReadBy: [], resultsFrom: closesAt },
    answered
  };
}

function sources(decision: PromptDecision, rounds: PulseOpenRound[], dismissed: number[] = []): PromptSources & { relayCalls: number } {
  const s = {
    relayCalls: 0,
    mayPromptNow: () => Promise.resolve(decision),
    openRounds: () => {
      s.relayCalls += 1;
      return Promise.resolve(rounds);
    },
    dismissedRoundIds: () => dismissed,
    now: () => NOW
  };
  return s;
}

describe('the on-shift prompt on the page', () => {
  it('asks nothing of the relay while the person is off shift, on leave or in quiet hours', async () => {
    for (const reason of ['notOnShift', 'onLeave', 'shiftStarting', 'shiftEnding', 'quietHours'] as const) {
      const s = sources({ allowed: false, reason }, [round(1, '2026-12-10T00:00:00Z')]);
      await expect(promptRound(s)).resolves.toBeUndefined();
      expect(s.relayCalls).toBe(0);
    }
  });

  it('on shift, prompts for the unanswered round that closes first', async () => {
    const s = sources({ allowed: true, shift }, [round(1, '2026-12-12T00:00:00Z'), round(2, '2026-12-09T00:00:00Z'), round(3, '2026-12-08T00:00:00Z', true)]);
    expect((await promptRound(s))?.roundId).toBe(2);
  });

  it('never for a round dismissed on this device, answered, or whose time is up', async () => {
    const s = sources({ allowed: true, shift }, [round(1, '2026-12-12T00:00:00Z'), round(2, '2026-12-09T00:00:00Z', true), round(3, '2026-12-07T09:00:00Z')], [1]);
    await expect(promptRound(s)).resolves.toBeUndefined();
  });

  it('never for a round not open yet, or one without questions, and says nothing for a while after', async () => {
    let kept: number | undefined;
    const notYet = { ...round(1, '2026-12-12T00:00:00Z'), opensAt: '2026-12-07T10:00:01Z' };
    const empty = { ...round(2, '2026-12-12T00:00:00Z'), questions: [] };
    const s = { ...sources({ allowed: true, shift }, [notYet, empty]), memo: { read: () => kept, write: (until: number) => (kept = until) } };
    await expect(promptRound(s)).resolves.toBeUndefined();
    expect(kept).toBe(NOW.getTime() + 15 * 60 * 1000);
    const opensNow = { ...notYet, opensAt: NOW.toISOString() };
    expect((await promptRound({ ...sources({ allowed: true, shift }, [opensNow, empty]) }))?.roundId).toBe(1);
  });

  it('after a check that found nothing, asks neither the roster nor the relay for a quarter of an hour on this tab', async () => {
    let kept: number | undefined;
    const memo = { read: () => kept, write: (until: number) => (kept = until) };
    let now = NOW.getTime();
    let rosterCalls = 0;
    const s: PromptSources & { relayCalls: number } = {
      ...sources({ allowed: false, reason: 'notOnShift' }, [round(1, '2026-12-10T00:00:00Z')]),
      mayPromptNow: () => {
        rosterCalls += 1;
        return Promise.resolve({ allowed: false, reason: 'notOnShift' } as const);
      },
      now: () => new Date(now),
      memo
    };
    await expect(promptRound(s)).resolves.toBeUndefined();
    expect(kept).toBe(NOW.getTime() + 15 * 60 * 1000);
    now += 14 * 60 * 1000;
    await expect(promptRound(s)).resolves.toBeUndefined();
    expect(rosterCalls).toBe(1);
    now += 2 * 60 * 1000;
    await promptRound(s);
    expect(rosterCalls).toBe(2);
  });

  it('keeps nothing when there is a round to prompt for', async () => {
    let kept: number | undefined;
    const s = { ...sources({ allowed: true, shift }, [round(1, '2026-12-12T00:00:00Z')]), memo: { read: () => kept, write: (until: number) => (kept = until) } };
    expect((await promptRound(s))?.roundId).toBe(1);
    expect(kept).toBeUndefined();
  });
});
