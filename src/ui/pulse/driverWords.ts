/**
 * The pulse drivers' names in English, Dutch and Swedish, one home for every part that names them
 * (the Pulse results part, action plans): the same words wherever a driver is shown.
 */
import type { PulseDriver } from '../../core/models/pulse';
import { wordsFor } from '../format';

export type DriverWords = { readonly [driver in PulseDriver]: string };

const en: DriverWords = {
  belonging: 'Belonging and team spirit',
  'security-meaning': 'Security and meaning',
  leadership: 'Leaders who listen and care about safety',
  development: 'Development in small steps',
  'schedule-influence': 'Influence over schedule and shifts',
  fairness: 'Fairness',
  'work-influence': 'Influence over how work is done',
  recognition: 'Recognition',
  enps: 'eNPS',
  engagement: 'Engagement'
};

const nl: DriverWords = {
  belonging: 'Erbij horen en teamgeest',
  'security-meaning': 'Zekerheid en zingeving',
  leadership: 'Leiders die luisteren en om veiligheid geven',
  development: 'Ontwikkeling in kleine stappen',
  'schedule-influence': 'Invloed op rooster en diensten',
  fairness: 'Eerlijkheid',
  'work-influence': 'Invloed op hoe het werk gaat',
  recognition: 'Waardering',
  enps: 'eNPS',
  engagement: 'Betrokkenheid'
};

const sv: DriverWords = {
  belonging: 'Tillhörighet och laganda',
  'security-meaning': 'Trygghet och mening',
  leadership: 'Ledare som lyssnar och bryr sig om säkerheten',
  development: 'Utveckling i små steg',
  'schedule-influence': 'Inflytande över schema och skift',
  fairness: 'Rättvisa',
  'work-influence': 'Inflytande över hur arbetet görs',
  recognition: 'Uppskattning',
  enps: 'eNPS',
  engagement: 'Engagemang'
};

const WORDS: { readonly en: DriverWords; readonly [language: string]: DriverWords } = { en, nl, sv };

/** The drivers' names for a language tag (`nl-nl`, `sv`…); English for any other. */
export function driverWords(language: string): DriverWords {
  return wordsFor(WORDS, language);
}
