/**
 * The "Recognise" card: what SharePoint (Viva Connections dashboard) and the workbench host.
 * `load` reads the colleagues to choose from (direct reports, manager and peers from the
 * directory) and the active values with their suggested lines; `onAction` answers the quick
 * view's taps with the one composer (`core/recognition/composer.ts`: a value, "Write your own",
 * the folded options) and sends a suggested line, or the person's own words, through the
 * give-recognition controller (`ui/recognition/giveRecognition.ts`) and the
 * RecognitionService (device outbox: a lost connection keeps it and sends it once later).
 *
 * Round trips: the peers (the manager's other reports) need the manager's id. A device that
 * has seen the person before keeps that id (`managerIdCache.ts`), so me, my reports, my
 * manager and the peers go out in one Graph `$batch` beside one SharePoint request for the
 * values; when the manager read in that batch is not the one kept, the real manager's reports
 * are read after it. On a first use the card face does not wait for the peers: the quick view
 * reads them when it opens (`onQuickViewOpen`) and shows the form once they are in.
 */
import * as strings from 'RecogniseAdaptiveCardExtensionStrings';
import * as shared from 'RecognitionSharedStrings';

import type { RecognitionValue } from '../../core/models/values';
import type { PeopleDirectory, PersonProfile } from '../../core/people/types';
import { CardSetupRequired, type CardPartDefinition } from '../../app/host/cardTypes';
import type { HostEnvironment } from '../../app/host/types';
import { activeValues } from '../../core/recognition/values';
import { newRequestId } from '../../core/requestId';
import { directoryFailure, type RecipientResolver } from '../../core/recognition/ports';
import { type RecognitionGiver } from '../../core/recognition/recognitionService';
import { recognitionOf } from '../../app/recognition';
import { giveRecognition } from '../../ui/recognition/giveRecognition';
import { composerPick } from '../../core/recognition/composer';
import type { ValueStore } from '../../core/recognition/ports';
import {
  ANOTHER_ACTION_ID,
  applyComposerAction,
  cardValues,
  composerEventOf,
  composerStateOf,
  DEFAULT_PROPERTIES,
  EMPTY_FORM,
  formFromInputs,
  lineOf,
  type IRecogniseCardProps,
  type RecogniseData,
  recogniseCardView,
  recogniseQuickView,
  type RecogniseStrings,
  RETRY_PEERS_ACTION_ID,
  SEND_ACTION_ID
} from './recogniseViews';
import { type ManagerIdCache, managerIdCache } from './managerIdCache';

export type { IRecogniseCardProps, RecogniseData };

export interface RecogniseDeps {
  readonly directory: Pick<PeopleDirectory, 'me' | 'manager' | 'directReports'>;
  readonly store: Pick<ValueStore, 'values'> & RecipientResolver;
  readonly giver: RecognitionGiver;
  /** Values for the form's choices, cached for the session; sending checks fresh values. */
  readonly sessionValues?: () => Promise<RecognitionValue[]>;
  /** The signed-in person's manager id, kept on this device across sessions. */
  readonly managerIds: ManagerIdCache;
}

type PeersToRead = NonNullable<RecogniseData['peersToRead']>;

