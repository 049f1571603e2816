import { firstXmlInvalidCharacter, hasXmlInvalidCharacter, removeControlCharacters, replaceLoneSurrogates, truncateUtf16, utf16Length } from './unicode';

describe('text as SharePoint stores it', () => {
  it('counts UTF-16 code units, as SharePoint MaxLength does', () => {
    expect(utf16Length('abc')).toBe(3);
    expect(utf16Length('👍')).toBe(2);
    expect(utf16Length('👍🏽')).toBe(4);
    expect(utf16Length('Å')).toBe(1);
  });

  it('never cuts a surrogate pair in half', () => {
    expect(truncateUtf16('ab👍', 3)).toBe('ab');
    expect(truncateUtf16('ab👍', 4)).toBe('ab👍');
    expect(truncateUtf16('👍👍', 3)).toBe('👍');
    expect(truncateUtf16('👷\u200D♀️', 3)).toBe('👷');
    expect(truncateUtf16('short', 80)).toBe('short');
  });

  it('replaces or strips lone surrogates and keeps pairs', () => {
    expect(replaceLoneSurrogates('a\uD83Db')).toBe('ab');
    expect(replaceLoneSurrogates('a\uDC4Db', '\uFFFD')).toBe('a\uFFFDb');
    expect(replaceLoneSurrogates('\uD83D')).toBe('');
    expect(replaceLoneSurrogates('👍\uD83D')).toBe('👍');
    expect(replaceLoneSurrogates('\uDC4D\uD83D')).toBe('');
    expect(replaceLoneSurrogates('Seán 👍')).toBe('Seán 👍');
    expect(() => encodeURIComponent(replaceLoneSurrogates('x\uD83D'))).not.toThrow();
  });

  it('removes control characters, keeping line breaks in multi-line text', () => {
    expect(removeControlCharacters('a\u0000b\u0007c\u007Fd\u009Be', true)).toEqual({ text: 'abcde', removed: 4 });
    expect(removeControlCharacters('line\u000Bnext\u000Cpage\u0085nel\u2028ls\ttab\nlf', true)).toEqual({
      text: 'line\nnext\npage\nnel\nls\ttab\nlf',
      removed: 0
    });
    expect(removeControlCharacters('one\ttwo\nthree\u000Bfour\r\nfive\u0001', false)).toEqual({ text: 'one two three four  five', removed: 1 });
    expect(removeControlCharacters('Leyla Ünal 👍 <b>', false)).toEqual({ text: 'Leyla Ünal 👍 <b>', removed: 0 });
  });

  it('knows the characters XML 1.0 does not allow', () => {
    expect(hasXmlInvalidCharacter('a\u0000b')).toBe(true);
    expect(hasXmlInvalidCharacter('a\u000Bb')).toBe(true);
    expect(hasXmlInvalidCharacter('a\uFFFE')).toBe(true);
    expect(hasXmlInvalidCharacter('a\uD83D')).toBe(true);
    expect(hasXmlInvalidCharacter('tab\tline\ncr\r 👍 \u0085')).toBe(false);
    expect(firstXmlInvalidCharacter('ok 👍 then\u0000')).toBe(0);
    expect(firstXmlInvalidCharacter('\uDC4D')).toBe(0xdc4d);
    expect(firstXmlInvalidCharacter('fine')).toBeUndefined();
  });
});
