/**
 * Answering a pulse round on the page: what the relay offers (`GET /api/pulse/open`), the
 * person's answer sheet while they go through it one question per screen, and the submission it
 * becomes (`POST /api/pulse/answers`, checked again by `submission.ts` in the relay).
 * Framework-free: the web part, the Pulse card and the on-shift prompt share it.
 *
 * - Every question may be skipped; a sheet with nothing answered cannot be sent (the relay would
 *   refuse it as `nothingAnswered`), so the last screen says so instead of sending.
 * - A comment is kept verbatim and measured as SharePoint measures text (UTF-16 code units).
 * - The language is the person's choice among the round's languages; a question without words
 *   in it falls back to English, then to its first words.
 */
import type { QuestionKind } from '../models/pulse';
import { PULSE_TEXT_MAX } from './submission';

/** A question of an open round, as the relay sends it. */
export interface PulseOpenQuestion {
  readonly key: string;
  readonly kind: QuestionKind;
  readonly driver: string;
  /** Words per language of the survey. */
  readonly texts: { readonly [language: string]: string };
}

/** "Who can see this", as the relay states it for the round. */
export interface PulseRoundPrivacy {
  readonly anonymous: boolean;
  readonly groupAttributes: readonly string[];
  readonly minGroupSize: number;
  readonly minCommentGroupSize: number;
  readonly commentsReadBy: readonly string[];
  /** Results are published from this instant (the round's close). */
  readonly resultsFrom: string;
}

/** An open round the relay offers the signed-in person. */
export interface PulseOpenRound {
  readonly roundId: number;
  readonly surveyId: number;
  readonly title: string;
  readonly opensAt: string;
  readonly closesAt: string;
  readonly languages: readonly string[];
  /** The language to start in (the person's own when the survey has it). */
  readonly language: string;
  readonly questions: readonly PulseOpenQuestion[];
  readonly privacy: PulseRoundPrivacy;
  readonly answered: boolean;
}

/** The person's answers so far; a question absent is not answered (yet). */
export interface AnswerSheet {
  readonly roundId: number;
  readonly language: string;
  /** 0 … questions.length − 1: the question on screen; questions.length: the summary screen. */
  readonly index: number;
  readonly scores: { readonly [questionKey: string]: number };
  readonly comments: { readonly [questionKey: string]: string };
}

export const LIKERT_SCALE: readonly number[] = [1, 2, 3, 4, 5];
export const ENPS_SCALE: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** The answers a question of this kind takes (none for a text question). */
export function scaleOf(kind: QuestionKind): readonly number[] {
  return kind === 'likert5' ? LIKERT_SCALE : kind === 'enps11' ? ENPS_SCALE : [];
}

export function newSheet(round: PulseOpenRound, language?: string): AnswerSheet {
  return { roundId: round.roundId, language: pickLanguage(round, language), index: 0, scores: {}, comments: {} };
}

/** `wanted` when the round offers it (any case), else the round's own start language. */
export function pickLanguage(round: Pick<PulseOpenRound, 'languages' | 'language'>, wanted?: string): string {
  const lower = (wanted ?? '').toLowerCase();
  return round.languages.find((l) => l.toLowerCase() === lower) ?? round.language ?? round.languages[0] ?? 'en-us';
}

/** The question's words in `language`, else in English, else its first words. */
export function questionText(question: PulseOpenQuestion, language: string): string {
  const lower = language.toLowerCase();
  const key = Object.keys(question.texts).find((k) => k.toLowerCase() === lower);
  const english = Object.keys(question.texts).find((k) => k.toLowerCase().split('-')[0] === 'en');
  const first = Object.keys(question.texts)[0];
  const chosen = key ?? english ?? first;
  return chosen === undefined ? question.key : question.texts[chosen];
}

function without(record: { readonly [key: string]: unknown }, key: string): { [key: string]: never } {
  const out: { [key: string]: unknown } = {};
  Object.keys(record).forEach((k) => {
    if (k !== key) {
      out[k] = record[k];
    }
  });
  return out as { [key: string]: never };
}

