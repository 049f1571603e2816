/**
 * HR's crews through the relay (`POST /api/pulse/crews`, relay/src/routes/pulseCrews.ts): the
 * crews by name, where the plant map places them, and each one's shortest round, read by the
 * relay from the crews' own schedules. The relay client's failures become `PulseCrewsError`
 * codes the admin part puts into words; what the relay sends is checked before it is shown.
 * There is no way round the relay: without one, the part says why the crews are unavailable.
 */
import { type PulseCrew, type PulseCrewList, PulseCrewsError, type PulseCrewsErrorCode, type PulseCrewSource } from '../../core/pulse/adminPorts';
import { RecognitionStoreError } from '../../core/recognition/ports';
import { RelayCallError, type RelayClient } from './relayClient';

const STORE_CODES: { readonly [storeCode: string]: PulseCrewsErrorCode } = {
  noRelay: 'noRelay',
  accessDenied: 'notAllowed',
  notSetUp: 'notSetUp',
  relayFault: 'relayFault',
  throttled: 'unavailable',
  network: 'unavailable',
  rateLimited: 'unavailable'
};

/** The relay client's failure as a crews code. */
export function pulseCrewsErrorOf(error: unknown): PulseCrewsError {
  if (error instanceof PulseCrewsError) {
    return error;
  }
  if (error instanceof RelayCallError && error.relayCode === 'notAllowed') {
    return new PulseCrewsError('notAllowed', error.message);
  }
  if (error instanceof RecognitionStoreError) {
    const code = Object.prototype.hasOwnProperty.call(STORE_CODES, error.code) ? STORE_CODES[error.code] : 'unexpected';
    return new PulseCrewsError(code, error.message);
  }
  return new PulseCrewsError('unexpected', error instanceof Error ? error.message : String(error));
}

function isRecord(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function crewOf(value: unknown): PulseCrew | undefined {
  if (!isRecord(value) || typeof value.crewKey !== 'string' || value.crewKey.trim() === '') {
    return undefined;
  }
  const days = value.minimumRoundDays;
  const siteCode = optionalText(value.siteCode);
  const lineCode = optionalText(value.lineCode);
  return {
    crewKey: value.crewKey,
    name: optionalText(value.name) ?? value.crewKey,
    ...(siteCode ? { siteCode } : {}),
    ...(lineCode ? { lineCode } : {}),
    // A figure that is not a whole number of days is "cannot tell", never a guess.
    ...(typeof days === 'number' && Math.floor(days) === days && days >= 1 ? { minimumRoundDays: days } : {})
  };
}

/** The crews of a `POST /api/pulse/crews` answer; a malformed crew is left out. */
export function parseCrewList(body: unknown): PulseCrewList {
  const raw = isRecord(body) ? body : {};
  const crews = (Array.isArray(raw.crews) ? raw.crews : []).map(crewOf).filter((crew): crew is PulseCrew => crew !== undefined);
  return {
    crews,
    periodStart: typeof raw.periodStart === 'string' ? raw.periodStart : '',
    periodDays: typeof raw.periodDays === 'number' ? raw.periodDays : 0
  };
}

export class RelayPulseCrews implements PulseCrewSource {
  public constructor(private readonly relay: RelayClient) {}

  public async crews(opensAt: string, timeZone: string): Promise<PulseCrewList> {
    try {
      return parseCrewList(await this.relay.post('/pulse/crews', { opensAt, timeZone }, 'Reading the crews'));
    } catch (error) {
      throw pulseCrewsErrorOf(error);
    }
  }
}
