import * as path from 'path';
import * as en from 'PulseAdaptiveCardExtensionStrings';

import { loadAmdStrings } from '../../../test/support/sources';
import type { AnswerSheet, PulseOpenRound } from '../../core/pulse/answering';
import { PulseError } from '../../core/pulse/answerPorts';
import type { RefusedAnswer, SendResult } from '../../core/pulse/pulseAnswers';
import { PlanStoreError } from '../../core/pulse/plans/wire';
import { PulseThreadsError } from '../../core/pulse/threads/wire';
import { PULSE_TEXT_MAX } from '../../core/pulse/submission';
import type { AdaptiveElement, AdaptiveInputText, AdaptiveSubmitAction, CardContext, CardState } from '../../app/host/cardTypes';
import {
  ACTIONS_PER_SET,
  ANSWER_BUTTON_ID,
  BACK_ACTION_ID,
  COMMENT_INPUT_ID,
  DEFAULT_PROPERTIES,
  type IPulseCardProps,
  NEXT_ACTION_ID,
  NEXT_ROUND_ACTION_ID,
  type PulseCardAnswers,
  type PulseCardData,
  pulseAction,
  pulseCardView,
  pulseQuickView,
  type PulseStrings,
  RETRY_BUTTON_ID,
  SEND_ACTION_ID,
  SKIP_ACTION_ID,
  START_ACTION_ID
} from './pulseViews';
import {
  ANSWER_BACK_PREFIX,
  ANSWER_CANCEL_ID,
  ANSWER_INPUT_ID,
  ANSWER_SEND_ID,
  FOLLOW_UP_BUTTON_ID,
  FOLLOW_UP_RETRY_ID,
  followUpAction,
  type FollowUpSources,
  type PulseFollowUp
} from './pulseFollowUp';
import { WELD_HALL_ROUND } from './__fakes__/rounds';
import { ANSWERED, FakeFollowUpSources, followed, OTHER_THREAD, plan, THREAD, UNANSWERED } from './__fakes__/followUpFakes';

function strings(locale: string): PulseStrings {
  return loadAmdStrings(path.join(__dirname, 'loc', `${locale}.js`)) as unknown as PulseStrings;
}

const NOW = new Date('2026-12-07T08:00:00Z');

function context(overrides: Partial<CardContext<IPulseCardProps>> = {}): CardContext<IPulseCardProps> {
  return { properties: DEFAULT_PROPERTIES, locale: 'en-us', timeZone: 'Europe/Stockholm', now: NOW, ...overrides };
}

const ROUND = WELD_HALL_ROUND;

/** One question, English only: 10 s, "1 min". */
const SHORT: PulseOpenRound = {
  ...ROUND,
  roundId: 9,
  title: 'Quick check',
  closesAt: '2026-12-20T16:00:00Z',
  languages: ['en-us'],
  questions: [ROUND.questions[0]]
};

/** Replies and plans as read for someone with neither (tests of what followed a pulse give their own). */
const NO_PLANS_EN = 'No action plans for your groups yet. When HR or your leader publishes one after a pulse, it appears here.';
const NOTHING_FOLLOWED: PulseFollowUp = { comments: { state: 'read', value: { comments: [] } }, plans: { state: 'read', value: [] } };

function data(rounds: readonly PulseOpenRound[] = [ROUND], extra: Partial<PulseCardData> = {}): PulseCardData {
  return { rounds, refused: [], followUp: NOTHING_FOLLOWED, ...extra };
}

/** The round as the relay offers it to a person whose own language is `locale`. */
function dataIn(locale: string, extra: Partial<PulseCardData> = {}): PulseCardData {
  return data([{ ...ROUND, language: locale }], extra);
}

function ready(value: PulseCardData): CardState<PulseCardData> {
  return { status: 'ready', data: value };
}

/** The answers service as the card uses it: records what it was asked, answers what the test says. */
class FakeAnswers implements PulseCardAnswers {
  public readonly sent: Array<{ sheet: AnswerSheet; roundId: number }> = [];
  public outcome: SendResult | Error = { kind: 'counted' };
  public refusedAnswers: RefusedAnswer[] = [];
  public readonly forgotten: number[] = [];

  public send(sheet: AnswerSheet, round: PulseOpenRound): Promise<SendResult> {
    this.sent.push({ sheet, roundId: round.roundId });
    return this.outcome instanceof Error ? Promise.reject(this.outcome) : Promise.resolve(this.outcome);
  }

  public refused(): RefusedAnswer[] {
    return this.refusedAnswers;
  }

  public forgetRefused(roundId: number): void {
    this.forgotten.push(roundId);
    this.refusedAnswers = this.refusedAnswers.filter((a) => a.roundId !== roundId);
  }
}

function body(value: PulseCardData, ctx = context()): AdaptiveElement[] {
  return pulseQuickView(value, ctx, strings(ctx.locale)).template.body;
}

function texts(elements: readonly AdaptiveElement[]): string[] {
  return elements.flatMap((element): string[] => {
    switch (element.type) {
      case 'TextBlock':
        return [element.text];
      case 'Container':
        return texts(element.items);
      default:
        return [];
    }
  });
}

/** Every button of the quick view, in order (sets, and blocks that act when tapped). */
function actions(elements: readonly AdaptiveElement[]): AdaptiveSubmitAction[] {
  return elements.flatMap((element): AdaptiveSubmitAction[] => {
    switch (element.type) {
      case 'ActionSet':
        return element.actions;
      case 'Container':
        return [...(element.selectAction ? [element.selectAction] : []), ...actions(element.items)];
      default:
        return [];
    }
  });
}

function titles(elements: readonly AdaptiveElement[]): string[] {
  return actions(elements).map((a) => a.title);
}

/** Every id of the card, elements and actions alike (Adaptive Cards refuses a card that repeats one). */
function ids(elements: readonly AdaptiveElement[]): string[] {
  return elements.flatMap((element): string[] => {
    const own = element.id ? [element.id] : [];
    switch (element.type) {
      case 'ActionSet':
        return [...own, ...element.actions.map((a) => a.id)];
      case 'Container':
        return [...own, ...(element.selectAction ? [element.selectAction.id] : []), ...ids(element.items)];
      default:
        return own;
    }
  });
}

