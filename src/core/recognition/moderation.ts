/**
 * Reporting a recognition, shared by the page (which sends a report) and the relay (which
 * records it with the app's identity and hides the post for everyone until HR decides).
 *
 * Why a relay: the reporter's own identity may edit only their own items, so it cannot hide
 * someone else's post; and a report readable by everyone would tell the post's author who
 * reported them. The relay writes the report (reporter readable by HR only) and sets the post's
 * Status to `reported`, which takes it off every wall. Without a relay, a report hides the post
 * for the reporter only, and the product says so.
 */
import type { ItemId } from '../models/common';

/**
 * The tenant property (app catalog storage entity) whose value (JSON) tells where the relay is:
 * `{"url": "…", "resource": "…"}`. Only tenant and app catalog admins can set it, so no member
 * of a site can steer where the page sends a token, before or after setup. SE_Settings, which
 * members can write until setup has run, is never read for it.
 */
export const RELAY_TENANT_PROPERTY = 'ShopfloorEngageRelay';

/** Longest reason kept (SE_Reports.Reason is a Note column; HR reads it in the moderation queue). */
export const REPORT_REASON_MAX_LENGTH = 1000;

export interface RelaySettings {
  /**
   * Base URL of the relay's API, e.g. `https://contoso-engage-relay.azurewebsites.net/api`, or
   * a server-relative path (`/relay/api`) when the relay answers on the site's own origin.
   */
  readonly url: string;
  /** The Entra ID application (app ID URI or client id) AadHttpClient asks a token for. */
  readonly resource: string;
}

/**
 * What a report did: hidden on every wall (relay); hidden for the reporter only (no relay); or
 * `sentToHr`: a repeat of this person's report after HR reviewed the post and kept it, back in
 * HR's queue while the post stays on the wall for everyone else (a person cannot overrule HR by
 * reporting again); the wall hides it from the reporter.
 */
export type ReportOutcome = 'hiddenForEveryone' | 'hiddenForReporter' | 'sentToHr';

export type ReportInputError = 'recognitionId' | 'reasonEmpty' | 'reasonTooLong';

export type ReportInput =
  | { readonly ok: true; readonly recognitionId: ItemId; readonly reason: string }
  | { readonly ok: false; readonly error: ReportInputError };

/** Checks a report as the relay receives it (JSON body); the page checks the same rules first. */
export function parseReportInput(value: unknown): ReportInput {
  const body = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const id = body.recognitionId;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) {
    return { ok: false, error: 'recognitionId' };
  }
  const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
  if (reason.length === 0) {
    return { ok: false, error: 'reasonEmpty' };
  }
  if (reason.length > REPORT_REASON_MAX_LENGTH) {
    return { ok: false, error: 'reasonTooLong' };
  }
  return { ok: true, recognitionId: id, reason };
}

/** An https URL or a server-relative path, without query or fragment (`/reports` is appended). */
function isRelayUrl(url: string): boolean {
  if (/[?#]/.test(url)) {
    return false;
  }
  if (url.startsWith('/') && !url.startsWith('//')) {
    return true;
  }
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The relay settings from the tenant property, or undefined when none are kept or they are unusable
 * (then reports fall back to hiding the post for the reporter only). Only https URLs or
 * server-relative paths are accepted: the token must never travel in clear text.
 */
export function parseRelaySettings(text: string | undefined): RelaySettings | undefined {
  if (!text || text.trim().length === 0) {
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const url = typeof record.url === 'string' ? record.url.trim().replace(/\/+$/, '') : '';
  const resource = typeof record.resource === 'string' ? record.resource.trim() : '';
  if (!url || !resource || !isRelayUrl(url)) {
    return undefined;
  }
  return { url, resource };
}
