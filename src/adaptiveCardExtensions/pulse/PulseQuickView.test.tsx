/**
 * What followed a pulse, as the Pulse card's quick view shows it, is a valid Adaptive Card 1.5 for
 * Microsoft's renderer (`adaptivecards`, the family SharePoint uses), checked by the workbench's
 * own rendering of a quick view (`renderAdaptiveCard`): below "nothing open" and a round's start
 * screen (replies, plans, a failed read with Try again), and the answer-back screen with a
 * refusal; each parses and validates without warnings and renders its buttons and its text box.
 */
import * as path from 'path';

import { renderAdaptiveCard } from '../../../local/workbench/client/QuickView';
import { loadAmdStrings } from '../../../test/support/sources';
import type { PulseOpenRound } from '../../core/pulse/answering';
import type { AdaptiveCard, CardContext } from '../../app/host/cardTypes';
import { DEFAULT_PROPERTIES, type IPulseCardProps, type PulseCardData, pulseQuickView, type PulseStrings } from './pulseViews';
import type { PulseFollowUp } from './pulseFollowUp';
import { WELD_HALL_ROUND } from './__fakes__/rounds';
import { ANSWERED, followed, plan, THREAD, UNANSWERED } from './__fakes__/followUpFakes';

/** The card's parse and validation problems, and its rendered buttons' and inputs' names. */
function checked(template: AdaptiveCard): { problems: readonly string[]; buttons: string[]; inputs: number } {
  const { element, problems } = renderAdaptiveCard(template, undefined, () => undefined);
  return {
    problems,
    buttons: Array.from(element?.querySelectorAll('button') ?? []).map((b) => b.getAttribute('aria-label') ?? b.textContent ?? ''),
    inputs: element?.querySelectorAll('textarea, input').length ?? 0
  };
}

const ROUND = WELD_HALL_ROUND;

describe.each(['en-us', 'nl-nl', 'sv-se'])('what followed a pulse in the quick view (%s)', (locale) => {
  const strings = loadAmdStrings(path.join(__dirname, 'loc', `${locale}.js`)) as unknown as PulseStrings;
  const context: CardContext<IPulseCardProps> = { properties: DEFAULT_PROPERTIES, locale, timeZone: 'Europe/Stockholm', now: new Date('2026-12-07T08:00:00Z') };
  const card = (rounds: readonly PulseOpenRound[], followUp: PulseFollowUp): AdaptiveCard => {
    const data: PulseCardData = { rounds, refused: [], followUp };
    return pulseQuickView(data, context, strings).template;
  };
  const replied = followed([ANSWERED, UNANSWERED], [plan(1, { headline: 'Byta skift i Teams Shifts' }), plan(2, { status: 'done' })]);

  it('below nothing open and below a round\'s start: valid, with Answer back on the answered comment', () => {
    for (const [template, buttons] of [
      [card([], replied), 1],
      // The language switch (three), Start, Answer back.
      [card([ROUND], replied), 5]
    ] as const) {
      const shown = checked(template);
      expect(shown.problems).toEqual([]);
      expect(checked(JSON.parse(JSON.stringify(template)) as AdaptiveCard).problems).toEqual([]);
      expect(shown.buttons).toHaveLength(buttons);
    }
  });

  it('after a failed read (with Try again): valid', () => {
    const failed: PulseFollowUp = { comments: { state: 'failed', code: 'unavailable' }, plans: { state: 'read', value: [] } };
    const shown = checked(card([ROUND], failed));
    expect(shown.problems).toEqual([]);
    expect(shown.buttons).toContain(strings.Retry);
  });

  it('the answer-back screen, with what was typed and why it was refused: valid, one text box, Send and Cancel', () => {
    const shown = checked(card([], { ...replied, writing: { threadId: THREAD, text: 'Tack!', problem: 'rateLimited' } }));
    expect(shown.problems).toEqual([]);
    expect([shown.inputs, shown.buttons.length]).toEqual([1, 2]);
  });
});

it('the validity check catches a broken card (the tests above can fail)', () => {
  const broken = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Container', items: [{ type: 'TextBlok', text: 'typo' }] }] } as unknown as AdaptiveCard;
  expect(checked(broken).problems).not.toEqual([]);
});