function input(elements: readonly AdaptiveElement[]): AdaptiveInputText | undefined {
  return elements.find((e): e is AdaptiveInputText => e.type === 'Input.Text');
}

/** Taps through the quick view as a person would: each id must be a button on the screen shown. */
async function tap(start: PulseCardData, tapped: readonly string[], answers: PulseCardAnswers = new FakeAnswers(), inputs: Readonly<Record<string, string>> = {}, locale = 'en-us'): Promise<PulseCardData> {
  let current = start;
  for (const id of tapped) {
    const screen = body(current, context({ locale }));
    // Each screen on the way is a card the renderer accepts: no id twice.
    const all = ids(screen);
    expect(all.filter((one, index) => all.indexOf(one) !== index)).toEqual([]);
    expect(actions(screen).map((a) => a.id)).toContain(id);
    current = await pulseAction(current, id, inputs, answers);
  }
  return current;
}

describe('card face', () => {
  it('Loading and Setup: says so, no buttons; without a relay it says answers are not collected and to tell IT', () => {
    expect(pulseCardView({ status: 'loading' }, context(), en)).toMatchObject({ status: 'loading', title: 'Pulse', primaryText: en.Loading, buttons: [] });
    const face = pulseCardView({ status: 'setup', reason: 'noRelay' }, context(), en);
    expect(face).toMatchObject({ status: 'setup', primaryText: 'Pulse surveys can\'t be answered here', buttons: [] });
    expect(face.description).toMatch(/not collected.*relay.*IT admin/);
    expect(pulseCardView({ status: 'setup', reason: 'notSetUp' }, context(), en).description).toMatch(/Engage Setup/);
  });

  it.each([
    ['en-us', /Tell your IT admin/],
    ['nl-nl', /IT-beheerder/],
    ['sv-se', /IT-administratör/]
  ])('%s: the line without a relay is in the page\'s language', (locale, words) => {
    expect(pulseCardView({ status: 'setup', reason: 'noRelay' }, context({ locale }), strings(locale)).description).toMatch(words);
  });

  it('Error: says what went wrong by code and offers Try again', () => {
    const face = pulseCardView({ status: 'error', error: new PulseError('network', 'offline') }, context(), en);
    expect(face).toMatchObject({ status: 'error', primaryText: 'Your pulse survey couldn\'t be loaded', description: 'The survey could not be reached. Check the connection.' });
    expect(face.buttons).toEqual([{ id: RETRY_BUTTON_ID, title: 'Try again', action: { kind: 'retry' }, style: 'positive' }]);
    expect(pulseCardView({ status: 'error', error: new Error('boom') }, context(), en).description).toMatch(/Something went wrong/);
    expect(pulseCardView({ status: 'error', error: { code: 'relayFault' } }, context({ locale: 'sv-se' }), strings('sv-se')).description).toBe(
      'Enkättjänsten fungerar inte just nu. Kontakta din IT-administratör.'
    );
  });

  it.each([
    ['en-us', '2 min, 5 questions', '1 min, 1 question', 'Answer'],
    ['nl-nl', '2 min, 5 vragen', '1 min, 1 vraag', 'Beantwoorden'],
    ['sv-se', '2 min, 5 frågor', '1 min, 1 fråga', 'Svara']
  ])('%s: a round open for me: how long, how many questions, the round\'s title, and Answer', (locale, long, short, answer) => {
    const face = pulseCardView(ready(data()), context({ locale }), strings(locale));
    expect(face).toMatchObject({ status: 'ready', primaryText: long, description: 'Weld hall pulse', onSelect: { kind: 'quickView' } });
    expect(face.buttons).toEqual([{ id: ANSWER_BUTTON_ID, title: answer, action: { kind: 'quickView' }, style: 'positive' }]);
    expect(pulseCardView(ready(data([SHORT])), context({ locale }), strings(locale)).primaryText).toBe(short);
  });

  it('the round that closes first is the one the face names', () => {
    expect(pulseCardView(ready(data([SHORT, ROUND])), context(), en).description).toBe('Weld hall pulse');
  });

  it('all answered: thanks; none open: says so; no button', () => {
    const answered = pulseCardView(ready(data([{ ...ROUND, answered: true }])), context(), en);
    expect(answered).toMatchObject({ primaryText: 'Thank you: you have answered every open pulse survey', buttons: [] });
    expect(pulseCardView(ready(data([])), context({ locale: 'nl-nl' }), strings('nl-nl'))).toMatchObject({ primaryText: 'Er staat geen pulsmeting voor je open', buttons: [] });
    expect(pulseCardView(ready(data([])), context({ locale: 'sv-se' }), strings('sv-se')).primaryText).toBe('Ingen pulsenkät är öppen för dig');
  });

  it('an answer refused for good: the face says one was not counted, and the quick view says why', () => {
    const refused: RefusedAnswer = { roundId: 3, code: 'roundClosed', queuedAt: '2026-12-06T10:00:00Z' };
    const face = pulseCardView(ready(data([], { refused: [refused] })), context(), en);
    expect(face).toMatchObject({ primaryText: 'No pulse survey is open for you', description: 'One of your answers was not counted.' });
    expect(face.buttons.map((b) => b.title)).toEqual(['See why']);
    expect(texts(body(data([], { refused: [refused] })))).toContain('This round closed before your answers could be sent, so they were not counted.');
  });

  it('uses the title property when set, the localised title when empty', () => {
    expect(pulseCardView({ status: 'loading' }, context({ properties: { title: ' Hall B ' } }), en).title).toBe('Hall B');
    expect(pulseCardView({ status: 'loading' }, context({ locale: 'sv-se' }), strings('sv-se')).title).toBe('Puls');
  });
});

