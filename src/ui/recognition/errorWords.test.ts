/**
 * Every failure a person reads is a full sentence, in every language: the store words end with a
 * full stop and follow a colon ("Not sent: the connection was lost; …") or stand alone with a
 * capital (`storeErrorSentence`); "X could not be loaded." is followed by a sentence, not a fragment.
 */
import * as path from 'path';

import { loadAmdStrings, LOCALES } from '../../../test/support/sources';
import { RECOGNITION_STORE_ERROR_CODES } from '../../core/recognition/ports';
import { storeErrorSentence, storeErrorText } from './storeErrorText';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function strings(folder: string, locale: string): Record<string, string> {
  return loadAmdStrings(path.join(ROOT, folder, 'loc', `${locale}.js`)) as Record<string, string>;
}

/** Store words and the parts' own overrides of them: each ends a sentence. */
const WORDS: ReadonlyArray<[string, (key: string) => boolean]> = [
  ['src/ui/recognition', (key) => key.startsWith('Store')],
  ['src/webparts/engageSetup', (key) => key === 'ErrorAccessDenied'],
  ['src/webparts/recognitionAdmin', (key) => key === 'NeedHrRights']
];

/** Templates whose placeholder takes store words: the placeholder follows a colon. */
const AFTER_A_COLON: ReadonlyArray<[string, string, string]> = [
  ['src/ui/recognition', 'QueuedBecause', '{0}'],
  ['src/webparts/recognitionWall', 'SendRejected', '{0}'],
  ['src/webparts/recognitionWall', 'ReportFailed', '{0}'],
  ['src/webparts/recognitionWall', 'ReactionFailed', '{0}'],
  ['src/webparts/recognitionWall', 'PrivacyFailed', '{0}'],
  ['src/webparts/recognitionWall', 'QueuedRejected', '{1}'],
  ['src/webparts/engageSetup', 'ApplyFailed', '{1}'],
  ['src/webparts/engageSetup', 'ApplyFailedOne', '{1}']
];

/** Sentences a `storeErrorSentence` follows ("The lists could not be checked. SharePoint is busy…"). */
const BEFORE_A_SENTENCE: ReadonlyArray<[string, string]> = [
  ['src/webparts/engageSetup', 'LoadFailed'],
  ['src/webparts/recognitionWall', 'LoadFailed'],
  ['src/webparts/recognitionAdmin', 'LoadFailed'],
  ['src/webparts/crewRecognition', 'LoadFailed']
];

describe.each(LOCALES.map((locale) => [locale]))('%s: failures read as full sentences', (locale) => {
  it('store words and their overrides end with a full stop', () => {
    for (const [folder, isWords] of WORDS) {
      const all = strings(folder, locale);
      const words = Object.keys(all).filter(isWords);
      expect(words.length).toBeGreaterThan(0);
      for (const key of words) {
        expect([folder, key, /[.!?]$/.test(all[key].trim())]).toEqual([folder, key, true]);
      }
    }
  });

  it('a template that takes store words has them after a colon', () => {
    for (const [folder, key, placeholder] of AFTER_A_COLON) {
      expect([folder, key, strings(folder, locale)[key].includes(`: ${placeholder}`)]).toEqual([folder, key, true]);
    }
  });

  it('a sentence a failure follows ends with a full stop', () => {
    for (const [folder, key] of BEFORE_A_SENTENCE) {
      expect([folder, key, /\.$/.test(strings(folder, locale)[key])]).toEqual([folder, key, true]);
    }
  });
});

describe('storeErrorSentence', () => {
  it.each(RECOGNITION_STORE_ERROR_CODES.map((code) => [code]))('%s starts with a capital and ends with a full stop', (code) => {
    const sentence = storeErrorSentence(code);
    expect(sentence.charAt(0)).toBe(sentence.charAt(0).toUpperCase());
    expect(sentence).toMatch(/\.$/);
    expect(sentence.toLowerCase()).toBe(storeErrorText(code).toLowerCase());
  });
});
