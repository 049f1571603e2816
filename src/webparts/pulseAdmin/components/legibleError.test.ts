import { contrastRatio, legibleErrorColour, MIN_CONTRAST } from './legibleError';

describe('legibleErrorColour', () => {
  it('gives error text the body text colour on a strong section, where the theme’s error colour does not read', () => {
    // The colours axe measured in the workbench's strong section: light, then dark.
    expect(contrastRatio('#f1707b', '#0078d4')).toBeLessThan(MIN_CONTRAST);
    expect(legibleErrorColour({ semanticColors: { errorText: '#f1707b', bodyBackground: '#0078d4', bodyText: '#ffffff' } })).toBe('#ffffff');
    expect(legibleErrorColour({ semanticColors: { errorText: '#a4262c', bodyBackground: '#479ef5', bodyText: '#000000' } })).toBe('#000000');
  });

  it('keeps the theme’s error colour where it reads, and where the body text would not read better', () => {
    expect(legibleErrorColour({ semanticColors: { errorText: '#a4262c', bodyBackground: '#ffffff', bodyText: '#323130' } })).toBeUndefined();
    expect(legibleErrorColour({ semanticColors: { errorText: '#f1707b', bodyBackground: '#0078d4', bodyText: '#3a8ee0' } })).toBeUndefined();
    expect(legibleErrorColour(undefined)).toBeUndefined();
    expect(legibleErrorColour({ semanticColors: { errorText: 'red', bodyBackground: '#0078d4', bodyText: '#ffffff' } })).toBeUndefined();
  });

  it('measures contrast as WCAG 2 does', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
