/**
 * Pulse results through the relay (`GET /api/pulse/results`, relay/src/routes/pulseResults.ts):
 * the latest rounds' figures as the relay released them to the signed-in person, on the page's
 * one relay client (token, retries, Retry-After). The page never computes a figure and never
 * asks for a scope: the relay takes it from the token. Its failures become
 * {@link PulseResultsError} codes; what it sends is checked before a part shows it (a round that
 * is neither a release nor a refusal is left out).
 */
import type { ResultsQuestion } from '../../core/pulse/results/types';
import {
  type PulseResultsBody,
  PulseResultsError,
  type PulseResultsErrorCode,
  type PulseResultsSource,
  type ResultsViewerBody,
  type RosterCrew,
  type RoundRefusal,
  type RoundResults,
  type WireRelease
} from '../../core/pulse/results/wire';
import type { Filter, ResultDimension } from '../../core/pulse/results/cells';
import { RESULT_DIMENSIONS } from '../../core/pulse/results/cells';
import { RecognitionStoreError } from '../../core/recognition/ports';
import type { RelayClient } from './relayClient';

const STORE_CODES: { readonly [storeCode: string]: PulseResultsErrorCode } = {
  noRelay: 'noRelay',
  notSetUp: 'notSetUp',
  relayFault: 'relayFault',
  throttled: 'unavailable',
  network: 'unavailable',
  rateLimited: 'rateLimited',
  accessDenied: 'accessDenied'
};

/** The relay client's failure as a results code. */
export function pulseResultsErrorOf(error: unknown): PulseResultsError {
  if (error instanceof PulseResultsError) {
    return error;
  }
  if (error instanceof RecognitionStoreError) {
    const code = Object.prototype.hasOwnProperty.call(STORE_CODES, error.code) ? STORE_CODES[error.code] : 'unexpected';
    return new PulseResultsError(code, error.message, error.retryAfterSeconds);
  }
  return new PulseResultsError('unexpected', error instanceof Error ? error.message : String(error));
}

const REFUSALS: readonly RoundRefusal[] = ['boxCheckFailed', 'boxCheckPending'];

function isRecord(value: unknown): value is { readonly [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function filterOf(value: unknown): Filter | undefined {
  return isRecord(value) && RESULT_DIMENSIONS.indexOf(value.dimension as ResultDimension) >= 0 && typeof value.value === 'string'
    ? { dimension: value.dimension as ResultDimension, value: value.value }
    : undefined;
}

function viewerOf(value: unknown): ResultsViewerBody {
  const raw = isRecord(value) ? value : {};
  const role = raw.role === 'hr' || raw.role === 'leader' ? raw.role : 'employee';
  const leads = (Array.isArray(raw.leads) ? raw.leads : []).map(filterOf).filter((f): f is Filter => f !== undefined);
  return { role, leads };
}

function releaseOf(value: unknown): WireRelease | undefined {
  if (!isRecord(value) || !Array.isArray(value.groups) || !Array.isArray(value.participation) || !Array.isArray(value.comments) || !isRecord(value.org) || !isRecord(value.thresholds)) {
    return undefined;
  }
  return value as unknown as WireRelease;
}

/** The rosters' crews the relay named; anything else in the map is left out. */
function crewsOf(value: unknown): { [crew: string]: RosterCrew } | undefined {
  if (!isRecord(value)) {
    return undefined;
  }
  const out: { [crew: string]: RosterCrew } = {};
  Object.keys(value).forEach((crew) => {
    const raw = value[crew];
    if (isRecord(raw)) {
      const name = text(raw.name);
      const site = text(raw.site);
      const line = text(raw.line);
      out[crew] = { ...(name ? { name } : {}), ...(site ? { site } : {}), ...(line ? { line } : {}) };
    }
  });
  return out;
}

function roundOf(value: unknown): RoundResults | undefined {
  if (!isRecord(value) || typeof value.roundId !== 'number' || !(value.roundId >= 1)) {
    return undefined;
  }
  const info = {
    roundId: value.roundId,
    surveyId: typeof value.surveyId === 'number' ? value.surveyId : 0,
    title: text(value.title),
    opensAt: text(value.opensAt),
    closesAt: text(value.closesAt),
    questions: (Array.isArray(value.questions) ? value.questions : []).filter((q): q is ResultsQuestion => isRecord(q) && typeof q.key === 'string')
  };
  if (REFUSALS.indexOf(value.refused as RoundRefusal) >= 0) {
    return { ...info, refused: value.refused as RoundRefusal, ...(typeof value.check === 'string' ? { check: value.check } : {}) };
  }
  const release = releaseOf(value.release);
  const crews = crewsOf(value.crews);
  return release ? { ...info, release, ...(crews ? { crews } : {}) } : undefined;
}

/** A `GET /api/pulse/results` answer; a malformed round is left out. */
export function parsePulseResults(body: unknown): PulseResultsBody {
  const raw = isRecord(body) ? body : {};
  return {
    viewer: viewerOf(raw.viewer),
    rounds: (Array.isArray(raw.rounds) ? raw.rounds : []).map(roundOf).filter((round): round is RoundResults => round !== undefined)
  };
}

export class RelayPulseResults implements PulseResultsSource {
  public constructor(private readonly relay: RelayClient) {}

  public async results(): Promise<PulseResultsBody> {
    try {
      return parsePulseResults(await this.relay.get('/pulse/results', 'Reading the pulse results'));
    } catch (error) {
      throw pulseResultsErrorOf(error);
    }
  }
}
