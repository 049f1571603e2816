/**
 * The "My next shift" card: what SharePoint (Viva Connections dashboard) and the workbench
 * host. Builds the roster service over Teams Shifts (Microsoft Graph) from the host
 * environment; the views are pure functions in `myNextShiftViews.ts`.
 *
 * Round trips: the card face needs the roster only (two Graph `$batch`es on a device's first
 * use, one for a returning person whose team ids the device keeps: see `GraphRosterSource`).
 * The names of the crew on the shift show in the quick view only, and reading them needs the
 * shifts first, so the face does not wait for them: the quick view reads them as it opens
 * (`onQuickViewOpen`, one round trip, then cached for the session) and says so until they are in.
 */
import * as strings from 'MyNextShiftAdaptiveCardExtensionStrings';

import { rosterOf } from '../../app/roster';
import type { NextShiftView, RosterService } from '../../core/roster/rosterService';
import { CardSetupRequired, type CardPartDefinition } from '../../app/host/cardTypes';
import type { HostEnvironment } from '../../app/host/types';
import {
  daysAheadOf,
  DEFAULT_PROPERTIES,
  type IMyNextShiftCardProps,
  MAX_DAYS_AHEAD,
  MIN_DAYS_AHEAD,
  myNextShiftCardView,
  myNextShiftQuickView,
  RETRY_CREW_ACTION_ID,
  rosterErrorCode
} from './myNextShiftViews';

export type { IMyNextShiftCardProps };

/**
 * The card over any roster: `rosterFor` gives the roster service of the environment's person
 * (Teams Shifts through Graph in the product; a typed fake in tests).
 */
export function createMyNextShiftCard(
  rosterFor: (environment: HostEnvironment) => RosterService
): CardPartDefinition<IMyNextShiftCardProps, NextShiftView> {
  /** The names of the crew on the shift, read when the quick view opens (and on its Try again). */
  const readCrew = async (data: NextShiftView, environment: HostEnvironment, properties: IMyNextShiftCardProps): Promise<NextShiftView> => {
    if (!data.crewToRead || properties.showCrew === false) {
      return data;
    }
    try {
      return { ...data, crew: await rosterFor(environment).crewOf(data), crewToRead: undefined };
    } catch {
      return { ...data, crewToRead: 'failed' };
    }
  };
  return {
    id: '58f4ecd2-bc37-4c9b-a954-2b5785570d3d',
    alias: 'MyNextShiftAdaptiveCardExtension',
    kind: 'card',
    defaultProperties: DEFAULT_PROPERTIES,
    propertyPane: () => ({
      description: strings.PropertyPaneDescription,
      groups: [
        {
          name: strings.DisplayGroupName,
          fields: [
            { kind: 'text', name: 'title', label: strings.TitleFieldLabel },
            { kind: 'number', name: 'daysAhead', label: strings.DaysAheadLabel, min: MIN_DAYS_AHEAD, max: MAX_DAYS_AHEAD },
            { kind: 'toggle', name: 'showCrew', label: strings.ShowCrewLabel }
          ]
        }
      ]
    }),
    load: async (environment, properties) => {
      try {
        return await rosterFor(environment).nextShiftView(daysAheadOf(properties), { crew: false });
      } catch (error) {
        // No team with a schedule: nothing is wrong, the person is just not rostered here yet.
        if (rosterErrorCode(error) === 'notConfigured') {
          throw new CardSetupRequired('notConfigured', error instanceof Error ? error.message : undefined);
        }
        throw error;
      }
    },
    reloadsOn: (property) => property === 'daysAhead',
    cardView: (state, context) => myNextShiftCardView(state, context, strings),
    quickView: (data, context) => myNextShiftQuickView(data, context, strings),
    // The crew, read when the quick view opens (again after a failed read); nothing to read when
    // the quick view shows no crew. The quick view has no inputs, so names that come in late
    // move nothing anyone is about to tap.
    onQuickViewOpen: (data, environment, properties) => readCrew(data, environment, properties),
    // "Try again" in the quick view, after the names could not be read.
    onAction: (data, actionId, _inputs, environment, properties) =>
      actionId === RETRY_CREW_ACTION_ID ? readCrew(data, environment, properties) : Promise.resolve(data)
  };
}

export const myNextShiftCard = createMyNextShiftCard((environment) => rosterOf(environment.services));
