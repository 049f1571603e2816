import * as React from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';

import type { AnswerSheet, PulseOpenRound } from '../../core/pulse/answering';
import { PulseError } from '../../core/pulse/answerPorts';
import type { SendResult } from '../../core/pulse/pulseAnswers';
import { PulseAnswering } from './PulseAnswering';
import { PulsePanel } from './PulsePanel';

const round: PulseOpenRound = {
  roundId: 4,
  surveyId: 1,
  title: 'Pulse week 49',
  opensAt: '2026-12-01T05:00:00Z',
  closesAt: '2026-12-15T05:00:00Z',
  languages: ['en-us', 'nl-nl', 'sv-se'],
  language: 'en-us',
  questions: [
    { key: 'team', kind: 'likert5', driver: 'belonging', texts: { 'en-us': 'I feel part of my crew', 'nl-nl': 'Ik hoor bij mijn ploeg', 'sv-se': 'Jag känner mig som en del av laget' } },
    { key: 'recommend', kind: 'enps11', driver: 'enps', texts: { 'en-us': 'Would you recommend us?', 'nl-nl': 'Zou je ons aanraden?', 'sv-se': 'Skulle du rekommendera oss?' } },
    { key: 'better', kind: 'text', driver: 'engagement', texts: { 'en-us': 'One thing to improve', 'nl-nl': 'Eén ding om te verbeteren', 'sv-se': 'En sak att förbättra' } }
  ],
  privacy: { anonymous: true, groupAttributes: [], minGroupSize: 6, minCommentGroupSize: 12, commentsReadBy: [], resultsFrom: '2026-12-15T05:00:00Z' },
  answered: false
};

function sender(result: SendResult): { send: jest.Mock<Promise<SendResult>, [AnswerSheet, PulseOpenRound]> } {
  return { send: jest.fn<Promise<SendResult>, [AnswerSheet, PulseOpenRound]>(() => Promise.resolve(result)) };
}

