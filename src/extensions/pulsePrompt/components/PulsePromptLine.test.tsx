import { act, fireEvent, screen, waitFor } from '@testing-library/react';

import type { PulseOpenRound } from '../../../core/pulse/answering';
import type { PromptDecision } from '../../../core/roster/rules';
import { pulseWords } from '../../../ui/pulse/pulseWords';
import { mountPromptLine, type PromptHost, type PromptLineHandle } from './PulsePromptLine';
import { promptWords } from './promptWords';

const shift = { id: 's1', crewId: 'c', start: '2026-12-07T06:00:00Z', end: '2026-12-07T14:00:00Z', status: 'scheduled' as const };
const round: PulseOpenRound = {
  roundId: 5,
  surveyId: 1,
  title: 'Week 50 pulse',
  opensAt: '2026-12-07T00:00:00Z',
  closesAt: '2026-12-14T00:00:00Z',
  languages: ['en-us', 'nl-nl'],
  language: 'nl-nl',
  questions: [
    { key: 'a', kind: 'likert5', driver: 'belonging', texts: { 'en-us': 'A', 'nl-nl': 'Vraag A' } },
    { key: 'b', kind: 'likert5', driver: 'fairness', texts: { 'en-us': 'B', 'nl-nl': 'Vraag B' } }
  ],
  privacy: { anonymous: true, groupAttributes: [], minGroupSize: 5, minCommentGroupSize: 10, commentsReadBy: [], resultsFrom: '' },
  answered: false
};

interface Setup {
  readonly host: PromptHost;
  readonly dismiss: jest.Mock;
  readonly line: PromptLineHandle;
  readonly container: HTMLElement;
  /** Times the line asked the roster. */
  readonly checks: () => number;
}

let mounted: Setup[] = [];

function setup(onShift: boolean, options: { answers?: PromptHost['answers']; decision?: () => Promise<PromptDecision>; rounds?: PulseOpenRound[] } = {}): Setup {
  const dismissed: number[] = [];
  const dismiss = jest.fn((id: number) => dismissed.push(id));
  let checks = 0;
  const host: PromptHost = {
    locale: 'nl-nl',
    theme: { semanticColors: { bodyText: '#111111', infoBackground: '#eeeeee' } },
    timeZone: 'Europe/Amsterdam',
    sources: {
      mayPromptNow: () => {
        checks += 1;
        return options.decision?.() ?? Promise.resolve(onShift ? { allowed: true, shift } : { allowed: false, reason: 'notOnShift' });
      },
      openRounds: () => Promise.resolve(options.rounds ?? [round]),
      dismissedRoundIds: () => dismissed,
      now: () => new Date('2026-12-07T10:00:00Z'),
      dismiss
    },
    answers:
      options.answers ??
      (() => Promise.resolve({ openRounds: () => Promise.resolve([round]), send: jest.fn(), flush: () => Promise.resolve(), refused: () => [], forgetRefused: jest.fn() }))
  };
  const container = document.body.appendChild(document.createElement('div'));
  const line = mountPromptLine(container, host, 60_000);
  const made = { host, dismiss, line, container, checks: () => checks };
  mounted.push(made);
  return made;
}

afterEach(() => {
  mounted.forEach((m) => m.line.dispose());
  mounted = [];
  document.body.textContent = '';
});

const settled = (): Element | undefined => document.querySelector('[data-settled="true"]') ?? undefined;