describe('quick view: start screen', () => {
  it.each([
    ['en-us', '5 questions · 2 min · Open until', 'Start', 'Who can see this', 'at least 6 people, and comments only where at least 12'],
    ['nl-nl', '5 vragen · 2 min · Open tot', 'Beginnen', 'Wie kan dit zien', 'minstens 6 mensen, en opmerkingen alleen waar minstens 12'],
    ['sv-se', '5 frågor · 2 min · Öppen till', 'Börja', 'Vem kan se detta', 'minst 6 personer, och kommentarer bara där minst 12']
  ])('%s: the round, how long, until when, the languages, Start, and who can see this with the round\'s thresholds', (locale, meta, start, privacy, thresholds) => {
    const shown = body(dataIn(locale), context({ locale }));
    const words = texts(shown);
    expect(words[0]).toBe('Weld hall pulse');
    expect(words[1]).toContain(meta);
    expect(words).toContain(privacy);
    expect(words.join('\n')).toContain(thresholds);
    // The round starts in the person's own language (as the relay says); each language is named in itself.
    expect(actions(shown).map((a) => [a.title, a.style])).toEqual([
      ['English', locale === 'en-us' ? 'positive' : 'default'],
      ['Nederlands', locale === 'nl-nl' ? 'positive' : 'default'],
      ['Svenska', locale === 'sv-se' ? 'positive' : 'default'],
      [start, 'positive']
    ]);
  });

  it('shows the close in the reader\'s time zone', () => {
    expect(texts(body(data()))[1]).toBe('5 questions · 2 min · Open until Tue, Dec 15 17:00');
    expect(texts(body(dataIn('sv-se'), context({ locale: 'sv-se' })))[1]).toBe('5 frågor · 2 min · Öppen till tis 15 dec. 17:00');
    expect(texts(body(data(), context({ timeZone: 'Europe/London' })))[1]).toContain('16:00');
  });

  it('has no language switch when the round has one language', () => {
    expect(titles(body(data([SHORT])))).toEqual(['Start']);
  });

  it('the switch changes the screen\'s language at once, whatever the page\'s', async () => {
    const swedish = await tap(data(), ['language:sv-se']);
    expect(swedish.answering?.sheet.language).toBe('sv-se');
    expect(texts(body(swedish))).toContain('Vem kan se detta');
    const started = await tap(swedish, [START_ACTION_ID]);
    expect(texts(body(started))).toContain('Jag hör hemma i mitt skiftlag.');
  });

  it('a language the round does not have keeps the one shown', async () => {
    const after = await pulseAction(data(), 'language:de-de', {}, new FakeAnswers());
    expect(after.answering?.sheet.language).toBe('en-us');
  });
});