describe('PulseAnswering', () => {
  it('answers in Dutch, one tap a question, skips one and sends only what was answered', async () => {
    const answers = sender({ kind: 'counted' });
    // Starts in the person's own language, as the relay says (the page may be in another).
    render(<PulseAnswering round={{ ...round, language: 'nl-nl' }} answers={answers} locale="en-us" timeZone="Europe/Amsterdam" />);
    expect(screen.getByText(/^3 vragen · 1 min · Open tot .* 06:00$/)).toBeTruthy();
    // Who can see this, with the round's own thresholds.
    expect(screen.getByText(/groepen van minstens 6 mensen.*minstens 12 mensen/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Beginnen' }));
    expect(screen.getByRole('heading', { name: 'Ik hoor bij mijn ploeg' })).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Eens' }));
    expect(screen.getByRole('heading', { name: 'Zou je ons aanraden?' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Overslaan' }));
    fireEvent.change(screen.getByLabelText('Je antwoord (niet verplicht)'), { target: { value: 'Betere handschoenen <b>graag</b>' } });
    fireEvent.click(screen.getByRole('button', { name: 'Volgende' }));
    expect(screen.getByRole('heading', { name: 'Je hebt 2 van de 3 vragen beantwoord.' })).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Antwoorden versturen' }));
    });
    const [sheet] = answers.send.mock.calls[0];
    expect(sheet.scores).toEqual({ team: 4 });
    expect(sheet.comments).toEqual({ better: 'Betere handschoenen <b>graag</b>' });
    expect(screen.getByText('Bedankt. Je antwoorden zijn meegeteld.')).toBeTruthy();
  });

  it('takes no focus as it first shows (an open menu elsewhere on the page stays open), only when the person moves on', () => {
    const elsewhere = document.createElement('button');
    document.body.appendChild(elsewhere);
    elsewhere.focus();
    render(<PulseAnswering round={round} answers={sender({ kind: 'counted' })} locale="en-us" timeZone="Europe/Amsterdam" />);
    expect(document.activeElement).toBe(elsewhere);
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'I feel part of my crew' }));
    elsewhere.remove();
  });

  it('switches the language on the screen, questions and words alike', () => {
    render(<PulseAnswering round={round} answers={sender({ kind: 'counted' })} locale="en-us" timeZone="Europe/Amsterdam" />);
    fireEvent.click(screen.getByRole('button', { name: 'Svenska' }));
    expect(screen.getByRole('button', { name: 'Svenska' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Börja' }));
    expect(screen.getByRole('heading', { name: 'Jag känner mig som en del av laget' })).toBeTruthy();
    expect(screen.getByText('Fråga 1 av 3')).toBeTruthy();
  });

  it('goes back to change an answer, and names 0 and 10 on the eNPS scale', () => {
    render(<PulseAnswering round={round} answers={sender({ kind: 'counted' })} locale="en-us" timeZone="Europe/Amsterdam" />);
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Strongly agree' }));
    expect(screen.getAllByRole('radio')).toHaveLength(11);
    expect(screen.getByRole('radio', { name: '0 (0 = not at all likely)' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('radio', { name: 'Strongly agree' }).getAttribute('aria-checked')).toBe('true');
  });

  it('draws the five faces itself (no emoji font needed), hidden from screen readers, each radio named by its word', () => {
    render(<PulseAnswering round={round} answers={sender({ kind: 'counted' })} locale="en-us" timeZone="Europe/Amsterdam" />);
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    const radios = screen.getAllByRole('radio');
    expect(radios.map((radio) => radio.getAttribute('aria-label'))).toEqual(['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree']);
    const mouths = radios.map((radio) => {
      const face = radio.querySelector('svg');
      expect(face?.getAttribute('aria-hidden')).toBe('true');
      expect(face?.getAttribute('stroke')).toBe('currentColor');
      // Nothing drawn by a font: the button's text is the word alone.
      expect(radio.textContent).toBe(radio.getAttribute('aria-label'));
      return face?.querySelector('path')?.getAttribute('d');
    });
    // Five different faces, from sad to happy.
    expect(new Set(mouths).size).toBe(5);
  });

  it('shows the chosen face and its word on the summary, the face hidden from screen readers', () => {
    render(<PulseAnswering round={round} answers={sender({ kind: 'counted' })} locale="en-us" timeZone="Europe/Amsterdam" />);
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    const chosenFace = screen.getByRole('radio', { name: 'Disagree' }).querySelector('path')?.getAttribute('d');
    fireEvent.click(screen.getByRole('radio', { name: 'Disagree' }));
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
    const [first, second] = within(screen.getByRole('list')).getAllByRole('listitem');
    const face = first.querySelector('svg');
    expect(face?.getAttribute('aria-hidden')).toBe('true');
    expect(face?.querySelector('path')?.getAttribute('d')).toBe(chosenFace);
    // The answer reads as the word alone, the face beside it.
    expect(face?.parentElement?.textContent).toBe('Disagree');
    expect(first.textContent).not.toMatch(/\p{Extended_Pictographic}/u);
    // An unanswered 0–10 question shows no face.
    expect(second.querySelector('svg')).toBeNull();
  });

  it('does not send nothing, and says so', async () => {
    const answers = sender({ kind: 'counted' });
    render(<PulseAnswering round={{ ...round, language: 'sv-se' }} answers={answers} locale="sv-se" timeZone="Europe/Amsterdam" />);
    fireEvent.click(screen.getByRole('button', { name: 'Börja' }));
    fireEvent.click(screen.getByRole('button', { name: 'Hoppa över' }));
    fireEvent.click(screen.getByRole('button', { name: 'Hoppa över' }));
    fireEvent.click(screen.getByRole('button', { name: 'Hoppa över' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Skicka svar' }));
    });
    expect(answers.send).not.toHaveBeenCalled();
    expect(screen.getByText('Svara på minst en fråga innan du skickar.')).toBeTruthy();
  });

  it('says an answer made offline is kept on the device, and a second answer is not counted', async () => {
    for (const [result, text] of [
      [{ kind: 'queued', code: 'network' }, 'Your answers are saved on this device and are sent by themselves when the connection is back.'],
      [{ kind: 'alreadyAnswered' }, 'You have already answered this round. Your first answers are the ones that count.'],
      [{ kind: 'refused', code: 'roundClosed' }, 'This round closed before your answers could be sent, so they were not counted.']
    ] as Array<[SendResult, string]>) {
      const { unmount } = render(<PulseAnswering round={round} answers={sender(result)} locale="en-us" timeZone="Europe/Amsterdam" />);
      fireEvent.click(screen.getByRole('button', { name: 'Start' }));
      fireEvent.click(screen.getByRole('radio', { name: 'Agree' }));
      fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
      fireEvent.click(screen.getByRole('button', { name: 'Skip' }));
      await act(async () => {
        fireEvent.click(screen.getByRole('button', { name: 'Send answers' }));
      });
      expect(screen.getByText(text)).toBeTruthy();
      unmount();
    }
  });
});

describe('PulsePanel', () => {
  const base = { send: jest.fn(), flush: jest.fn(() => Promise.resolve()), refused: () => [], forgetRefused: jest.fn() };

  it('says why the survey cannot load, in the page language, and loads again on Try again', async () => {
    const openRounds = jest.fn<Promise<PulseOpenRound[]>, []>().mockRejectedValueOnce(new PulseError('noRelay', 'none')).mockResolvedValueOnce([]);
    render(<PulsePanel answers={{ ...base, openRounds }} locale="nl-nl" timeZone="Europe/Amsterdam" />);
    expect(await screen.findByText(/daarvoor is de Engage-relay nodig/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Opnieuw proberen' }));
    expect(await screen.findByText('Er staat nu geen pulsmeting voor je open.')).toBeTruthy();
  });

  it('thanks the person when every open round is answered', async () => {
    render(<PulsePanel answers={{ ...base, openRounds: () => Promise.resolve([{ ...round, answered: true }]) }} locale="en-us" timeZone="Europe/Amsterdam" />);
    expect(await screen.findByText('Thank you: you have answered every open survey.')).toBeTruthy();
  });

  it('shows an answer the relay refused for good until the person closes it', async () => {
    let refused = [{ roundId: 4, code: 'notInAudience' as const, queuedAt: '2026-12-06T10:00:00Z' }];
    const forgetRefused = jest.fn(() => {
      refused = [];
    });
    render(<PulsePanel answers={{ ...base, refused: () => refused, forgetRefused, openRounds: () => Promise.resolve([]) }} locale="en-us" timeZone="Europe/Amsterdam" />);
    expect(await screen.findByText('This survey is not asked of you, so your answers were not counted.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(forgetRefused).toHaveBeenCalledWith(4);
    expect(screen.queryByText('This survey is not asked of you, so your answers were not counted.')).toBeNull();
  });
});
