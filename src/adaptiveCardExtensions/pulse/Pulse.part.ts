/**
 * The "Pulse" card: what SharePoint (Viva Connections dashboard) and the workbench host. The
 * face says how long the round open for the person takes ("2 min, 5 questions"); its quick view
 * answers it, one question a screen (`pulseViews.ts`, pure). Answers go only through the relay
 * (`PulseAnswers`: kept on the device first, sent exactly once); without a relay the card says
 * answers are not collected here and collects nothing. When no round waits, the face says what
 * followed a pulse ("HR answered your comment", "You said, we did: …"), and the quick view lists
 * it (`pulseFollowUp.ts`), with answering back to a reply.
 *
 * Round trips, at most two one after the other before the face shows: `GET /api/pulse/open`
 * (after sending whatever waits on the device); then, only when no round waits to be answered,
 * the person's comments and the published plans at once (`GET /api/pulse/threads/mine`,
 * `GET /api/pulse/plans`). With a round to answer the face needs neither, so the quick view reads
 * them as it opens. The quick view's answering steps are local until Send (one `POST`).
 */
import * as strings from 'PulseAdaptiveCardExtensionStrings';

import { pulseOf } from '../../app/pulse';
import { pulsePlansOf } from '../../app/pulsePlans';
import { pulseThreadsOf } from '../../app/pulseThreads';
import { roundsToAnswer } from '../../core/pulse/answering';
import { CardSetupRequired, type CardPartDefinition } from '../../app/host/cardTypes';
import type { HostEnvironment } from '../../app/host/types';
import { FOLLOW_UP_RETRY_ID, followUpAction, type FollowUpSources, followUpToRead, isFollowUpAction, type PulseFollowUp, readFollowUp, unreadFollowUp } from './pulseFollowUp';
import {
  DEFAULT_PROPERTIES,
  type IPulseCardProps,
  type PulseCardAnswers,
  type PulseCardData,
  pulseAction,
  pulseCardView,
  pulseErrorCode,
  pulseQuickView,
  SETUP_CODES
} from './pulseViews';

export type { IPulseCardProps, PulseCardData };

/** What the card works with: the answers service, and the relay's threads and plans. */
export interface PulseCardServices extends FollowUpSources {
  readonly answers: PulseCardAnswers;
}

/**
 * Promises by the follow-up they start from and what they do: a second call with both the same
 * (a double tap on Send, a tap while the quick view's opening read is under way) shares the first,
 * so an answer back is sent once and nothing is read twice. A new follow-up is a new key.
 */
function sharedByFollowUp(): (followUp: PulseFollowUp, what: string, start: () => Promise<PulseFollowUp>) => Promise<PulseFollowUp> {
  const started = new WeakMap<PulseFollowUp, Map<string, Promise<PulseFollowUp>>>();
  return (followUp, what, start) => {
    const byWhat = started.get(followUp) ?? new Map<string, Promise<PulseFollowUp>>();
    started.set(followUp, byWhat);
    let pending = byWhat.get(what);
    if (!pending) {
      pending = start();
      byWhat.set(what, pending);
    }
    return pending;
  };
}

/** The card over any services: `PulseAnswers` and the relay's threads and plans in the product, typed fakes in tests. */
export function createPulseCard(servicesFor: (environment: HostEnvironment) => PulseCardServices): CardPartDefinition<IPulseCardProps, PulseCardData> {
  const shared = sharedByFollowUp();
  const read = (followUp: PulseFollowUp, sources: FollowUpSources): Promise<PulseFollowUp> => shared(followUp, 'read', () => readFollowUp(followUp, sources, true));
  return {
    id: '5425fb33-28b0-4bc1-8e18-106e4b888ea7',
    alias: 'PulseAdaptiveCardExtension',
    kind: 'card',
    defaultProperties: DEFAULT_PROPERTIES,
    propertyPane: () => ({
      description: strings.PropertyPaneDescription,
      groups: [{ name: strings.DisplayGroupName, fields: [{ kind: 'text', name: 'title', label: strings.TitleFieldLabel }] }]
    }),
    load: async (environment) => {
      const services = servicesFor(environment);
      let data: PulseCardData;
      try {
        // Sends what waits on the device first; a round answered meanwhile counts as answered.
        const rounds = await services.answers.openRounds();
        data = { rounds, refused: services.answers.refused(), followUp: unreadFollowUp() };
      } catch (error) {
        // No relay (or not set up): answers are not collected here, and the card says so.
        const code = pulseErrorCode(error);
        if (code !== undefined && SETUP_CODES.indexOf(code) >= 0) {
          throw new CardSetupRequired(code, error instanceof Error ? error.message : undefined);
        }
        throw error;
      }
      // A round to answer is the face; with none, the face says what followed, read now (never a failure of the card).
      return roundsToAnswer(data.rounds).length > 0 ? data : { ...data, followUp: await readFollowUp(data.followUp, services, false) };
    },
    cardView: (state, context) => pulseCardView(state, context, strings),
    quickView: (data, context) => pulseQuickView(data, context, strings),
    // What the face did not need (a round was to answer), or what failed, read as the quick view opens.
    onQuickViewOpen: async (data, environment) => {
      if (!followUpToRead(data.followUp, true)) {
        return data;
      }
      return { ...data, followUp: await read(data.followUp, servicesFor(environment)) };
    },
    onAction: async (data, actionId, inputs, environment) => {
      const services = servicesFor(environment);
      // A tap before the opening read is in: that same read, so the follow-up is not left unread.
      const current = followUpToRead(data.followUp, false) ? { ...data, followUp: await read(data.followUp, services) } : data;
      if (isFollowUpAction(actionId)) {
        // Try again is the same read the quick view's opening starts.
        const followUp = await (actionId === FOLLOW_UP_RETRY_ID
          ? read(current.followUp, services)
          : shared(current.followUp, actionId, () => followUpAction(current.followUp, actionId, inputs, services)));
        return followUp === current.followUp ? current : { ...current, followUp };
      }
      return pulseAction(current, actionId, inputs, services.answers);
    }
  };
}

export const pulseCard = createPulseCard((environment) => ({
  answers: pulseOf(environment.services).answers,
  threads: pulseThreadsOf(environment.services).threads,
  plans: pulsePlansOf(environment.services).store
}));