describe('quick view: one question a screen', () => {
  it.each([
    ['en-us', 'Question 1 of 5', '😟 Strongly disagree', '😄 Strongly agree', 'Skip', 'Back'],
    ['nl-nl', 'Vraag 1 van 5', '😟 Helemaal oneens', '😄 Helemaal eens', 'Overslaan', 'Terug'],
    ['sv-se', 'Fråga 1 av 5', '😟 Instämmer inte alls', '😄 Instämmer helt', 'Hoppa över', 'Tillbaka']
  ])('%s: five faces with words, then Skip and Back', async (locale, progress, lowest, highest, skip, back) => {
    const shown = body(await tap(dataIn(locale), [START_ACTION_ID], undefined, {}, locale), context({ locale }));
    expect(texts(shown).slice(0, 2)).toEqual([progress, ROUND.questions[0].texts[locale]]);
    const buttons = titles(shown);
    expect(buttons).toHaveLength(7);
    expect(buttons[0]).toBe(lowest);
    expect(buttons[4]).toBe(highest);
    expect(buttons.slice(5)).toEqual([skip, back]);
  });

  it('a face answers and moves on; back on it, the face is chosen and Skip becomes Next', async () => {
    const answered = await tap(data(), [START_ACTION_ID, 'score:0:4']);
    expect(answered.answering?.sheet).toMatchObject({ index: 1, scores: { belong: 4 } });
    const back = await tap(answered, [BACK_ACTION_ID]);
    expect(back.answering?.sheet.index).toBe(0);
    const shown = actions(body(back));
    expect(shown.filter((a) => a.style === 'positive').map((a) => a.title)).toEqual(['🙂 Agree', 'Next']);
    expect(shown.map((a) => a.id)).not.toContain(SKIP_ACTION_ID);
  });

  it('Skip takes an answer back and moves on', async () => {
    const skipped = await tap(data(), [START_ACTION_ID, 'score:0:4', BACK_ACTION_ID, NEXT_ACTION_ID, 'score:1:2', BACK_ACTION_ID, 'score:1:2', BACK_ACTION_ID]);
    expect(skipped.answering?.sheet.scores).toEqual({ belong: 4, safe: 2 });
    // Next, not Skip, while it is answered; on the next screen, Skip clears nothing there.
    const cleared = await tap(skipped, [NEXT_ACTION_ID, SKIP_ACTION_ID]);
    expect(cleared.answering?.sheet).toMatchObject({ index: 3, scores: { belong: 4, safe: 2 } });
  });

  it('Back from the first question is the start screen', async () => {
    const back = await tap(data(), [START_ACTION_ID, BACK_ACTION_ID]);
    expect(back.answering?.started).toBe(false);
    expect(titles(body(back))).toContain('Start');
  });

  it('a tap from a screen no longer shown answers nothing', async () => {
    const onSecond = await tap(data(), [START_ACTION_ID, 'score:0:4']);
    expect(await pulseAction(onSecond, 'score:0:1', {}, new FakeAnswers())).toBe(onSecond);
    expect(await pulseAction(onSecond, 'score:1:9', {}, new FakeAnswers())).toMatchObject({ answering: { sheet: { scores: { belong: 4 } } } });
  });

  it.each([
    ['en-us', '0 = not at all likely', '10 = extremely likely'],
    ['nl-nl', '0 = helemaal niet waarschijnlijk', '10 = zeer waarschijnlijk'],
    ['sv-se', '0 = inte alls troligt', '10 = mycket troligt']
  ])('%s: eNPS is 0–10, in sets the host shows whole, with what 0 and 10 mean', async (locale, low, high) => {
    const shown = body(await tap(dataIn(locale), [START_ACTION_ID, SKIP_ACTION_ID, SKIP_ACTION_ID], undefined, {}, locale), context({ locale }));
    expect(texts(shown)).toEqual(expect.arrayContaining([low, high]));
    const sets = shown.filter((e) => e.type === 'ActionSet' && e.id?.startsWith('numbers'));
    expect(sets.map((s) => (s.type === 'ActionSet' ? s.actions.map((a) => a.title) : []))).toEqual([
      ['0', '1', '2', '3', '4'],
      ['5', '6', '7', '8', '9'],
      ['10']
    ]);
    shown.forEach((e) => e.type === 'ActionSet' && expect(e.actions.length).toBeLessThanOrEqual(ACTIONS_PER_SET));
  });

  it('an eNPS score outside 0–10 answers nothing', async () => {
    const onEnps = await tap(data(), [START_ACTION_ID, SKIP_ACTION_ID, SKIP_ACTION_ID]);
    const after = await pulseAction(onEnps, 'score:2:11', {}, new FakeAnswers());
    expect(after.answering?.sheet).toMatchObject({ index: 3, scores: {} });
  });

  it.each([
    ['en-us', 'Your answer (optional)', 'only where at least 12 people answered'],
    ['nl-nl', 'Je antwoord (niet verplicht)', 'alleen waar minstens 12 mensen antwoordden'],
    ['sv-se', 'Ditt svar (frivilligt)', 'bara där minst 12 personer har svarat']
  ])('%s: a text question is an optional box for several lines, with the hint and the round\'s comment threshold', async (locale, label, hint) => {
    const onText = await tap(dataIn(locale), [START_ACTION_ID, 'score:0:3', 'score:1:3', 'score:2:8', 'score:3:3'], undefined, {}, locale);
    const shown = body(onText, context({ locale }));
    expect(input(shown)).toMatchObject({ id: COMMENT_INPUT_ID, label, isMultiline: true });
    expect(input(shown)?.isRequired).toBeUndefined();
    expect(texts(shown).join('\n')).toContain(hint);
    // Next and Back take the words along; Skip does not.
    expect(actions(shown).map((a) => [a.id, a.associatedInputs])).toEqual([
      [NEXT_ACTION_ID, 'auto'],
      [SKIP_ACTION_ID, 'none'],
      [BACK_ACTION_ID, 'auto']
    ]);
  });

  it('a comment is kept as typed on Next and on Back, shown again, and taken back by Skip', async () => {
    const onText = await tap(data(), [START_ACTION_ID, SKIP_ACTION_ID, SKIP_ACTION_ID, SKIP_ACTION_ID, SKIP_ACTION_ID]);
    const comment = 'More <b>light</b> at station 4 🔦';
    const next = await tap(onText, [NEXT_ACTION_ID], undefined, { [COMMENT_INPUT_ID]: comment });
    expect(next.answering?.sheet).toMatchObject({ index: 5, comments: { idea: comment } });
    const back = await tap(next, [BACK_ACTION_ID]);
    expect(input(body(back))?.value).toBe(comment);
    const backAgain = await tap(back, [BACK_ACTION_ID], undefined, { [COMMENT_INPUT_ID]: 'changed' });
    expect(backAgain.answering?.sheet).toMatchObject({ index: 3, comments: { idea: 'changed' } });
    const skipped = await tap(back, [SKIP_ACTION_ID]);
    expect(skipped.answering?.sheet.comments).toEqual({});
  });

  it.each([
    ['en-us', `Shorten your answer to ${PULSE_TEXT_MAX} characters`],
    ['nl-nl', `Maak je antwoord korter, tot ${PULSE_TEXT_MAX} tekens`],
    ['sv-se', `Korta ditt svar till ${PULSE_TEXT_MAX} tecken`]
  ])('%s: too long a comment stays on its screen, kept as typed, with what to do', async (locale, words) => {
    const onText = await tap(dataIn(locale), [START_ACTION_ID, SKIP_ACTION_ID, SKIP_ACTION_ID, SKIP_ACTION_ID, SKIP_ACTION_ID], undefined, {}, locale);
    const long = 'x'.repeat(PULSE_TEXT_MAX + 1);
    const after = await tap(onText, [NEXT_ACTION_ID], undefined, { [COMMENT_INPUT_ID]: long }, locale);
    expect(after.answering?.sheet.index).toBe(4);
    const shown = body(after, context({ locale }));
    expect(input(shown)).toMatchObject({ value: long });
    expect(input(shown)?.errorMessage).toContain(words);
  });
});

