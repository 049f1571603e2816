/**
 * The "Pulse" card: what SharePoint (Viva Connections dashboard) and the workbench host. The
 * face says how long the round open for the person takes ("2 min, 5 questions"); its quick view
 * answers it, one question a screen (`pulseViews.ts`, pure). Answers go only through the relay
 * (`PulseAnswers`: kept on the device first, sent exactly once); without a relay the card says
 * answers are not collected here and collects nothing. When no round waits, the face says what
 * followed a pulse ("HR answered your comment", "You said, we did: …"), and the quick view lists
 * it (`pulseFollowUp.ts`), with answering back to a reply.
 *
 * Round trips: one relay read, `GET /api/pulse/card` (the open rounds, the person's comments and
 * the published plans together), after sending whatever waits on the device. The quick view shows
 * what that read brought and asks nothing more; a part that could not be read is read again
 * through its own route only when the person taps Try again. The answering steps are local until
 * Send (one `POST`).
 */
import * as strings from 'PulseAdaptiveCardExtensionStrings';

import { pulseOf } from '../../app/pulse';
import { type PulseCardSource, pulseCardOf } from '../../app/pulseCard';
import { pulsePlansOf } from '../../app/pulsePlans';
import { pulseThreadsOf } from '../../app/pulseThreads';
import { CardSetupRequired, type CardPartDefinition } from '../../app/host/cardTypes';
import type { HostEnvironment } from '../../app/host/types';
import type { PulseAnswers } from '../../core/pulse/pulseAnswers';
import { followUpAction, type FollowUpSources, isFollowUpAction, type PulseFollowUp } from './pulseFollowUp';
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

/**
 * What the card works with: the answers service, the card's one read, and the relay's threads and
 * plans (Try again on a part that failed, answering back).
 */
export interface PulseCardServices extends FollowUpSources {
  /** What the quick view sends answers through, and the load's sending of what waits on the device first. */
  readonly answers: PulseCardAnswers & Pick<PulseAnswers, 'openRoundsWith'>;
  readonly card: PulseCardSource;
}

/**
 * Promises by the follow-up they start from and what they do: a second call with both the same
 * (a double tap on Send or Try again) shares the first, so an answer back is sent once and nothing
 * is read twice. A new follow-up is a new key.
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

/** The card over any services: `PulseAnswers` and the relay's reads in the product, typed fakes in tests. */
export function createPulseCard(servicesFor: (environment: HostEnvironment) => PulseCardServices): CardPartDefinition<IPulseCardProps, PulseCardData> {
  const shared = sharedByFollowUp();
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
      try {
        // Sends what waits on the device first; a round answered meanwhile counts as answered. The
        // follow-up comes in the same read: a part that failed is that part's code, never the card's.
        const read = await services.answers.openRoundsWith(() => services.card.read());
        return { rounds: read.rounds, refused: services.answers.refused(), followUp: { comments: read.comments, plans: read.plans } };
      } catch (error) {
        // No relay (or not set up): answers are not collected here, and the card says so.
        const code = pulseErrorCode(error);
        if (code !== undefined && SETUP_CODES.indexOf(code) >= 0) {
          throw new CardSetupRequired(code, error instanceof Error ? error.message : undefined);
        }
        throw error;
      }
    },
    cardView: (state, context) => pulseCardView(state, context, strings),
    quickView: (data, context) => pulseQuickView(data, context, strings),
    // No onQuickViewOpen: the quick view shows what the load read, and asks nothing more.
    onAction: async (data, actionId, inputs, environment) => {
      const services = servicesFor(environment);
      if (isFollowUpAction(actionId)) {
        // Try again reads only the part that failed, through its own route.
        const followUp = await shared(data.followUp, actionId, () => followUpAction(data.followUp, actionId, inputs, services));
        return followUp === data.followUp ? data : { ...data, followUp };
      }
      return pulseAction(data, actionId, inputs, services.answers);
    }
  };
}

export const pulseCard = createPulseCard((environment) => {
  const pulse = pulseOf(environment.services);
  return {
    answers: pulse.answers,
    card: pulseCardOf(environment.services),
    threads: pulseThreadsOf(environment.services).threads,
    plans: pulsePlansOf(environment.services).store
  };
});