/** Colleagues from several reads: never me, each once, by name. */
function colleagueList(meId: string, groups: ReadonlyArray<readonly PersonProfile[]>): PersonProfile[] {
  const byId = new Map<string, PersonProfile>();
  for (const person of groups.flat()) {
    if (person.id !== meId && !byId.has(person.id)) {
      byId.set(person.id, person);
    }
  }
  return Array.from(byId.values()).sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/**
 * Colleagues: my direct reports, my manager and my manager's other reports. The peers come in
 * the first batch when this device knows the manager, after it when the manager changed, and
 * are left to the quick view (`peersToRead`) on a first use or when their read failed.
 */
async function colleagues(directory: RecogniseDeps['directory'], managerIds: ManagerIdCache): Promise<Pick<RecogniseData, 'people' | 'peersToRead'>> {
  const keptManagerId = managerIds.read();
  // Started in the same tick, so the directory sends them as one Graph `$batch`. Without them
  // there is nobody to recognise: the card says the directory could not be read.
  const [me, reports, manager, keptPeers] = await Promise.all([
    directory.me(),
    directory.directReports(),
    directory.manager(),
    keptManagerId ? directory.directReports(keptManagerId).catch((): undefined => undefined) : Promise.resolve(undefined)
  ]).catch((error: unknown) => {
    throw directoryFailure(error);
  });
  let peers: readonly PersonProfile[] | undefined;
  if (!manager) {
    peers = [];
    if (keptManagerId) {
      managerIds.write(undefined);
    }
  } else if (manager.id === keptManagerId) {
    peers = keptPeers;
  } else if (keptManagerId) {
    // The manager changed since this device kept the id: the real manager's reports, now.
    peers = await directory.directReports(manager.id).catch((): undefined => undefined);
  }
  if (manager && peers) {
    // Kept (again, for another period) once the manager's reports have been read.
    managerIds.write(manager.id);
  }
  const people = colleagueList(me.id, [reports, manager ? [manager] : [], peers ?? []]);
  return manager && !peers ? { people, peersToRead: { managerId: manager.id, meId: me.id } } : { people };
}

/** The peers the quick view waits for: read, added to the people and kept for the next session. */
async function withPeers(data: RecogniseData, pending: PeersToRead, deps: RecogniseDeps): Promise<RecogniseData> {
  try {
    const peers = await deps.directory.directReports(pending.managerId);
    deps.managerIds.write(pending.managerId);
    return { ...data, people: colleagueList(pending.meId, [data.people, peers]), peersToRead: undefined };
  } catch {
    // The form lists who is known, says that some could not be read and offers Try again.
    return { ...data, peersToRead: { ...pending, failed: true } };
  }
}

/** The card's words: its own and the shared recognition words, both in the page's language. */
const words: RecogniseStrings = { ...shared, ...strings };

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
      const { directory, store, giver, sessionValues, managerIds } = depsFor(environment);
      // Whatever waits in this device's outbox goes out now.
      giver.flush().catch(() => undefined);
      const [found, values] = await Promise.all([colleagues(directory, managerIds), sessionValues ? sessionValues() : store.values()]);
      const active = activeValues(values);
      if (active.length === 0) {
        throw new CardSetupRequired('noValues');
      }
      // Peers still to read imply a manager, who is in the list: empty means nobody at all.
      if (found.people.length === 0) {
        throw new CardSetupRequired('noColleagues');
      }
      return { ...found, values: cardValues(active, environment.locale), form: EMPTY_FORM };
    },
    cardView: (state, context) => recogniseCardView(state, context, words),
    quickView: (data, context) => recogniseQuickView(data, context, words),
    // A first use on this device: the peers are read now (the quick view says so until they are in).
    // After a failed read, opening again does not re-read on its own (the form would re-render
    // under the person's fingers): the form offers "Try again" instead.
    onQuickViewOpen: (data, environment) =>
      data.peersToRead && !data.peersToRead.failed ? withPeers(data, data.peersToRead, depsFor(environment)) : Promise.resolve(data),
    onAction: async (data, actionId, inputs, environment, properties) => {
      if (actionId === ANOTHER_ACTION_ID) {
        return { ...data, form: EMPTY_FORM, result: undefined };
      }
      const form = formFromInputs(data.form, inputs);
      if (actionId === RETRY_PEERS_ACTION_ID) {
        const kept = { ...data, form, result: undefined };
        return data.peersToRead ? withPeers(kept, data.peersToRead, depsFor(environment)) : kept;
      }
      // A tap the one composer answers (a value, "Write your own", the folded options, "Change").
      const event = composerEventOf(actionId);
      if (event) {
        const next = applyComposerAction(form, event);
        return { ...data, form: next.form, result: next.problems.length > 0 ? { status: 'invalid', errors: next.problems } : undefined };
      }
      const line = lineOf(actionId, form, data.values);
      if (actionId !== SEND_ACTION_ID && line === undefined) {
        return data;
      }
      // A suggested line is sent as it is; "Send" sends the person's own words.
      const pick = composerPick(composerStateOf(form), line);
      const { store, giver } = depsFor(environment);
      const person = data.people.find((p) => p.id === form.person);
      const outcome = await giveRecognition(
        { ...pick, recipients: async () => (person ? [await store.resolveRecipient(person)] : []) },
        {
          giver,
          values: () => store.values(),
          giverId: () => store.currentUserId(),
          giverName: environment.user.displayName,
          siteCode: (properties.siteCode ?? '').trim(),
          locale: environment.locale,
          requestId: requestId()
        }
      );
      switch (outcome.kind) {
        case 'sent':
          return { ...data, form: EMPTY_FORM, result: { status: 'sent', name: person?.displayName ?? '', unnotified: outcome.unnotified.length > 0 } };
        case 'queued':
          return { ...data, form: EMPTY_FORM, result: { status: 'queued', code: outcome.code } };
        case 'rejected':
          return { ...data, form, result: { status: 'rejected' } };
        case 'invalid': {
          // The composer shows the first field refused (the colleague and value, or the words), unfolded.
          const shown = applyComposerAction(form, { type: 'showProblems', fields: outcome.errors.map((e) => e.field) }).form;
          return { ...data, form: shown, result: { status: 'invalid', errors: outcome.errors } };
        }
        case 'failed':
          return { ...data, form, result: { status: 'failed', code: outcome.code } };
      }
    }
  };
}

export const recogniseCard = createRecogniseCard((environment) => {
  const services = recognitionOf(environment.services);
  const store: RecogniseDeps['store'] = {
    values: () => services.stores.values.values(),
    resolveRecipient: (profile) => services.recipients.resolveRecipient(profile),
    currentUserId: () => services.recipients.currentUserId()
  };
  return {
    directory: services.directory,
    store,
    giver: services.recognition,
    sessionValues: services.sessionValues,
    managerIds: environment.services.capability('recognise:managerIds', ({ device, userKey }) => managerIdCache(device.local, userKey))
  };
});
