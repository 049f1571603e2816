/**
 * The "Pulse" card: what SharePoint (Viva Connections dashboard) and the workbench host. The
 * face says how long the round open for the person takes ("2 min, 5 questions"); its quick view
 * answers it, one question a screen (`pulseViews.ts`, pure). Answers go only through the relay
 * (`PulseAnswers`: kept on the device first, sent exactly once); without a relay the card says
 * answers are not collected here and collects nothing.
 *
 * Round trips: one relay call (`GET /api/pulse/open`) for the face, after sending whatever
 * waits on the device; the quick view's steps are local until Send (one `POST`).
 */
import * as strings from 'PulseAdaptiveCardExtensionStrings';

import { pulseOf } from '../../app/pulse';
import { CardSetupRequired, type CardPartDefinition } from '../../app/host/cardTypes';
import type { HostEnvironment } from '../../app/host/types';
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

/** The card over any answers service: `PulseAnswers` over the relay in the product, a typed fake in tests. */
export function createPulseCard(answersFor: (environment: HostEnvironment) => PulseCardAnswers): CardPartDefinition<IPulseCardProps, PulseCardData> {
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
      const answers = answersFor(environment);
      try {
        // Sends what waits on the device first; a round answered meanwhile counts as answered.
        const rounds = await answers.openRounds();
        return { rounds, refused: answers.refused() };
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
    onAction: (data, actionId, inputs, environment) => pulseAction(data, actionId, inputs, answersFor(environment))
  };
}

export const pulseCard = createPulseCard((environment) => pulseOf(environment.services).answers);