describe('quick view: summary, Send and the done screen', () => {
  async function onSummary(locale = 'en-us'): Promise<PulseCardData> {
    return tap(dataIn(locale), [START_ACTION_ID, 'score:0:5', SKIP_ACTION_ID, 'score:2:9', 'score:3:2', NEXT_ACTION_ID], undefined, { [COMMENT_INPUT_ID]: 'More light' }, locale);
  }

  it.each([
    ['en-us', 'You answered 4 of 5 questions.', 'Skipped', 'Send answers'],
    ['nl-nl', 'Je hebt 4 van de 5 vragen beantwoord.', 'Overgeslagen', 'Antwoorden versturen'],
    ['sv-se', 'Du har svarat på 4 av 5 frågor.', 'Överhoppad', 'Skicka svar']
  ])('%s: each question with its answer, each a way back to it, then Send and Back', async (locale, heading, skipped, send) => {
    const shown = body(await onSummary(locale), context({ locale }));
    const words = texts(shown);
    expect(words[0]).toBe(heading);
    expect(words).toEqual(expect.arrayContaining([skipped, '9', '✓ More light']));
    const buttons = actions(shown);
    expect(buttons.map((a) => a.id)).toEqual(['change:0', 'change:1', 'change:2', 'change:3', 'change:4', SEND_ACTION_ID, BACK_ACTION_ID]);
    expect(buttons[5].title).toBe(send);
    // A row's name says which question it changes and what is answered there.
    expect(buttons[1].title).toContain(ROUND.questions[1].texts[locale]);
    expect(buttons[1].title).toContain(skipped);
  });

  it('a row goes back to its question; Back goes to the last question', async () => {
    const summary = await onSummary();
    expect((await tap(summary, ['change:2'])).answering?.sheet.index).toBe(2);
    expect((await tap(summary, [BACK_ACTION_ID])).answering?.sheet.index).toBe(4);
  });

  it('sends the sheet once; counted: the done screen thanks, and the round is answered', async () => {
    const answers = new FakeAnswers();
    const done = await tap(await onSummary(), [SEND_ACTION_ID], answers);
    expect(answers.sent).toEqual([{ roundId: 7, sheet: expect.objectContaining({ scores: { belong: 5, enps: 9, say: 2 }, comments: { idea: 'More light' } }) }]);
    // Below it, what followed earlier pulses (here: no plan yet).
    expect(texts(body(done))).toEqual(['Weld hall pulse', 'Thank you. Your answers are counted.', 'You said, we did', NO_PLANS_EN]);
    expect(done.rounds[0].answered).toBe(true);
    expect(pulseCardView(ready(done), context(), en).primaryText).toBe('Thank you: you have answered every open pulse survey');
    // The done screen has nothing more to tap when no other round is open; Send again does nothing.
    expect(actions(body(done))).toEqual([]);
    expect(await pulseAction(done, SEND_ACTION_ID, {}, answers)).toBe(done);
    expect(answers.sent).toHaveLength(1);
  });

  it.each<[string, SendResult, string]>([
    ['en-us', { kind: 'queued', code: 'network' }, 'Your answers are saved on this device and are sent by themselves when the connection is back.'],
    ['nl-nl', { kind: 'queued', code: 'network' }, 'Je antwoorden zijn op dit apparaat bewaard en worden vanzelf verstuurd zodra de verbinding terug is.'],
    ['sv-se', { kind: 'alreadyAnswered' }, 'Du har redan svarat på den här omgången. Det är dina första svar som räknas.'],
    ['en-us', { kind: 'alreadyAnswered' }, 'You have already answered this round. Your first answers are the ones that count.'],
    ['sv-se', { kind: 'counted' }, 'Tack! Dina svar har räknats.']
  ])('%s: the done screen says what became of the answers (%j)', async (locale, outcome, words) => {
    const answers = new FakeAnswers();
    answers.outcome = outcome;
    const done = await tap(await onSummary(locale), [SEND_ACTION_ID], answers, {}, locale);
    expect(texts(body(done, context({ locale })))).toContain(words);
    expect(done.rounds[0].answered).toBe(true);
  });

  it.each([
    ['en-us', 'This survey is not asked of you, so your answers were not counted.'],
    ['nl-nl', 'Deze enquête is niet aan jou gericht; je antwoorden zijn niet meegeteld.'],
    ['sv-se', 'Den här enkäten riktar sig inte till dig, så dina svar räknades inte.']
  ])('%s: refused for good: the done screen says why, once, and the round is not marked answered', async (locale, why) => {
    const answers = new FakeAnswers();
    answers.outcome = { kind: 'refused', code: 'notInAudience' };
    answers.refusedAnswers = [{ roundId: 7, code: 'notInAudience', queuedAt: '2026-12-07T08:00:00Z' }];
    const done = await tap(await onSummary(locale), [SEND_ACTION_ID], answers, {}, locale);
    expect(texts(body(done, context({ locale }))).filter((t) => t === why)).toHaveLength(1);
    expect(done.rounds[0].answered).toBe(false);
    expect(done.refused).toEqual(answers.refusedAnswers);
  });

  it('nothing answered: says so and sends nothing', async () => {
    const answers = new FakeAnswers();
    const skippedAll = await tap(data(), [START_ACTION_ID, SKIP_ACTION_ID, SKIP_ACTION_ID, SKIP_ACTION_ID, SKIP_ACTION_ID, SKIP_ACTION_ID, SEND_ACTION_ID], answers);
    expect(answers.sent).toEqual([]);
    expect(texts(body(skippedAll))).toContain('Answer at least one question before you send.');
    expect(titles(body(skippedAll))).toContain('Send answers');
  });

  it('refused as invalid: stays on the summary with what to do, nothing lost', async () => {
    const answers = new FakeAnswers();
    answers.outcome = { kind: 'refused', code: 'invalid' };
    const summary = await onSummary('nl-nl');
    const after = await tap(summary, [SEND_ACTION_ID], answers, {}, 'nl-nl');
    expect(after.answering?.sheet).toEqual(summary.answering?.sheet);
    expect(texts(body(after, context({ locale: 'nl-nl' })))).toContain('Je antwoorden konden niet worden aangenomen. Controleer ze en verstuur ze opnieuw.');
  });

  it('a send that throws: not claimed as kept; the summary again with why, and Send', async () => {
    const answers = new FakeAnswers();
    answers.outcome = new Error('storage full');
    const summary = await onSummary();
    const again = await tap(summary, [SEND_ACTION_ID], answers);
    expect(again.answering?.result).toBeUndefined();
    expect(again.answering?.problem).toBe('sendFailed');
    expect(again.answering?.sheet).toEqual(summary.answering?.sheet);
    const shown = body(again);
    expect(texts(shown)).toContain('Your answers could not be sent or saved. Try Send again.');
    expect(actions(shown).map((a) => a.id)).toContain(SEND_ACTION_ID);
  });

  it('Send before the summary sends nothing', async () => {
    const answers = new FakeAnswers();
    const onFirst = await tap(data(), [START_ACTION_ID, 'score:0:5']);
    expect(await pulseAction(onFirst, SEND_ACTION_ID, {}, answers)).toBe(onFirst);
    expect(answers.sent).toEqual([]);
  });

  it('another round open: the done screen goes on to it, at its start', async () => {
    const two = data([ROUND, SHORT]);
    const done = await tap(two, [START_ACTION_ID, 'score:0:5', SKIP_ACTION_ID, SKIP_ACTION_ID, SKIP_ACTION_ID, SKIP_ACTION_ID, SEND_ACTION_ID]);
    expect(titles(body(done))).toEqual(['Next']);
    expect(pulseCardView(ready(done), context(), en).primaryText).toBe('1 min, 1 question');
    const next = await tap(done, [NEXT_ROUND_ACTION_ID]);
    expect(ids(body(done)).filter((id) => id === NEXT_ROUND_ACTION_ID)).toHaveLength(1);
    expect(texts(body(next))[0]).toBe('Quick check');
    expect(titles(body(next))).toEqual(['Start']);
  });
});

