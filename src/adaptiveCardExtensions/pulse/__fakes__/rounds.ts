/** A round as the relay offers it, for the Pulse card's view tests. */
import type { PulseOpenRound } from '../../../core/pulse/answering';

const TEXTS = (en: string, nl: string, sv: string): { [language: string]: string } => ({ 'en-us': en, 'nl-nl': nl, 'sv-se': sv });

/** Three statements, eNPS and a comment: 4 × 10 s + 40 s = 80 s, "2 min". */
export const WELD_HALL_ROUND: PulseOpenRound = {
  roundId: 7,
  surveyId: 2,
  title: 'Weld hall pulse',
  opensAt: '2026-12-01T05:00:00Z',
  closesAt: '2026-12-15T16:00:00Z',
  languages: ['en-us', 'nl-nl', 'sv-se'],
  language: 'en-us',
  questions: [
    { key: 'belong', kind: 'likert5', driver: 'belonging', texts: TEXTS('I belong in my crew.', 'Ik hoor bij mijn ploeg.', 'Jag hör hemma i mitt skiftlag.') },
    { key: 'safe', kind: 'likert5', driver: 'safety', texts: TEXTS('My leader cares about safety.', 'Mijn leider geeft om veiligheid.', 'Min chef bryr sig om säkerheten.') },
    { key: 'enps', kind: 'enps11', driver: 'enps', texts: TEXTS('Would you recommend us?', 'Zou je ons aanraden?', 'Skulle du rekommendera oss?') },
    { key: 'say', kind: 'likert5', driver: 'influence', texts: TEXTS('I have a say in my shifts.', 'Ik heb inspraak in mijn diensten.', 'Jag kan påverka mina skift.') },
    { key: 'idea', kind: 'text', driver: 'comment', texts: TEXTS('What would make work better?', 'Wat zou het werk beter maken?', 'Vad skulle göra jobbet bättre?') }
  ],
  privacy: { anonymous: true, groupAttributes: ['site', 'crew'], minGroupSize: 6, minCommentGroupSize: 12, commentsReadBy: ['hr'], resultsFrom: '2026-12-15T16:00:00Z' },
  answered: false
};
