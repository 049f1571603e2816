/**
 * What the relay accepts when a person gives recognition (`POST /api/recognitions`): the items
 * the page composed (`composeRecognition`), checked again field by field, because the relay
 * writes with an identity members do not have and must not take a page's word for anything it
 * can check. Framework-free, shared by the relay and its tests.
 *
 * - The giver is never in the request: the relay takes it from the caller's token.
 * - Status is always `published` on arrival; a person cannot send a post in another state.
 * - Kinds `leader`, `milestone` and `anniversary` are claims about the giver (an anniversary
 *   post does not even name its giver on the wall): the relay keeps them only when the giver is
 *   the recipient's manager in the directory, and stores `peer` otherwise (`storedKind`).
 * - Text is normalised again as composing normalises it, and measured as SharePoint measures
 *   it (UTF-16 code units); Title is made again from the message.
 * - One request is one submission: every item's ClientRequestId is `requestId:recipientId` with
 *   the same requestId, one item per recipient, a shared BatchId when there are several.
 */
import { RECOGNITION_KINDS, RECOGNITION_VISIBILITIES, type RecognitionKind, type RecognitionVisibility } from '../models/recognition';
import { utf16Length } from '../text/unicode';
import {
  hasVisibleText,
  MAX_IMPACT_LENGTH,
  MAX_MESSAGE_LENGTH,
  MAX_RECIPIENTS,
  type NewRecognitionItem,
  normaliseLine,
  normaliseText,
  RECOGNITION_TEXT_LIMITS,
  titleOf
} from './compose';

/** Kinds only the recipient's manager gives. */
export const LEADER_KINDS: readonly RecognitionKind[] = ['leader', 'milestone', 'anniversary'];

/**
 * The kind stored for an item: a leader's kind only when the giver is the recipient's manager
 * (both user principal names, compared without case); `peer` for anyone else who claims it.
 */
export function storedKind(kind: RecognitionKind, giverUpn: string, recipientManagerUpn: string | undefined): RecognitionKind {
  if (!LEADER_KINDS.includes(kind)) {
    return kind;
  }
  return recipientManagerUpn !== undefined && recipientManagerUpn.toLowerCase() === giverUpn.toLowerCase() ? kind : 'peer';
}

/** The rule a request broke (the relay's 400 names it as `field`). */
export type GiveRequestError =
  | 'items'
  | 'tooManyRecipients'
  | 'recipient'
  | 'duplicateRecipient'
  | 'kind'
  | 'valueKey'
  | 'messageEmpty'
  | 'messageTooLong'
  | 'impactTooLong'
  | 'siteCode'
  | 'code'
  | 'visibility'
  | 'crewKey'
  | 'status'
  | 'clientRequestId'
  | 'batchId';

export type GiveRequest =
  | { readonly ok: true; readonly requestId: string; readonly items: readonly NewRecognitionItem[] }
  | { readonly ok: false; readonly error: GiveRequestError };

type Fields = Readonly<Record<string, unknown>>;

const isRecord = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An optional text column: absent, or a string within its column's limit. */
function optionalCode(fields: Fields, column: keyof typeof RECOGNITION_TEXT_LIMITS): string | undefined | false {
  const value = fields[column];
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  return typeof value === 'string' && utf16Length(value) <= RECOGNITION_TEXT_LIMITS[column] ? value : false;
}

