/**
 * The prompt line's host, from what SharePoint (or the workbench) gives every page at no cost:
 * the Graph client, a SharePoint REST GET, the relay's token fetch, who is signed in, the device's
 * storage. Not the composition root's services object (`src/app/services.ts`): that brings PnPjs
 * and every capability's connectors, and the line is on every page within a 15 KB budget. The
 * answering services (the relay client, the outbox) are built from the services object only when
 * the survey opens, or when an answer waits on the device.
 *
 * The keys on the device are the services object's (`EngageServices.keyFor`, a test holds them
 * equal): the line reads the dismissals, the outbox and the roster's kept team ids the answering
 * part and the roster write, and they read its.
 */
import type { DeviceStorage } from '../../app/deviceStorage';
import type { HostUser } from '../../app/host/types';
import { promptCheckSources, type PromptCheckPorts } from '../../core/pulse/promptCheck';
import { withDeadline } from '../../core/recovery';
import { teamIdCache } from '../../core/roster/teamIdCache';
import { DEFAULT_PROMPT_SETTINGS } from '../../core/roster/rules';
import type { HostTheme } from '../../ui/host/hostTheme';
import type { PromptHost } from './components/PulsePromptLine';

/** A check that gets no answer within this is given up (the line stays silent and looks again later). */
export const PROMPT_CHECK_DEADLINE_MS = 30_000;

export interface PromptHostParts extends Pick<PromptCheckPorts, 'graph' | 'sharePoint' | 'relayFetch'> {
  readonly user: HostUser;
  readonly locale: string;
  readonly theme: HostTheme | undefined;
  readonly device: Pick<DeviceStorage, 'local' | 'session'>;
  readonly answers: PromptHost['answers'];
}

/** The device key of `name` for the person, as `EngageServices.keyFor` makes it (`se-<name>:<login>`). */
export function promptKeyFor(user: HostUser, name: string): string {
  return `se-${name}:${(user.loginName || user.email).trim().toLowerCase()}`;
}

/** The device's IANA time zone (UTC where the platform cannot say). */
function deviceZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function promptHostOf(parts: PromptHostParts): PromptHost {
  const { user, device } = parts;
  const timeZone = deviceZone();
  const ports: PromptCheckPorts = {
    graph: parts.graph,
    sharePoint: parts.sharePoint,
    relayFetch: parts.relayFetch,
    siteOrigin: typeof location === 'undefined' ? '' : location.origin,
    siteUserId: user.siteUserId,
    timeZone,
    teamIds: teamIdCache(device.local, promptKeyFor(user, 'roster-teams')),
    rosterCache: {
      read: () => device.session.read(promptKeyFor(user, 'pulse-prompt-roster')),
      write: (value) => device.session.write(promptKeyFor(user, 'pulse-prompt-roster'), value)
    },
    // The device's clock, as every part's. The relay's `/pulse/open` answer carries no time and is
    // asked only once the roster allows a prompt; SharePoint's same-origin answers carry a readable
    // `Date` header (the quiet-hours read), but the local tenant's follows real time rather than its
    // movable clock, so the workbench and its tests could no longer move the decision.
    now: () => new Date(),
    grace: DEFAULT_PROMPT_SETTINGS
  };
  const sources = promptCheckSources(ports, {
    local: device.local,
    session: device.session,
    dismissedKey: promptKeyFor(user, 'pulse-dismissed'),
    outboxKey: promptKeyFor(user, 'pulse-outbox'),
    memoKey: promptKeyFor(user, 'pulse-prompt-quiet'),
    sendWaiting: async () => (await parts.answers()).flush()
  });
  return {
    locale: parts.locale,
    theme: parts.theme,
    timeZone,
    sources: {
      ...sources,
      // Every check settles: a request that never answers does not leave the line looking.
      mayPromptNow: () => withDeadline(sources.mayPromptNow(), PROMPT_CHECK_DEADLINE_MS, 'Reading the roster'),
      openRounds: () => withDeadline(sources.openRounds(), PROMPT_CHECK_DEADLINE_MS, 'Reading the open pulse rounds')
    },
    answers: parts.answers
  };
}

/** A SharePoint REST GET over a fetch-like call (SPHttpClient in SharePoint, the page's fetch in the workbench). */
export function sharePointGet(
  webUrl: string,
  get: (url: string, headers: Record<string, string>) => Promise<{ readonly ok: boolean; readonly status: number; json(): Promise<unknown> }>
): PromptCheckPorts['sharePoint'] {
  return async (path) => {
    const response = await get(`${webUrl.replace(/\/+$/, '')}/${path}`, { accept: 'application/json;odata=nometadata' });
    if (!response.ok) {
      throw new Error(`SharePoint answered ${response.status} to ${path.split('?')[0]}`);
    }
    return response.json();
  };
}
