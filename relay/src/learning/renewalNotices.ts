/**
 * The renewal notices as Teams activity notifications, sent with the relay's identity
 * (docs/relay.md "The learning timer"), and what the renewal step asks Microsoft Graph:
 *
 * - the person and their manager in Entra ID: `GET /users/{upn}?$select=id,preferredLanguage`,
 *   `GET /users/{upn}/manager?$select=id,userPrincipalName,preferredLanguage` (application
 *   `User.Read.All`, the relay's grant);
 * - the notice: `POST /users/{id}/teamwork/sendActivityNotification`, activity type
 *   `learningRenewal` of the pulse Teams app (the app that names the relay's identity;
 *   `TeamsActivity.Send.User` comes with installing it), the station as topic and template
 *   parameter, a short text in the recipient's language (en, nl, sv; English otherwise).
 */
import type { TokenProvider } from '../appIdentity';
import { graphReader, sendActivityNotification } from '../directory';

/**
 * The activity type the pulse Teams app (teams-app/pulse/) declares for renewal notices. Teams
 * delivers an application's notification only for an installed app whose `webApplicationInfo.id`
 * is the sending identity, and the pulse app is the one naming the relay's.
 */
export const LEARNING_RENEWAL_ACTIVITY_TYPE = 'learningRenewal';
/** The one parameter of its template text: the station's name. */
export const LEARNING_RENEWAL_TEMPLATE_PARAMETER = 'station';

/** A person in the directory, as the notices need them. */
export interface RenewalRecipient {
  readonly id: string;
  readonly userPrincipalName: string;
  readonly preferredLanguage?: string;
}

export interface RenewalNotice {
  /** The station's name (the skill's Title, else its code). */
  readonly station: string;
  readonly preview: string;
  readonly webUrl: string;
}

/** What the renewal step asks Microsoft Graph, with the relay's identity. */
export interface RenewalGraph {
  /** The person; undefined when the directory has no such person. */
  person(userPrincipalName: string): Promise<RenewalRecipient | undefined>;
  /** Their manager in Entra ID; undefined when they have none. */
  manager(userPrincipalName: string): Promise<RenewalRecipient | undefined>;
  notify(directoryId: string, notice: RenewalNotice): Promise<void>;
}

type Row = Record<string, unknown>;
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

function recipientOf(body: Row, fallbackUpn: string): RenewalRecipient | undefined {
  const id = text(body.id);
  const language = text(body.preferredLanguage);
  return id ? { id, userPrincipalName: text(body.userPrincipalName) ?? fallbackUpn, ...(language ? { preferredLanguage: language } : {}) } : undefined;
}

export function graphRenewals(options: { readonly graphUrl?: string; readonly tokens: TokenProvider; readonly fetch?: typeof fetch }): RenewalGraph {
  const { root, get: read } = graphReader(options);
  return {
    async person(upn) {
      const body = await read(`${root}/users/${encodeURIComponent(upn)}?$select=id,userPrincipalName,preferredLanguage`, 'a person');
      return body ? recipientOf(body, upn) : undefined;
    },
    async manager(upn) {
      // 404: no manager (Request_ResourceNotFound), or no such person.
      const body = await read(`${root}/users/${encodeURIComponent(upn)}/manager?$select=id,userPrincipalName,preferredLanguage`, 'the manager');
      return body ? recipientOf(body, '') : undefined;
    },
    notify: (directoryId, notice) =>
      sendActivityNotification(
        options,
        directoryId,
        {
          topic: notice.station,
          webUrl: notice.webUrl,
          activityType: LEARNING_RENEWAL_ACTIVITY_TYPE,
          preview: notice.preview,
          parameter: { name: LEARNING_RENEWAL_TEMPLATE_PARAMETER, value: notice.station }
        },
        'the renewal notice'
      )
  };
}

type Language = 'en' | 'nl' | 'sv';

const WORDS: Readonly<Record<Language, { person: string; leader: string }>> = {
  en: {
    person: 'Your qualification for {station} ends on {date}. Its renewal has been added to your learning.',
    leader: "{name}'s qualification for {station} ends on {date}. The renewal has been assigned."
  },
  nl: {
    person: 'Je kwalificatie voor {station} loopt af op {date}. De verlenging staat bij je leerpaden.',
    leader: 'De kwalificatie van {name} voor {station} loopt af op {date}. De verlenging is toegewezen.'
  },
  sv: {
    person: 'Din behörighet för {station} upphör {date}. Förnyelsen har lagts till i ditt lärande.',
    leader: '{name}s behörighet för {station} upphör {date}. Förnyelsen har tilldelats.'
  }
};

/** Graph's limit for `previewText.content`. */
const PREVIEW_MAX = 150;

function languageOf(tag: string | undefined): Language {
  const base = (tag ?? '').toLowerCase().split('-')[0];
  return base === 'nl' || base === 'sv' ? base : 'en';
}

const LOCALES: Readonly<Record<Language, string>> = { en: 'en-GB', nl: 'nl-NL', sv: 'sv-SE' };

/**
 * The notice's text in the recipient's language: the end day in the plant's zone, the station,
 * and for a leader the person's name; long names are cut so the text stays within Graph's 150.
 */
export function renewalPreview(input: { role: 'person' | 'leader'; language?: string; station: string; name: string; validUntil: Date; timeZone: string }): string {
  const language = languageOf(input.language);
  const date = new Intl.DateTimeFormat(LOCALES[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone: input.timeZone }).format(input.validUntil);
  const fill = (station: string, name: string): string =>
    WORDS[language][input.role].replace('{station}', station).replace('{name}', name).replace('{date}', date);
  const full = fill(input.station, input.name);
  if (full.length <= PREVIEW_MAX) {
    return full;
  }
  const cut = (value: string, max: number): string => (value.length > max ? `${value.slice(0, Math.max(1, max - 1))}…` : value);
  return fill(cut(input.station, 40), cut(input.name, 30)).slice(0, PREVIEW_MAX);
}