describe('quick view: nothing to answer and refusals', () => {
  it.each([
    ['en-us', 'No pulse survey is open for you right now.', 'Thank you: you have answered every open survey.', 'You said, we did'],
    ['nl-nl', 'Er staat nu geen pulsmeting voor je open.', 'Bedankt: je hebt elke open enquête beantwoord.', 'Jullie zeiden, wij deden'],
    ['sv-se', 'Ingen pulsenkät är öppen för dig just nu.', 'Tack! Du har svarat på alla öppna enkäter.', 'Ni sa, vi gjorde']
  ])('%s: says none is open, or that all are answered, then what followed', (locale, none, all, followed) => {
    expect(texts(body(data([]), context({ locale }))).slice(0, 2)).toEqual([none, followed]);
    expect(texts(body(data([{ ...ROUND, answered: true }]), context({ locale }))).slice(0, 2)).toEqual([all, followed]);
  });

  it('a refusal is shown with why until the person closes it', async () => {
    const answers = new FakeAnswers();
    answers.refusedAnswers = [{ roundId: 3, code: 'roundClosed', queuedAt: '2026-12-06T10:00:00Z' }];
    const start = data([ROUND], { refused: answers.refusedAnswers });
    expect(texts(body(start))[0]).toBe('This round closed before your answers could be sent, so they were not counted.');
    const closed = await tap(start, ['forget:3'], answers);
    expect(answers.forgotten).toEqual([3]);
    expect(closed.refused).toEqual([]);
    expect(texts(body(closed))[0]).toBe('Weld hall pulse');
  });
});

/* ------------------------------------------------------------------------------------------
 * What followed a pulse: replies to the person's comments and "You said, we did".
 * ---------------------------------------------------------------------------------------- */

describe('card face: what followed a pulse, when no round waits', () => {
  it.each([
    ['en-us', 'HR answered your comment', 'Read the reply'],
    ['nl-nl', 'HR heeft op je opmerking gereageerd', 'Reactie lezen'],
    ['sv-se', 'HR har svarat på din kommentar', 'Läs svaret']
  ])('%s: a reply waiting comes first: who answered, the round, and a button to read it', (locale, line, read) => {
    const face = pulseCardView(ready(data([], { followUp: followed([UNANSWERED, ANSWERED], [plan(1)]) })), context({ locale }), strings(locale));
    expect(face).toMatchObject({ status: 'ready', primaryText: line, description: 'Weld hall pulse', onSelect: { kind: 'quickView' } });
    expect(face.buttons).toEqual([{ id: FOLLOW_UP_BUTTON_ID, title: read, action: { kind: 'quickView' } }]);
  });

  it('the team leader\'s reply, and several replies counted', () => {
    const leader = { ...ANSWERED, messages: [{ role: 'leader' as const, text: 'Agreed.', mine: false }], answeredBy: 'leader' as const };
    expect(pulseCardView(ready(data([], { followUp: followed([leader], []) })), context(), en).primaryText).toBe('Your team leader answered your comment');
    const two = pulseCardView(ready(data([], { followUp: followed([ANSWERED, { ...leader, threadId: OTHER_THREAD }], []) })), context({ locale: 'sv-se' }), strings('sv-se'));
    expect(two.primaryText).toBe('2 av dina kommentarer har fått svar');
    expect(two.description).toBeUndefined();
  });

  it.each([
    ['en-us', 'You said, we did: Newest plan', 'In progress · Due January 15, 2027', 'See the plan'],
    ['nl-nl', 'Jullie zeiden, wij deden: Newest plan', 'Bezig · Klaar op 15 januari 2027', 'Plan bekijken'],
    ['sv-se', 'Ni sa, vi gjorde: Newest plan', 'Pågår · Klart senast 15 januari 2027', 'Se planen']
  ])('%s: no reply waiting: the newest plan, its status and due day in the page\'s language', (locale, line, meta, see) => {
    const plans = [plan(1, { publishedAt: '2026-11-20T08:00:00Z' }), plan(2, { headline: 'Newest plan', publishedAt: '2026-12-05T08:00:00Z' }), plan(3, { publishedAt: '2026-11-30T08:00:00Z' })];
    const face = pulseCardView(ready(data([], { followUp: followed([UNANSWERED], plans) })), context({ locale }), strings(locale));
    expect(face).toMatchObject({ primaryText: line, description: meta });
    expect(face.buttons.map((b) => [b.title, b.action])).toEqual([[see, { kind: 'quickView' }]]);
  });

  it('a plan without a due day (a field the relay may leave empty) shows its status only', () => {
    expect(pulseCardView(ready(data([], { followUp: followed([], [plan(1, { dueDate: '', status: 'done' })]) })), context(), en).description).toBe('Done');
  });

  it('a round to answer still comes first, and an answer not counted before any follow-up', () => {
    const followUp = followed([ANSWERED], [plan(1)]);
    expect(pulseCardView(ready(data([ROUND], { followUp })), context(), en).primaryText).toBe('2 min, 5 questions');
    const refused: RefusedAnswer = { roundId: 3, code: 'roundClosed', queuedAt: '2026-12-06T10:00:00Z' };
    expect(pulseCardView(ready(data([], { followUp, refused: [refused] })), context(), en).description).toBe('One of your answers was not counted.');
  });

  it.each([
    ['en-us', 'Your comments and action plans couldn\'t be loaded.', 'Try again'],
    ['nl-nl', 'Je opmerkingen en actieplannen konden niet worden geladen.', 'Opnieuw proberen'],
    ['sv-se', 'Dina kommentarer och åtgärdsplaner kunde inte laddas.', 'Försök igen']
  ])('%s: nothing could be read: the face says so, and Try again loads the card again', (locale, failed, again) => {
    const followUp: PulseFollowUp = { comments: { state: 'failed', code: 'unavailable' }, plans: { state: 'failed', code: 'unavailable' } };
    const face = pulseCardView(ready(data([], { followUp })), context({ locale }), strings(locale));
    expect(face).toMatchObject({ primaryText: strings(locale).NoneOpen, description: failed });
    expect(face.buttons).toEqual([{ id: RETRY_BUTTON_ID, title: again, action: { kind: 'retry' } }]);
  });

  it('one read failed and the other has a plan: the plan', () => {
    const followUp: PulseFollowUp = { comments: { state: 'failed', code: 'rateLimited' }, plans: { state: 'read', value: [plan(4, { headline: 'Lamps' })] } };
    expect(pulseCardView(ready(data([], { followUp })), context(), en).primaryText).toBe('You said, we did: Lamps');
  });
});

