/**
 * The relay, set up from its configuration: who may call (the token issuer, audience and signing
 * keys), which site it writes to with which identity, and which browser origins may call. The
 * Azure Functions custom handler (`main.ts`, from the app settings) and the local tenant
 * (`local/relay`, from its own authority and endpoints) both build the relay here.
 */
import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';

import { LISTS } from '../../src/core/schema/lists';

import { managedIdentityTokens, type ManagedIdentityOptions } from './appIdentity';
import { createCallerVerifier } from './auth';
import { graphDirectory } from './directory';
import { pulseKeyring } from './pulse/envelope';
import { graphPulseFacts } from './pulse/facts';
import { createRelayHandler } from './handler';
import { graphLearningRoster } from './learning/crewMovesRoster';
import { crewMovesStep } from './learning/crewMovesStep';
import { learningKeyring } from './learning/keys';
import { graphLearnerDirectory } from './learning/people';
import { graphAssignees } from './routes/learningAssign';
import { practiceStep } from './learning/practiceStep';
import { graphRenewals } from './learning/renewalNotices';
import { renewalStep } from './learning/renewalStep';
import { createLearningTimer, type LearningTimer } from './learning/renewalTimer';
import { graphCrewRosters } from './pulse/crews';
import { createPulseTimer, type PulseTimer } from './pulse/timer';
import { graphReminders, pulseReminderLink, reminderStep } from './pulse/timerReminders';
import { graphOwnedGroups } from './pulse/results';
import type { RelayHandler } from './router';
import { setupGate } from './setupGate';
import { appOnlySharePoint } from './sharepoint';

export interface RelayConfig {
  /** The engagement site, e.g. `https://contoso.sharepoint.com/sites/engage`. */
  readonly siteUrl: string;
  /** The managed identity endpoint the relay's own tokens come from. */
  readonly identity: ManagedIdentityOptions;
  /** Who issues the callers' tokens, and the keys they are signed with. */
  readonly issuer: string;
  readonly keys: JWTVerifyGetKey;
  /** The relay's app ID URI and/or client id, as the callers' tokens' `aud`. */
  readonly audience: string | readonly string[];
  /** Origins allowed to call from a browser. */
  readonly allowedOrigins: readonly string[];
  readonly log: (line: string) => void;
  /** Microsoft Graph's v1.0 root; `https://graph.microsoft.com/v1.0` unless given. */
  readonly graphUrl?: string;
  /** The rate limits' clock (milliseconds since the epoch); `Date.now` unless given. */
  readonly now?: () => number;
  /**
   * SE_PULSE_KEYS: `<id>=<32 bytes base64>`, comma-separated, the active key first (a Key Vault
   * reference in Azure). Absent: the pulse routes collect no answer.
   */
  readonly pulseKeys?: string;
  /**
   * SE_LEARNING_KEYS: the learning lists' sealed columns' keys, as SE_PULSE_KEYS (a Key Vault
   * reference in Azure). Absent: no quiz is scored or sealed.
   */
  readonly learningKeys?: string;
  /**
   * SE_PLANT_TIME_ZONE: the plant's IANA time zone (`Europe/Stockholm`), whose local days the
   * learning timer's renewals count (lead days, due dates, the notices' end day); UTC unless given.
   */
  readonly plantTimeZone?: string;
}

/** Entra ID's issuer and signing keys for the callers' tokens of tenant `tenantId` (v2 tokens). */
export function entraIdTokens(tenantId: string): Pick<RelayConfig, 'issuer' | 'keys'> {
  return {
    issuer: `https://login.microsoftonline.com/${tenantId}/v2.0`,
    keys: createRemoteJWKSet(new URL(`https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`))
  };
}