function parseItem(fields: Fields): { readonly item: NewRecognitionItem; readonly requestId: string } | GiveRequestError {
  const recipientId = fields.RecipientId;
  if (typeof recipientId !== 'number' || !Number.isSafeInteger(recipientId) || recipientId <= 0) {
    return 'recipient';
  }
  const kind = fields.Kind;
  if (typeof kind !== 'string' || !(RECOGNITION_KINDS as readonly string[]).includes(kind)) {
    return 'kind';
  }
  const valueKey = fields.ValueKey;
  if (typeof valueKey !== 'string' || valueKey.trim() === '' || utf16Length(valueKey) > RECOGNITION_TEXT_LIMITS.ValueKey) {
    return 'valueKey';
  }
  const message = typeof fields.Message === 'string' ? normaliseText(fields.Message) : '';
  if (!hasVisibleText(message)) {
    return 'messageEmpty';
  }
  if (utf16Length(message) > MAX_MESSAGE_LENGTH) {
    return 'messageTooLong';
  }
  if (fields.Impact !== undefined && fields.Impact !== null && typeof fields.Impact !== 'string') {
    return 'impactTooLong';
  }
  const impact = typeof fields.Impact === 'string' ? normaliseLine(fields.Impact) : '';
  if (utf16Length(impact) > MAX_IMPACT_LENGTH) {
    return 'impactTooLong';
  }
  const siteCode = fields.SiteCode;
  if (typeof siteCode !== 'string' || siteCode.trim() === '' || utf16Length(siteCode) > RECOGNITION_TEXT_LIMITS.SiteCode) {
    return 'siteCode';
  }
  const codes = {
    LineCode: optionalCode(fields, 'LineCode'),
    ShiftCode: optionalCode(fields, 'ShiftCode'),
    CrewKey: optionalCode(fields, 'CrewKey'),
    BatchId: optionalCode(fields, 'BatchId'),
    MilestoneKind: optionalCode(fields, 'MilestoneKind')
  };
  if (Object.values(codes).some((code) => code === false)) {
    return 'code';
  }
  const visibility = fields.Visibility;
  if (typeof visibility !== 'string' || !(RECOGNITION_VISIBILITIES as readonly string[]).includes(visibility)) {
    return 'visibility';
  }
  if (visibility === 'crew' && !codes.CrewKey) {
    return 'crewKey';
  }
  if (fields.Status !== 'published') {
    return 'status';
  }
  const clientRequestId = fields.ClientRequestId;
  const suffix = `:${recipientId}`;
  if (
    typeof clientRequestId !== 'string' ||
    !clientRequestId.endsWith(suffix) ||
    clientRequestId.length === suffix.length ||
    utf16Length(clientRequestId) > RECOGNITION_TEXT_LIMITS.ClientRequestId
  ) {
    return 'clientRequestId';
  }
  const optional: Record<string, string> = {};
  for (const [column, code] of Object.entries(codes)) {
    if (typeof code === 'string') {
      optional[column] = code;
    }
  }
  const item: NewRecognitionItem = {
    Title: titleOf(message),
    RecipientId: recipientId,
    Kind: kind as RecognitionKind,
    ValueKey: valueKey,
    Message: message,
    ...(impact ? { Impact: impact } : {}),
    SiteCode: siteCode,
    ...optional,
    Visibility: visibility as RecognitionVisibility,
    Status: 'published',
    ClientRequestId: clientRequestId
  };
  return { item, requestId: clientRequestId.slice(0, -suffix.length) };
}

/** The request's items, checked and normalised; or the first rule it broke. */
export function parseGiveRequest(input: unknown): GiveRequest {
  const items = isRecord(input) ? input.items : undefined;
  if (!Array.isArray(items) || items.length === 0 || !items.every(isRecord)) {
    return { ok: false, error: 'items' };
  }
  if (items.length > MAX_RECIPIENTS) {
    return { ok: false, error: 'tooManyRecipients' };
  }
  const parsed: NewRecognitionItem[] = [];
  const requestIds = new Set<string>();
  for (const fields of items) {
    const result = parseItem(fields);
    if (typeof result === 'string') {
      return { ok: false, error: result };
    }
    parsed.push(result.item);
    requestIds.add(result.requestId);
  }
  if (requestIds.size !== 1) {
    return { ok: false, error: 'clientRequestId' };
  }
  if (new Set(parsed.map((item) => item.RecipientId)).size !== parsed.length) {
    return { ok: false, error: 'duplicateRecipient' };
  }
  const batches = new Set(parsed.map((item) => item.BatchId ?? ''));
  if (batches.size !== 1 || (parsed.length > 1 && batches.has(''))) {
    return { ok: false, error: 'batchId' };
  }
  return { ok: true, requestId: Array.from(requestIds)[0], items: parsed };
}