describe('quick view: what followed a pulse', () => {
  it('below "nothing open": the reply first (who, the round, my comment, the thread, Answer back), then the plans', () => {
    const shown = body(data([], { followUp: followed([UNANSWERED, ANSWERED], [plan(1)]) }));
    expect(texts(shown)).toEqual([
      'No pulse survey is open for you right now.',
      'Your comments',
      'Weld hall pulse',
      'Your comment: Fewer meetings',
      'No reply yet.',
      'HR answered your comment',
      'Weld hall pulse',
      'Your comment: More light at station 4',
      'HR: New lamps are ordered for week 2.',
      'You said, we did',
      'Plan 1',
      'For your crew · In progress · Due January 15, 2027',
      'You said',
      'Swapping a shift takes too long.',
      'We will do',
      'Swaps are asked for and approved in Teams Shifts.'
    ]);
    // Only the answered comment can be answered back.
    expect(actions(shown).map((a) => [a.id, a.title])).toEqual([[`${ANSWER_BACK_PREFIX}${THREAD}`, 'Answer back']]);
  });

  it('no reply waiting: the plans come first, newest first', () => {
    const shown = texts(body(data([], { followUp: followed([UNANSWERED], [plan(1, { publishedAt: '2026-11-01T08:00:00Z' }), plan(2)]) })));
    expect(shown.indexOf('You said, we did')).toBeLessThan(shown.indexOf('Your comments'));
    expect(shown.indexOf('Plan 2')).toBeLessThan(shown.indexOf('Plan 1'));
  });

  it('plans in Dutch: the group, status, due day and overdue in the page\'s language, "we did" once done', () => {
    const plans = [
      plan(1, { headline: 'Overdracht bij elke ploegwissel', groupKey: 'line=ein-mould', dueDate: '2026-12-01' }),
      plan(2, { headline: 'Vijf minuten aan het lijnbord', groupKey: 'plant', status: 'done', dueDate: '2026-11-01', publishedAt: '2026-11-02T08:00:00Z' })
    ];
    const shown = texts(body(data([], { followUp: followed([], plans) }), context({ locale: 'nl-nl' })));
    expect(shown).toEqual(
      expect.arrayContaining([
        'Jullie zeiden, wij deden',
        'Overdracht bij elke ploegwissel',
        'Voor jouw lijn · Bezig · Klaar op 1 december 2026 · Te laat',
        'Jullie zeiden',
        'Dit gaan we doen',
        'Voor iedereen in de vestiging · Klaar · Klaar op 1 november 2026',
        'Dit hebben we gedaan'
      ])
    );
  });

  it('no comments and no plans: says no plan yet, and offers nothing to tap', () => {
    const shown = body(data([]));
    expect(texts(shown)).toEqual(['No pulse survey is open for you right now.', 'You said, we did', NO_PLANS_EN]);
    expect(actions(shown)).toEqual([]);
  });

  it('below a round\'s start screen, after who can see this; never on a question or the summary', async () => {
    const followUp = followed([ANSWERED], [plan(1)]);
    const start = body(data([ROUND], { followUp }));
    const words = texts(start);
    expect(words.indexOf('HR answered your comment')).toBeGreaterThan(words.indexOf('Who can see this'));
    expect(titles(start)).toEqual(['English', 'Nederlands', 'Svenska', 'Start', 'Answer back']);
    const question = body(await tap(data([ROUND], { followUp }), [START_ACTION_ID]));
    expect(texts(question)).not.toContain('You said, we did');
    expect(titles(question)).not.toContain('Answer back');
  });

  it.each([
    ['en-us', 'Your comments couldn\'t be loaded.', 'Try again', 'Start'],
    ['nl-nl', 'Je opmerkingen konden niet worden geladen.', 'Opnieuw proberen', 'Beginnen'],
    ['sv-se', 'Dina kommentarer kunde inte laddas.', 'Försök igen', 'Börja']
  ])('%s: a failed read says so with Try again, and the round can still be answered', (locale, failed, again, start) => {
    const followUp: PulseFollowUp = { comments: { state: 'failed', code: 'unavailable' }, plans: { state: 'read', value: [plan(1)] } };
    const shown = body(dataIn(locale, { followUp }), context({ locale }));
    expect(texts(shown)).toContain(failed);
    expect(texts(shown)).toContain(`Plan 1`);
    const buttons = actions(shown);
    expect(buttons.map((a) => a.title)).toEqual(expect.arrayContaining([start, again]));
    expect(buttons.find((a) => a.title === again)?.id).toBe(FOLLOW_UP_RETRY_ID);
    // Not `retry`: that reloads the whole card, and the quick view with it.
    expect(FOLLOW_UP_RETRY_ID).not.toBe(RETRY_BUTTON_ID);
  });

  it('every screen with the follow-up is a card the renderer accepts: no id twice', () => {
    const followUp = followed([ANSWERED, UNANSWERED, { ...ANSWERED, threadId: `k2:${'c'.repeat(64)}` }], [plan(1), plan(2)]);
    for (const shown of [body(data([], { followUp })), body(data([ROUND], { followUp }))]) {
      const all = ids(shown);
      expect(all.filter((one, index) => all.indexOf(one) !== index)).toEqual([]);
    }
  });
});

