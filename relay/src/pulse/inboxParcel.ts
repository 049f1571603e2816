/**
 * The round's inbox: where the relay puts an answer at the answer's request, so that the request
 * writes one SE_Responses item whatever the answer holds (docs/pulse-threat-model.md "Times").
 * The timer moves what the inbox holds into the ballot boxes in batches (`timerDrain.ts`).
 * Framework-free rules of the inbox's plain text; the SharePoint side is `inbox.ts`.
 *
 * - A **parcel** is one submission: the scores, the group, the day, the answer's token and each
 *   comment with its own token (and the author's tag when there are comments). The timer turns it
 *   into the ballot entries of `src/core/pulse/ballot.ts`, each into the slot of its own token.
 * - Every parcel of a round takes the same room: its JSON padded with spaces to the round's
 *   **bucket** ({@link parcelBucket}), the size of the largest submission the round allows (every
 *   score question, every text question with the longest comment). A comment's text is kept as
 *   base64 of its UTF-16 code units, so the longest comment takes the same room whatever its
 *   characters (in JSON a control character takes six bytes, a letter one).
 * - An inbox is a line naming the format, then one parcel a line. Its item (`roundId:inbox:lane:n`)
 *   holds as many parcels as fit {@link INBOX_PLAINTEXT_LIMIT}; a parcel's lane is its token's
 *   slot, so a resend is looked for in one lane.
 */
import {
  type BallotEntry,
  BOX_PLAINTEXT_LIMIT,
  BOX_SLOTS,
  type EntryGroups,
  utf8Length
} from '../../../src/core/pulse/ballot';
import { PULSE_TEXT_MAX } from '../../../src/core/pulse/submission';

/** The first line of an inbox's plain text. */
export const INBOX_HEADER = 'pulse-inbox/1';

/** The most plain text an inbox item holds (as a box: its envelope stays under SharePoint's 63,999 characters). */
export const INBOX_PLAINTEXT_LIMIT = BOX_PLAINTEXT_LIMIT;

/** Buckets are whole multiples of this many bytes. */
export const BUCKET_STEP_BYTES = 1024;

/**
 * Room kept for the group attributes in a bucket, in bytes of JSON. The demo plant's take about
 * 200; a plant map with longer codes makes a parcel take two buckets (logged by the relay).
 */
export const GROUPS_ALLOWANCE_BYTES = 768;

/** One comment of a parcel. */
export interface ParcelComment {
  readonly questionKey: string;
  readonly token: string;
  readonly text: string;
}

/** One submission, as the inbox keeps it until the timer moves it into the boxes. */
export interface Parcel {
  /** The token of the scores' entry: the parcel's token. */
  readonly token: string;
  readonly day: string;
  readonly groups: EntryGroups;
  readonly answers: { readonly [questionKey: string]: number };
  readonly comments: readonly ParcelComment[];
  /** The author's tag, when there are comments. */
  readonly author?: string;
}

/** The questions of a round as the bucket needs them. */
export interface BucketQuestion {
  readonly key: string;
  readonly kind: string;
}

/** The lane (`0…BOX_SLOTS-1`) of a parcel: its token's slot. */
export { slotOf as laneOf } from '../../../src/core/pulse/ballot';

/** The SE_Responses `BoxKey` of a lane: every inbox item of the lane is found by it. */
export function inboxKey(roundId: number, lane: number): string {
  return `${roundId}:inbox:${lane}`;
}

/** The SE_Responses Title of an inbox item: its place, bound into its encryption. */
export function inboxTitle(roundId: number, lane: number, generation: number): string {
  return `${inboxKey(roundId, lane)}:${generation}`;
}

/** The generation of an inbox item of the lane from its title; undefined for another title. */
export function inboxGenerationOf(title: string, roundId: number, lane: number): number | undefined {
  const prefix = `${inboxKey(roundId, lane)}:`;
  const rest = title.indexOf(prefix) === 0 ? title.slice(prefix.length) : '';
  return /^\d{1,6}$/.test(rest) ? Number(rest) : undefined;
}

/** Whether a title is an inbox item's of the round (any lane). */
export function isInboxTitle(title: string, roundId: number): boolean {
  for (let lane = 0; lane < BOX_SLOTS; lane += 1) {
    if (inboxGenerationOf(title, roundId, lane) !== undefined) {
      return true;
    }
  }
  return false;
}

const encodeText = (text: string): string => Buffer.from(text, 'utf16le').toString('base64');
const decodeText = (base64: string): string => Buffer.from(base64, 'base64').toString('utf16le');

/** The JSON of a parcel, comments' texts in base64 of UTF-16. */
function parcelJson(parcel: Parcel): string {
  return JSON.stringify({
    token: parcel.token,
    day: parcel.day,
    groups: parcel.groups,
    answers: parcel.answers,
    comments: parcel.comments.map((c) => ({ questionKey: c.questionKey, token: c.token, text: encodeText(c.text) })),
    ...(parcel.author === undefined ? {} : { author: parcel.author })
  });
}