describe('the on-shift prompt line', () => {
  it('shows nothing off shift, and marks that it has looked', async () => {
    setup(false);
    expect(document.querySelector('[data-busy="true"]')).not.toBeNull();
    await waitFor(() => expect(settled()).toBeDefined());
    expect(document.querySelector('[data-busy="true"]')).toBeNull();
    expect(screen.queryByRole('region')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('stays silent, and settles, when the roster or the relay cannot be reached', async () => {
    setup(true, { decision: () => Promise.reject(new Error('offline')) });
    await waitFor(() => expect(settled()).toBeDefined());
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('on shift, prompts in the page language in a named region, in the host theme’s colours', async () => {
    setup(true);
    const line = await screen.findByRole('region', { name: 'Week 50 pulse' });
    expect(line.getAttribute('lang')).toBe('nl-nl');
    expect(line.textContent).toContain('Je bent aan het werk: er staat een pulsmeting voor je open (2 vragen, ongeveer 1 min).');
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Nu beantwoorden', 'Niet nu']);
    const root = settled() as HTMLElement;
    expect(root.style.getPropertyValue('--se-text')).toBe('#111111');
    expect(root.style.getPropertyValue('--se-info-bg')).toBe('#eeeeee');
  });

  it('"Answer now" opens the survey over the page at once; Escape closes it and gives the focus back', async () => {
    setup(true);
    const answer = await screen.findByRole('button', { name: 'Nu beantwoorden' });
    fireEvent.click(answer);
    const dialog = screen.getByRole('dialog', { name: 'Week 50 pulse' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(dialog);
    expect(await screen.findByRole('button', { name: 'Beginnen' }, { timeout: 10_000 })).toBeTruthy();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(answer));
    // The line looked again as the survey closed and found the same round: the focus stays where it is.
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(document.activeElement).toBe(answer);
  });

  it('Close closes the survey too, and the line looks again (an answered round goes)', async () => {
    const { checks } = setup(true);
    fireEvent.click(await screen.findByRole('button', { name: 'Nu beantwoorden' }));
    await screen.findByRole('button', { name: 'Beginnen' }, { timeout: 10_000 });
    const before = checks();
    fireEvent.click(screen.getByRole('button', { name: 'Sluiten' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(checks()).toBe(before + 1);
  });

  it('says so, and offers to try again, when the survey cannot be loaded', async () => {
    let fail = true;
    const services = { openRounds: () => Promise.resolve([round]), send: jest.fn(), flush: () => Promise.resolve(), refused: () => [], forgetRefused: jest.fn() };
    setup(true, { answers: () => (fail ? Promise.reject(new Error('offline')) : Promise.resolve(services)) });
    fireEvent.click(await screen.findByRole('button', { name: 'Nu beantwoorden' }));
    expect((await screen.findByRole('alert')).textContent).toBe('De enquête is niet bereikbaar. Controleer de verbinding.');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Opnieuw proberen' }));
    expect(await screen.findByRole('button', { name: 'Beginnen' }, { timeout: 10_000 })).toBeTruthy();
  });

  it('"Not now" hides it for the round on this device', async () => {
    const { dismiss } = setup(true);
    fireEvent.click(await screen.findByRole('button', { name: 'Niet nu' }));
    expect(dismiss).toHaveBeenCalledWith(5);
    expect(screen.queryByRole('region')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('"Not now" is not undone by a look already under way: no line comes back, not for another open round either', async () => {
    const later: PulseOpenRound = { ...round, roundId: 6, title: 'Monthly pulse', closesAt: '2026-12-31T00:00:00Z' };
    let release: (() => void) | undefined;
    let calls = 0;
    const onShiftNow = { allowed: true as const, shift };
    setup(true, {
      rounds: [round, later],
      // The first look answers at once; the next (as the survey closes) waits until released.
      decision: () => {
        calls += 1;
        return calls === 1 ? Promise.resolve(onShiftNow) : new Promise<PromptDecision>((resolve) => (release = () => resolve(onShiftNow)));
      }
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Nu beantwoorden' }));
    await screen.findByRole('button', { name: 'Beginnen' }, { timeout: 10_000 });
    fireEvent.click(screen.getByRole('button', { name: 'Sluiten' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Niet nu' }));
    expect(screen.queryByRole('region')).toBeNull();
    await act(async () => {
      release?.();
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(screen.queryByRole('region')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('follows a new theme and language from its host without looking again', async () => {
    const { host, line, checks } = setup(true);
    await screen.findByRole('region');
    await act(async () => line.update({ ...host, locale: 'sv-se', theme: { semanticColors: { bodyText: '#fafafa' } } }));
    expect(screen.getByRole('region').textContent).toContain('Du är i tjänst');
    expect(screen.getByRole('button', { name: 'Svara nu' })).toBeTruthy();
    expect((settled() as HTMLElement).style.getPropertyValue('--se-text')).toBe('#fafafa');
    expect(checks()).toBe(1);
  });

  it('takes everything down when disposed', async () => {
    const { line, container } = setup(true);
    await screen.findByRole('region');
    line.dispose();
    mounted = [];
    expect(container.childNodes.length).toBe(0);
  });
});

describe('the prompt line’s words', () => {
  it('are the survey’s own wording in en, nl and sv (and English for other languages)', () => {
    for (const language of ['en-us', 'nl-nl', 'sv-se', 'de-de']) {
      const line = promptWords(language);
      const survey = pulseWords(language);
      expect(line).toEqual({
        promptText: survey.promptText,
        questionCount: survey.questionCount,
        promptAnswer: survey.promptAnswer,
        promptLater: survey.promptLater,
        close: survey.close,
        loading: survey.loading,
        network: survey.errors.network,
        tryAgain: survey.tryAgain
      });
    }
    expect(new Set(['en-us', 'nl-nl', 'sv-se'].map((l) => promptWords(l).promptAnswer)).size).toBe(3);
  });
});
