import { startLanguage } from '../../relay/src/routes/pulse';

describe('the language a pulse round starts in', () => {
  const offered = ['en-us', 'nl-nl', 'sv-se'];
  it('is the person\'s own when the survey offers it, by tag or by language', () => {
    expect(startLanguage(offered, 'sv-SE')).toBe('sv-se');
    expect(startLanguage(offered, 'nl-BE')).toBe('nl-nl');
    expect(startLanguage(offered, 'en-GB')).toBe('en-us');
  });
  it('is the survey\'s first otherwise', () => {
    expect(startLanguage(offered, 'pl-PL')).toBe('en-us');
    expect(startLanguage(['sv-se', 'en-us'], undefined)).toBe('sv-se');
    expect(startLanguage([], 'sv-SE')).toBe('en-us');
  });
});