describe('quick view: answering back to a reply', () => {
  const start = (): PulseCardData => data([], { followUp: followed([ANSWERED], [plan(1)]) });

  async function tapFollowUp(from: PulseCardData, id: string, sources: FollowUpSources, inputs: Readonly<Record<string, string>> = {}, locale = 'en-us'): Promise<PulseCardData> {
    expect(actions(body(from, context({ locale }))).map((a) => a.id)).toContain(id);
    return { ...from, followUp: await followUpAction(from.followUp, id, inputs, sources) };
  }

  it.each([
    ['en-us', 'Your answer', 'Your answer is shown without your name, from tomorrow.', 'Send', 'Cancel'],
    ['nl-nl', 'Jouw antwoord', 'Je antwoord wordt zonder je naam getoond, vanaf morgen.', 'Versturen', 'Annuleren'],
    ['sv-se', 'Ditt svar', 'Ditt svar visas utan ditt namn, från och med i morgon.', 'Skicka', 'Avbryt']
  ])('%s: Answer back shows the thread, a box, the hint, Send and Cancel, and nothing else', async (locale, label, hint, send, cancel) => {
    const writing = await tapFollowUp(start(), `${ANSWER_BACK_PREFIX}${THREAD}`, new FakeFollowUpSources(), {}, locale);
    const shown = body(writing, context({ locale }));
    expect(input(shown)).toMatchObject({ id: ANSWER_INPUT_ID, label, isMultiline: true });
    expect(texts(shown)).toContain(hint);
    expect(texts(shown)).not.toContain(strings(locale).NoneOpen);
    expect(actions(shown).map((a) => [a.id, a.title, a.associatedInputs])).toEqual([
      [ANSWER_SEND_ID, send, 'auto'],
      [ANSWER_CANCEL_ID, cancel, 'none']
    ]);
  });

  it('Send: the answer goes to the relay once, the thread is read again with it, and the quick view says it was sent', async () => {
    const sources = new FakeFollowUpSources();
    const writing = await tapFollowUp(start(), `${ANSWER_BACK_PREFIX}${THREAD}`, sources);
    const sent = await tapFollowUp(writing, ANSWER_SEND_ID, sources, { [ANSWER_INPUT_ID]: 'Thanks, that helps.' });
    expect(sources.answered).toEqual([{ threadId: THREAD, text: 'Thanks, that helps.' }]);
    expect(sources.calls).toEqual(['answer', 'mine']);
    const shown = texts(body(sent));
    expect(shown).toEqual(expect.arrayContaining(['Your answer was sent.', 'You: Thanks, that helps.']));
    expect(input(body(sent))).toBeUndefined();
    // Nobody's reply waits now: the face has the plan to say.
    expect(pulseCardView(ready(sent), context(), en).primaryText).toBe('You said, we did: Plan 1');
  });

  it.each([
    ['en-us', 'Shorten your text to 1,000 characters; an emoji counts as two.'],
    ['sv-se', 'Korta texten till 1 000 tecken; en emoji räknas som två.']
  ])('%s: refused (too long): the screen again with why, the text kept as typed, nothing read', async (locale, why) => {
    const sources = new FakeFollowUpSources();
    sources.answerFailure = new PulseThreadsError('textTooLong', 'too long');
    const writing = await tapFollowUp(start(), `${ANSWER_BACK_PREFIX}${THREAD}`, sources, {}, locale);
    const long = 'x'.repeat(1001);
    const after = await tapFollowUp(writing, ANSWER_SEND_ID, sources, { [ANSWER_INPUT_ID]: long }, locale);
    const shown = body(after, context({ locale }));
    expect(input(shown)).toMatchObject({ value: long, errorMessage: why });
    expect(sources.calls).toEqual(['answer']);
    // Sent again once it fits.
    const sent = await tapFollowUp(after, ANSWER_SEND_ID, (sources.answerFailure = undefined, sources), { [ANSWER_INPUT_ID]: 'Short' }, locale);
    expect(sent.followUp.sentTo).toBe(THREAD);
  });

  it('sent, but the thread could not be read again: says it was sent, and that the comments could not be loaded', async () => {
    const sources = new FakeFollowUpSources();
    const writing = await tapFollowUp(start(), `${ANSWER_BACK_PREFIX}${THREAD}`, sources);
    sources.mineFailure = new PulseThreadsError('unavailable', 'busy');
    const sent = await tapFollowUp(writing, ANSWER_SEND_ID, sources, { [ANSWER_INPUT_ID]: 'Thanks' });
    expect(texts(body(sent))).toEqual(expect.arrayContaining(['Your answer was sent.', 'Your comments couldn\'t be loaded.', 'Plan 1']));
  });

  it('Cancel goes back; a stale Send or an Answer back on a thread that cannot take one does nothing', async () => {
    const sources = new FakeFollowUpSources();
    const writing = await tapFollowUp(start(), `${ANSWER_BACK_PREFIX}${THREAD}`, sources);
    const back = await tapFollowUp(writing, ANSWER_CANCEL_ID, sources);
    expect(input(body(back))).toBeUndefined();
    expect(texts(body(back))).toContain('HR answered your comment');
    const followUp = start().followUp;
    expect(await followUpAction(followUp, ANSWER_SEND_ID, { [ANSWER_INPUT_ID]: 'x' }, sources)).toBe(followUp);
    const closed = followed([{ ...ANSWERED, canAnswer: false }], []);
    expect(await followUpAction(closed, `${ANSWER_BACK_PREFIX}${THREAD}`, {}, sources)).toBe(closed);
    expect(sources.calls).toEqual([]);
  });

  it('Try again reads again only what failed', async () => {
    const sources = new FakeFollowUpSources();
    const failed = data([], { followUp: { comments: { state: 'read', value: { comments: [UNANSWERED] } }, plans: { state: 'failed', code: 'unavailable' } } });
    const again = await tapFollowUp(failed, FOLLOW_UP_RETRY_ID, sources);
    expect(sources.calls).toEqual(['plans']);
    expect(texts(body(again))).toContain('Plan 1');
    expect(texts(body(again))).not.toContain('The action plans couldn\'t be loaded.');
    sources.plansFailure = new PlanStoreError('unavailable', 'busy');
    expect(texts(body(await tapFollowUp(failed, FOLLOW_UP_RETRY_ID, sources)))).toContain('The action plans couldn\'t be loaded.');
  });
});
