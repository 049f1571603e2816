import type { ISemanticColors } from '@fluentui/react/lib/Styling';

import { pageTheme, sectionTheme } from '../../../../local/workbench/client/themes';
import { contrast, legibleColors, legibleTheme, MIN_CONTRAST } from './legibleTheme';

/** The pairs a composer shows: a button's text on its background in each state, words on the surface. */
const PAIRS: ReadonlyArray<readonly [keyof ISemanticColors, keyof ISemanticColors]> = [
  ['buttonText', 'buttonBackground'],
  ['buttonTextHovered', 'buttonBackgroundHovered'],
  ['buttonTextPressed', 'buttonBackgroundPressed'],
  ['buttonTextChecked', 'buttonBackgroundChecked'],
  ['buttonTextCheckedHovered', 'buttonBackgroundCheckedHovered'],
  ['primaryButtonText', 'primaryButtonBackground'],
  ['primaryButtonTextHovered', 'primaryButtonBackgroundHovered'],
  ['primaryButtonTextPressed', 'primaryButtonBackgroundPressed'],
  ['bodyText', 'bodyBackground'],
  ['bodySubtext', 'bodyBackground'],
  ['errorText', 'bodyBackground'],
  ['link', 'bodyBackground'],
  ['inputTextHovered', 'bodyBackground']
];

function unreadable(colors: ISemanticColors): string[] {
  return PAIRS.filter(([text, background]) => (contrast(colors[text], colors[background]) ?? 21) < MIN_CONTRAST).map(
    ([text, background]) => `${text} on ${background}: ${(contrast(colors[text], colors[background]) ?? 0).toFixed(2)}`
  );
}

describe('the composer’s theme on every section background', () => {
  it.each(['light', 'dark'] as const)('%s, strong section: pairs under 4.5 : 1 before, none after', (page) => {
    const strong = sectionTheme(pageTheme(page), 'strong');
    // What the e2e test found: hovered buttons and error text do not read on the strong background.
    expect(unreadable(strong.semanticColors)).toEqual(expect.arrayContaining([expect.stringMatching(/^buttonTextHovered/), expect.stringMatching(/^errorText/)]));
    expect(unreadable(legibleTheme(strong).semanticColors)).toEqual([]);
  });

  it.each(['none', 'neutral', 'soft', 'strong'] as const)('every pair reads in light and dark on a %s section', (section) => {
    for (const page of ['light', 'dark'] as const) {
      expect({ page, section, unreadable: unreadable(legibleTheme(sectionTheme(pageTheme(page), section)).semanticColors) }).toEqual({ page, section, unreadable: [] });
    }
  });

  it('leaves a theme whose pairs read as it is', () => {
    const page = pageTheme('light');
    expect(legibleColors(page.semanticColors)).toEqual({});
    expect(legibleTheme(page)).toBe(page);
  });

  it('keeps a hovered button in its resting colours, and puts words on the surface in the body text’s colour', () => {
    const strong = sectionTheme(pageTheme('light'), 'strong');
    const changes = legibleColors(strong.semanticColors);
    expect(changes.buttonTextHovered).toBe(strong.semanticColors.buttonText);
    expect(changes.buttonBackgroundHovered).toBe(strong.semanticColors.buttonBackground);
    expect(changes.errorText).toBe(strong.semanticColors.bodyText);
  });
});