/** The sheet with `score` for `questionKey` (a value outside the question's scale is ignored). */
export function withScore(sheet: AnswerSheet, question: PulseOpenQuestion, score: number): AnswerSheet {
  if (scaleOf(question.kind).indexOf(score) < 0) {
    return sheet;
  }
  return { ...sheet, scores: { ...sheet.scores, [question.key]: score } };
}

/** The sheet with the comment for a text question (blank removes it); longer text is kept for the person to shorten. */
export function withComment(sheet: AnswerSheet, question: PulseOpenQuestion, text: string): AnswerSheet {
  if (question.kind !== 'text') {
    return sheet;
  }
  const comments = text.trim() === '' ? without(sheet.comments, question.key) : { ...sheet.comments, [question.key]: text };
  return { ...sheet, comments };
}

/** The sheet without an answer to `questionKey` (the person takes it back). */
export function cleared(sheet: AnswerSheet, questionKey: string): AnswerSheet {
  return { ...sheet, scores: without(sheet.scores, questionKey), comments: without(sheet.comments, questionKey) };
}

export function goTo(sheet: AnswerSheet, round: PulseOpenRound, index: number): AnswerSheet {
  return { ...sheet, index: Math.max(0, Math.min(round.questions.length, Math.floor(index))) };
}

export function isAnswered(sheet: AnswerSheet, questionKey: string): boolean {
  return Object.prototype.hasOwnProperty.call(sheet.scores, questionKey) || Object.prototype.hasOwnProperty.call(sheet.comments, questionKey);
}

export function answeredCount(sheet: AnswerSheet, round: PulseOpenRound): number {
  return round.questions.filter((q) => isAnswered(sheet, q.key)).length;
}

/** What stops the sheet from being sent, if anything. */
export type SheetProblem = { readonly code: 'nothingAnswered' } | { readonly code: 'commentTooLong'; readonly questionKey: string; readonly max: number };

export function sheetProblem(sheet: AnswerSheet, round: PulseOpenRound): SheetProblem | undefined {
  const long = round.questions.find((q) => q.kind === 'text' && (sheet.comments[q.key] ?? '').length > PULSE_TEXT_MAX);
  if (long) {
    return { code: 'commentTooLong', questionKey: long.key, max: PULSE_TEXT_MAX };
  }
  return answeredCount(sheet, round) === 0 ? { code: 'nothingAnswered' } : undefined;
}

/** The body of `POST /api/pulse/answers` (only the round's own questions, in their kinds). */
export interface PulseSubmissionBody {
  readonly roundId: number;
  readonly submissionKey: string;
  readonly answers: { readonly [questionKey: string]: number };
  readonly comments: { readonly [questionKey: string]: string };
}

export function toSubmission(sheet: AnswerSheet, round: PulseOpenRound, submissionKey: string): PulseSubmissionBody {
  const answers: { [key: string]: number } = {};
  const comments: { [key: string]: string } = {};
  round.questions.forEach((q) => {
    if (q.kind === 'text') {
      const text = sheet.comments[q.key];
      if (text !== undefined && text.trim() !== '') {
        comments[q.key] = text;
      }
    } else if (Object.prototype.hasOwnProperty.call(sheet.scores, q.key)) {
      answers[q.key] = sheet.scores[q.key];
    }
  });
  return { roundId: round.roundId, submissionKey, answers, comments };
}

/** Seconds a shop-floor answer takes: a tap on a scale, or a short comment typed with gloves off. */
const SECONDS_PER_SCALE = 10;
const SECONDS_PER_TEXT = 40;

/** "2 min": whole minutes the round takes to answer, at least 1. */
export function minutesToAnswer(round: Pick<PulseOpenRound, 'questions'>): number {
  const seconds = round.questions.reduce((sum, q) => sum + (q.kind === 'text' ? SECONDS_PER_TEXT : SECONDS_PER_SCALE), 0);
  return Math.max(1, Math.ceil(seconds / 60));
}

/** The rounds still to answer, the one that closes first first. */
export function roundsToAnswer(rounds: readonly PulseOpenRound[]): PulseOpenRound[] {
  return rounds.filter((r) => !r.answered && r.questions.length > 0).sort((a, b) => Date.parse(a.closesAt) - Date.parse(b.closesAt) || a.roundId - b.roundId);
}