export function createRelay(config: RelayConfig): RelayHandler {
  const tokens = managedIdentityTokens(config.identity);
  const sharePoint = appOnlySharePoint(config.siteUrl, tokens);
  const directory = graphDirectory({ graphUrl: config.graphUrl, tokens });
  const rosters = graphCrewRosters({ graphUrl: config.graphUrl, tokens });
  return createRelayHandler({
    verifyCaller: createCallerVerifier({ issuer: config.issuer, audience: config.audience, keys: config.keys }),
    sharePoint: () => sharePoint,
    directory,
    pulseKeys: config.pulseKeys ? pulseKeyring(config.pulseKeys) : undefined,
    pulseFacts: graphPulseFacts({ graphUrl: config.graphUrl, tokens, directory }),
    // HR's crews by name and their shortest rounds (docs/relay.md "Crews for HR").
    crewRosters: rosters,
    ownedGroups: graphOwnedGroups({ graphUrl: config.graphUrl, tokens }),
    learningKeys: config.learningKeys ? learningKeyring(config.learningKeys) : undefined,
    learners: graphLearnerDirectory({ graphUrl: config.graphUrl, tokens }),
    learningAssignees: graphAssignees({ graphUrl: config.graphUrl, tokens }),
    allowedOrigins: config.allowedOrigins,
    log: config.log,
    now: config.now
  });
}

/**
 * The pulse timer (docs/relay.md "The pulse timer"), set up from the same configuration: it opens
 * and closes rounds on time and sends shift-start reminders, with the relay's own identity.
 */
export function createRelayPulseTimer(config: RelayConfig): PulseTimer {
  const tokens = managedIdentityTokens(config.identity);
  const sharePoint = appOnlySharePoint(config.siteUrl, tokens);
  const site = (): typeof sharePoint => sharePoint;
  // Nothing before Engage Setup: a member could otherwise write a survey the relay acts on.
  const gate = setupGate(site, [LISTS.surveys.title, LISTS.surveyRounds.title, LISTS.participation.title, LISTS.reminders.title], config.now);
  const reminders = reminderStep({
    graph: graphReminders({ graphUrl: config.graphUrl, tokens }),
    directory: graphDirectory({ graphUrl: config.graphUrl, tokens }),
    // Graph wants a Teams link for a text topic: the product's Teams app, falling back to the site.
    webUrl: pulseReminderLink(config.siteUrl),
    log: config.log
  });
  // With the keys the timer also settles answers left pending (a request that died midway).
  // The crews' shift patterns and places, read once when the timer publishes a closed round's results.
  const rosters = graphCrewRosters({ graphUrl: config.graphUrl, tokens });
  return createPulseTimer({ site, gate, reminders, rosters, keys: config.pulseKeys ? pulseKeyring(config.pulseKeys) : undefined, now: config.now, log: config.log });
}

/**
 * The learning timer (docs/relay.md "The learning timer"), set up from the same configuration:
 * a person's learning rows moved to the crew they now work in, practice at a station recorded
 * from the roster, then renewal paths assigned before skills end and the person and their
 * manager told, with the relay's own identity, in the plant's time zone (`plantTimeZone`).
 */
export function createRelayLearningTimer(config: RelayConfig): LearningTimer {
  const tokens = managedIdentityTokens(config.identity);
  const sharePoint = appOnlySharePoint(config.siteUrl, tokens);
  const site = (): typeof sharePoint => sharePoint;
  // Nothing before Engage Setup: a member could otherwise write a skill that makes the relay notify anyone.
  const gate = setupGate(site, [LISTS.assignments.title, LISTS.progress.title, LISTS.skills.title], config.now);
  // One roster read a run for both roster steps.
  const roster = graphLearningRoster({ graphUrl: config.graphUrl, tokens });
  const renewals = renewalStep({
    gate,
    graph: graphRenewals({ graphUrl: config.graphUrl, tokens }),
    timeZone: config.plantTimeZone ?? 'UTC',
    // Graph wants a Teams link for a text topic: the pulse Teams app (which declares the notice), falling back to the site.
    webUrl: pulseReminderLink(config.siteUrl),
    log: config.log
  });
  const crewMoves = crewMovesStep({ gate, roster, log: config.log });
  const practice = practiceStep({ gate, roster, log: config.log });
  return createLearningTimer({ site, renewals, crewMoves, practice, now: config.now, log: config.log });
}
