/**
 * Text as SharePoint stores it. Framework-free.
 *
 * - SharePoint's `MaxLength` of a text column counts UTF-16 code units, which is what
 *   JavaScript's `string.length` counts: an emoji outside the Basic Multilingual Plane
 *   (👍, 👷) is two, a skin tone or a joined emoji (👍🏽, 👷‍♀️) more.
 * - Nothing here ever cuts a surrogate pair in half.
 * - Control characters (C0, DEL, C1) are not text a person means to store; XML 1.0 forbids
 *   most of them, and SharePoint answers its lists in XML as well as JSON.
 */

/** Length as SharePoint's MaxLength counts it: UTF-16 code units. */
export function utf16Length(text: string): number {
  return text.length;
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * At most `max` UTF-16 code units of `text`, never ending on the first half of a surrogate
 * pair (nor on a zero-width joiner left without the emoji it joined).
 */
export function truncateUtf16(text: string, max: number): string {
  if (text.length <= max) {
    return text;
  }
  let end = Math.max(0, max);
  if (end > 0 && isHigh(text.charCodeAt(end - 1)) && isLow(text.charCodeAt(end))) {
    end -= 1;
  }
  let cut = text.slice(0, end);
  while (cut.endsWith('\u200D')) {
    cut = cut.slice(0, -1);
  }
  return cut;
}

/**
 * `text` with every lone surrogate (half of a pair without its other half) replaced by
 * `replacement`. Lone surrogates cannot be encoded as UTF-8: `encodeURIComponent` throws
 * "URI malformed" on them, and a server receives U+FFFD or refuses the request.
 */
export function replaceLoneSurrogates(text: string, replacement = ''): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (isHigh(code) && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) {
      out += text.slice(i, i + 2);
      i += 1;
    } else if (isHigh(code) || isLow(code)) {
      out += replacement;
      changed = true;
    } else {
      out += text[i];
    }
  }
  return changed ? out : text;
}

/** Control characters that break a line: vertical tab (Word's manual line break), form feed, next line. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const LINE_BREAKING_CONTROLS = /[\u000B\u000C\u0085]/g;
/** Unicode's line and paragraph separators (not control characters, but line breaks). */
const LINE_SEPARATORS = /[\u2028\u2029]/g;
/** C0 except tab, line feed and carriage return; DEL; C1 (the line-breaking ones are handled first). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const OTHER_CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;

export interface CleanedText {
  readonly text: string;
  /** How many control characters were removed (line breaks turned into spaces or newlines are not counted). */
  readonly removed: number;
}

/**
 * Removes control characters from what a person typed or pasted, keeping everything else.
 * Line-breaking controls and separators become a newline in multi-line text and a space in a
 * single line; a tab stays in multi-line text and becomes a space in a single line; carriage
 * returns are left to line-ending normalisation (multi-line) or become spaces (single line).
 */
export function removeControlCharacters(text: string, multiline: boolean): CleanedText {
  const lineBreak = multiline ? '\n' : ' ';
  let removed = 0;
  let cleaned = text.replace(LINE_BREAKING_CONTROLS, lineBreak).replace(LINE_SEPARATORS, lineBreak);
  if (!multiline) {
    cleaned = cleaned.replace(/[\t\r\n]/g, ' ');
  }
  cleaned = cleaned.replace(OTHER_CONTROLS, () => {
    removed += 1;
    return '';
  });
  return { text: cleaned, removed };
}

/**
 * The first UTF-16 code unit of `text` that XML 1.0 does not allow (most C0 controls, U+FFFE,
 * U+FFFF, a lone surrogate), or undefined when there is none.
 */
export function firstXmlInvalidCharacter(text: string): number | undefined {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) {
      return code;
    }
    if (code === 0xfffe || code === 0xffff) {
      return code;
    }
    if (isHigh(code) && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) {
      i += 1;
    } else if (isHigh(code) || isLow(code)) {
      return code;
    }
  }
  return undefined;
}

/** True when `text` holds a character XML 1.0 does not allow (see `firstXmlInvalidCharacter`). */
export function hasXmlInvalidCharacter(text: string): boolean {
  return firstXmlInvalidCharacter(text) !== undefined;
}
