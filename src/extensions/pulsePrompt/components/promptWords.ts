/**
 * The prompt line's words in en/nl/sv: the few the line and its survey frame show, apart from
 * the survey's own (`ui/pulse/pulseWords.ts`, the same wording; a test keeps them equal), so a
 * page that only shows the line carries only these.
 */
import { type PluralForms, wordsFor } from '../../../ui/format';

export interface PromptWords {
  /** {0}: whole minutes; {1}: the question count in words. */
  readonly promptText: string;
  readonly questionCount: PluralForms;
  readonly promptAnswer: string;
  readonly promptLater: string;
  readonly close: string;
  readonly loading: string;
  /** The survey's screens could not be loaded (no connection). */
  readonly network: string;
  readonly tryAgain: string;
}

const en: PromptWords = {
  promptText: 'You are on shift: a pulse survey is open for you ({1}, about {0} min).',
  questionCount: { one: '{0} question', other: '{0} questions' },
  promptAnswer: 'Answer now',
  promptLater: 'Not now',
  close: 'Close',
  loading: 'Loading the survey…',
  network: 'The survey could not be reached. Check the connection.',
  tryAgain: 'Try again'
};

const nl: PromptWords = {
  promptText: 'Je bent aan het werk: er staat een pulsmeting voor je open ({1}, ongeveer {0} min).',
  questionCount: { one: '{0} vraag', other: '{0} vragen' },
  promptAnswer: 'Nu beantwoorden',
  promptLater: 'Niet nu',
  close: 'Sluiten',
  loading: 'De enquête wordt geladen…',
  network: 'De enquête is niet bereikbaar. Controleer de verbinding.',
  tryAgain: 'Opnieuw proberen'
};

const sv: PromptWords = {
  promptText: 'Du är i tjänst: en pulsenkät är öppen för dig ({1}, cirka {0} min).',
  questionCount: { one: '{0} fråga', other: '{0} frågor' },
  promptAnswer: 'Svara nu',
  promptLater: 'Inte nu',
  close: 'Stäng',
  loading: 'Enkäten laddas…',
  network: 'Enkäten gick inte att nå. Kontrollera anslutningen.',
  tryAgain: 'Försök igen'
};

const WORDS: { readonly en: PromptWords; readonly [language: string]: PromptWords } = { en, nl, sv };

/** The words for a page language (`nl-nl`, `sv-se`…); English for any other. */
export function promptWords(language: string): PromptWords {
  return wordsFor(WORDS, language);
}
