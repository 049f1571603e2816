import * as React from 'react';
import { act, fireEvent, render, screen } from '@testing-library/react';

import type { PulseOpenRound } from '../../../core/pulse/answering';
import type { PromptSources } from '../../../core/pulse/promptNow';
import { PulsePromptBar } from './PulsePromptBar';

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

function setup(onShift: boolean): { dismiss: jest.Mock; sources: PromptSources } {
  const dismissed: number[] = [];
  const dismiss = jest.fn((id: number) => dismissed.push(id));
  const sources: PromptSources = {
    mayPromptNow: () => Promise.resolve(onShift ? { allowed: true, shift } : { allowed: false, reason: 'notOnShift' }),
    openRounds: () => Promise.resolve([round]),
    dismissedRoundIds: () => dismissed,
    now: () => new Date('2026-12-07T10:00:00Z')
  };
  const answers = { openRounds: sources.openRounds, send: jest.fn(), flush: () => Promise.resolve(), refused: () => [], forgetRefused: jest.fn(), dismiss };
  render(<PulsePromptBar sources={sources} answers={answers} locale="nl-nl" timeZone="Europe/Amsterdam" />);
  return { dismiss, sources };
}

describe('PulsePromptBar', () => {
  it('shows nothing off shift, and marks that it has looked', async () => {
    setup(false);
    await act(async () => undefined);
    expect(screen.queryByRole('region')).toBeNull();
    expect(document.querySelector('[data-settled="true"]')).not.toBeNull();
  });

  it('on shift, prompts in the page language and opens the survey over the page', async () => {
    setup(true);
    expect(await screen.findByText('Je bent aan het werk: er staat een pulse-enquête voor je open (2 vragen, ongeveer 1 min).')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Nu beantwoorden' }));
    expect(screen.getByRole('dialog', { name: 'Week 50 pulse' })).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Beginnen' })).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('"Not now" hides it for the round on this device', async () => {
    const { dismiss } = setup(true);
    fireEvent.click(await screen.findByRole('button', { name: 'Niet nu' }));
    expect(dismiss).toHaveBeenCalledWith(5);
    expect(screen.queryByRole('region')).toBeNull();
  });
});
