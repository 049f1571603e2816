/**
 * The "My learning" card: what SharePoint (Viva Connections dashboard) and the workbench host.
 * The face says the person's next small step ("7 min: read “Lockout procedure”", due or overdue)
 * or that there is nothing to do now; the quick view shows progress per path, what is due, their
 * Viva Learning courses and a button to the My learning page (`myLearningViews.ts`, pure).
 *
 * Reading is the My learning part's (`learningOf(services).read()`, through `learningCardOf`):
 * the plan is the core's `learningPlan`, so the card and the part never disagree.
 *
 * Round trips: the face needs one SharePoint `$batch` (two where the page does not know the
 * person's site user id). The Viva Learning courses show in the quick view only, so the face does
 * not wait for Graph: the quick view reads them as it opens (`onQuickViewOpen`, one Graph `$batch`,
 * kept for the session) and says so until they are in; a failure there says so with Try again and
 * leaves the rest of the card as it is.
 */
import * as strings from 'MyLearningAdaptiveCardExtensionStrings';

import { CardSetupRequired, type CardPartDefinition } from '../../app/host/cardTypes';
import type { HostEnvironment } from '../../app/host/types';
import { isPageAddress, learningCardOf, type LearningCardSource } from '../../app/learningCard';
import {
  type CardCourses,
  DEFAULT_PROPERTIES,
  type IMyLearningCardProps,
  type MyLearningCardData,
  myLearningCardView,
  myLearningQuickView,
  RETRY_COURSES_ACTION_ID
} from './myLearningViews';

export type { IMyLearningCardProps, MyLearningCardData };

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

/** The card over any source: the page's learning and Viva Learning in the product, a typed fake in tests. */
export function createMyLearningCard(sourceFor: (environment: HostEnvironment) => LearningCardSource): CardPartDefinition<IMyLearningCardProps, MyLearningCardData> {
  /** The courses, read when the quick view opens (and on its Try again); read once they are in. */
  const readCourses = async (data: MyLearningCardData, environment: HostEnvironment): Promise<MyLearningCardData> => {
    if (data.courses.state === 'read') {
      return data;
    }
    let courses: CardCourses;
    try {
      courses = { state: 'read', courses: await sourceFor(environment).courses() };
    } catch (error) {
      courses = { state: 'failed', error };
    }
    return { ...data, courses };
  };
  return {
    id: 'faed5375-1950-4d89-8fa6-97f227603a7c',
    alias: 'MyLearningAdaptiveCardExtension',
    kind: 'card',
    defaultProperties: DEFAULT_PROPERTIES,
    propertyPane: () => ({
      description: strings.PropertyPaneDescription,
      groups: [
        {
          name: strings.DisplayGroupName,
          fields: [
            { kind: 'text', name: 'title', label: strings.TitleFieldLabel },
            {
              kind: 'text',
              name: 'pageUrl',
              label: strings.PageUrlFieldLabel,
              validate: (text: string) => (text.trim() === '' || isPageAddress(text) ? '' : strings.PageUrlInvalid)
            }
          ]
        }
      ]
    }),
    load: async (environment) => {
      try {
        return { learning: await sourceFor(environment).read(), courses: { state: 'toRead' }, webUrl: environment.webUrl };
      } catch (error) {
        // Engage Setup has not secured the learning lists: nothing is wrong with the person's learning.
        if (codeOf(error) === 'notSetUp') {
          throw new CardSetupRequired('notSetUp', error instanceof Error ? error.message : undefined);
        }
        throw error;
      }
    },
    cardView: (state, context) => myLearningCardView(state, context, strings),
    quickView: (data, context) => myLearningQuickView(data, context, strings),
    // The quick view has no inputs, so courses that come in late move nothing anyone is about to tap.
    onQuickViewOpen: (data, environment) => readCourses(data, environment),
    onAction: (data, actionId, _inputs, environment) => (actionId === RETRY_COURSES_ACTION_ID ? readCourses(data, environment) : Promise.resolve(data))
  };
}

export const myLearningCard = createMyLearningCard((environment) => learningCardOf(environment.services));