/** The longest token: a 32-character key id, a colon and 64 hex digits. */
const LONGEST_TOKEN = `${'k'.repeat(32)}:${'f'.repeat(64)}`;

/**
 * The bucket of a round, in bytes: the JSON of the largest parcel its questions allow (every
 * score question with a two-digit score, every text question with a comment of
 * {@link PULSE_TEXT_MAX} code units, the longest tokens, groups of {@link GROUPS_ALLOWANCE_BYTES}),
 * rounded up to {@link BUCKET_STEP_BYTES}. It depends on the round alone, never on an answer.
 */
export function parcelBucket(questions: readonly BucketQuestion[]): number {
  const answers: { [key: string]: number } = {};
  const comments: ParcelComment[] = [];
  for (const question of questions) {
    if (question.kind === 'text') {
      comments.push({ questionKey: question.key, token: LONGEST_TOKEN, text: 'x'.repeat(PULSE_TEXT_MAX) });
    } else {
      answers[question.key] = 10;
    }
  }
  const empty: EntryGroups = { site: '', line: '', crew: '', employmentType: 'employee', tenureBand: 'unknown', groupKey: '' };
  const filler = 'g'.repeat(Math.max(0, GROUPS_ALLOWANCE_BYTES - JSON.stringify(empty).length));
  const largest = parcelJson({
    token: LONGEST_TOKEN,
    day: '2000-01-01',
    groups: { ...empty, site: filler },
    answers,
    comments,
    author: LONGEST_TOKEN
  });
  return Math.ceil(utf8Length(largest) / BUCKET_STEP_BYTES) * BUCKET_STEP_BYTES;
}

/**
 * The parcel as its inbox line: its JSON padded with spaces to the bucket, or to a whole number
 * of buckets when its group attributes are longer than the bucket allows (`oversized`).
 */
export function parcelLine(parcel: Parcel, bucket: number): { readonly line: string; readonly oversized: boolean } {
  const json = parcelJson(parcel);
  const bytes = utf8Length(json);
  const size = Math.max(1, Math.ceil(bytes / bucket)) * bucket;
  return { line: json + ' '.repeat(size - bytes), oversized: size > bucket };
}

function isRecord(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A parcel from its line; throws on anything that is not one. */
export function parseParcelLine(line: string): Parcel {
  const value: unknown = JSON.parse(line);
  if (!isRecord(value) || typeof value.token !== 'string' || typeof value.day !== 'string' || !isRecord(value.groups) || !isRecord(value.answers) || !Array.isArray(value.comments)) {
    throw new Error('Not an inbox parcel.');
  }
  const comments = value.comments.map((c: unknown): ParcelComment => {
    if (!isRecord(c) || typeof c.questionKey !== 'string' || typeof c.token !== 'string' || typeof c.text !== 'string') {
      throw new Error('Not an inbox parcel.');
    }
    return { questionKey: c.questionKey, token: c.token, text: decodeText(c.text) };
  });
  if (comments.length > 0 && typeof value.author !== 'string') {
    throw new Error('Not an inbox parcel.');
  }
  return {
    token: value.token,
    day: value.day,
    groups: value.groups as unknown as EntryGroups,
    answers: value.answers as { readonly [questionKey: string]: number },
    comments,
    ...(typeof value.author === 'string' ? { author: value.author } : {})
  };
}

/** The ballot entries of a parcel: the scores' entry, and one per comment (apart from the scores, as `ballot.ts` keeps them). */
export function entriesOfParcel(parcel: Parcel): BallotEntry[] {
  return [
    { kind: 'answers', token: parcel.token, day: parcel.day, groups: parcel.groups, answers: parcel.answers },
    ...parcel.comments.map(
      (c): BallotEntry => ({ kind: 'comment', token: c.token, groups: parcel.groups, questionKey: c.questionKey, text: c.text, author: parcel.author as string })
    )
  ];
}

/** An inbox's plain text from its parcels' lines. */
export function serialiseInbox(lines: readonly string[]): string {
  return [INBOX_HEADER].concat(lines).join('\n');
}

/** An inbox's parcels' lines from its plain text; throws on anything that is not an inbox. */
export function parseInbox(text: string): string[] {
  const [header, ...lines] = text.split('\n');
  if (header !== INBOX_HEADER) {
    throw new Error('Not a pulse inbox.');
  }
  // Each line is checked here: an inbox that does not parse is never written over.
  lines.forEach(parseParcelLine);
  return lines;
}

/** Whether an inbox holding these lines has room for one more. */
export function inboxHasRoom(lines: readonly string[], line: string): boolean {
  return lines.length === 0 || utf8Length(serialiseInbox(lines.concat([line]))) <= INBOX_PLAINTEXT_LIMIT;
}
