/**
 * The "Recognise" card: what SharePoint (Viva Connections dashboard) and the workbench host.
 * `load` reads the colleagues to choose from (direct reports, manager and peers from the
 * directory) and the active values; `onAction` sends the quick view's form through the
 * RecognitionService (device outbox: a lost connection keeps it and sends it once later).
 */
import * as strings from 'RecogniseAdaptiveCardExtensionStrings';

import type { RecognitionValue } from '../../core/models/values';
import type { PeopleDirectory, PersonProfile } from '../../core/people/types';
import type { RecognitionDraft } from '../../core/recognition/compose';
import { CardSetupRequired, type CardPartDefinition } from '../../ui/host/cardTypes';
import type { HostEnvironment } from '../../ui/host/types';
import {
  activeValues,
  newRequestId,
  type RecipientResolver,
  type RecognitionGiver,
  storeErrorCode,
  valueName
} from '../../webparts/crewRecognition/recognitionPorts';
import { recognitionServicesFor } from '../../webparts/crewRecognition/recognitionWiring';
import type { ValueStore } from '../../core/recognition/ports';
import {
  ANOTHER_ACTION_ID,
  DEFAULT_PROPERTIES,
  EMPTY_FORM,
  formFromInputs,
  type IRecogniseCardProps,
  type RecogniseData,
  recogniseCardView,
  recogniseQuickView,
  SEND_ACTION_ID
} from './recogniseViews';

export type { IRecogniseCardProps, RecogniseData };

export interface RecogniseDeps {
  readonly directory: Pick<PeopleDirectory, 'me' | 'manager' | 'directReports'>;
  readonly store: Pick<ValueStore, 'values'> & RecipientResolver;
  readonly giver: RecognitionGiver;
  /** Values for the form's choices, cached for the session; sending checks fresh values. */
  readonly sessionValues?: () => Promise<RecognitionValue[]>;
}

/** Colleagues: my direct reports, my manager and my manager's other reports; never me. */
async function colleagues(directory: RecogniseDeps['directory']): Promise<PersonProfile[]> {
  const [me, reports, manager] = await Promise.all([directory.me(), directory.directReports(), directory.manager()]);
  const peers = manager ? await directory.directReports(manager.id).catch((): PersonProfile[] => []) : [];
  const byId = new Map<string, PersonProfile>();
  for (const person of [...reports, ...(manager ? [manager] : []), ...peers]) {
    if (person.id !== me.id && !byId.has(person.id)) {
      byId.set(person.id, person);
    }
  }
  return Array.from(byId.values()).sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export function createRecogniseCard(depsFor: (environment: HostEnvironment) => RecogniseDeps, requestId: () => string = newRequestId): CardPartDefinition<IRecogniseCardProps, RecogniseData> {
  return {
    id: '98ca33b1-3013-494a-a8e0-f49ee4d855a1',
    alias: 'RecogniseAdaptiveCardExtension',
    kind: 'card',
    defaultProperties: DEFAULT_PROPERTIES,
    propertyPane: () => ({
      description: strings.PropertyPaneDescription,
      groups: [
        {
          name: strings.DisplayGroupName,
          fields: [
            { kind: 'text', name: 'title', label: strings.TitleFieldLabel },
            { kind: 'text', name: 'siteCode', label: strings.SiteCodeLabel }
          ]
        }
      ]
    }),
    load: async (environment) => {
      const { directory, store, giver, sessionValues } = depsFor(environment);
      // Whatever waits in this device's outbox goes out now.
      giver.flush().catch(() => undefined);
      const [people, values] = await Promise.all([colleagues(directory), sessionValues ? sessionValues() : store.values()]);
      const active = activeValues(values);
      if (active.length === 0) {
        throw new CardSetupRequired('noValues');
      }
      if (people.length === 0) {
        throw new CardSetupRequired('noColleagues');
      }
      return { people, values: active.map((v) => ({ key: v.valueKey, name: valueName(v, environment.locale) })), form: EMPTY_FORM };
    },
    cardView: (state, context) => recogniseCardView(state, context, strings),
    quickView: (data, context) => recogniseQuickView(data, context, strings),
    onAction: async (data, actionId, inputs, environment, properties) => {
      if (actionId === ANOTHER_ACTION_ID) {
        return { ...data, form: EMPTY_FORM, result: undefined };
      }
      if (actionId !== SEND_ACTION_ID) {
        return data;
      }
      const form = formFromInputs(inputs);
      const { store, giver } = depsFor(environment);
      try {
        const person = data.people.find((p) => p.id === form.person);
        const [recipient, values, giverId] = await Promise.all([
          person ? store.resolveRecipient(person) : Promise.resolve(undefined),
          store.values(),
          store.currentUserId()
        ]);
        const draft: RecognitionDraft = {
          recipients: recipient ? [recipient] : [],
          valueKey: form.value,
          message: form.message,
          impact: form.impact,
          visibility: 'everyone'
        };
        const value = values.find((v) => v.valueKey === form.value);
        const result = await giver.give(
          draft,
          { giverId, values, requestId: requestId(), siteCode: (properties.siteCode ?? '').trim() },
          { giverName: environment.user.displayName, valueName: value ? valueName(value, environment.locale) : '' }
        );
        switch (result.status) {
          case 'sent':
            return { ...data, form: EMPTY_FORM, result: { status: 'sent', name: person?.displayName ?? '', unnotified: (result.unnotified ?? []).length > 0 } };
          case 'queued':
            return { ...data, form: EMPTY_FORM, result: { status: 'queued' } };
          case 'rejected':
            return { ...data, form, result: { status: 'rejected' } };
          case 'invalid':
            return { ...data, form, result: { status: 'invalid', errors: result.errors } };
        }
      } catch (error) {
        return { ...data, form, result: { status: 'failed', code: storeErrorCode(error) } };
      }
    }
  };
}

export const recogniseCard = createRecogniseCard((environment) => {
  const services = recognitionServicesFor(environment);
  const store: RecogniseDeps['store'] = {
    values: () => services.store.values(),
    resolveRecipient: (profile) => services.recipients.resolveRecipient(profile),
    currentUserId: () => services.recipients.currentUserId()
  };
  return { directory: services.directory, store, giver: services.recognition, sessionValues: services.sessionValues };
});
