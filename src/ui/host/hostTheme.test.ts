import { hostThemeVariables } from './hostTheme';

describe('hostThemeVariables', () => {
  it('sets nothing without a host theme (the SCSS theme tokens apply)', () => {
    expect(hostThemeVariables(undefined)).toEqual({});
  });

  it('takes the semantic colours of a section variant, else the palette slot they derive from', () => {
    const variables = hostThemeVariables({
      isInverted: true,
      palette: { themePrimary: '#479ef5', neutralPrimary: '#ffffff', white: '#1f1e1d', neutralLight: '#3f3e3d' },
      semanticColors: { bodyBackground: '#31302f', primaryButtonText: '#000000' }
    });
    expect(variables).toMatchObject({
      '--se-surface': '#31302f',
      '--se-text': '#ffffff',
      '--se-accent': '#479ef5',
      '--se-primary-bg': '#479ef5',
      '--se-primary-text': '#000000',
      '--se-button-bg': '#1f1e1d',
      '--se-shimmer': '#3f3e3d'
    });
    // No colour given, no variable: the token's page colour stays.
    expect(variables['--se-error']).toBeUndefined();
  });
});
