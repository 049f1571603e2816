/**
 * The Recognition wall part: what SharePoint and the workbench host. Adapts the page's shared
 * recognition services (`src/app/recognition.ts`) to the wall and renders the component.
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import * as strings from 'RecognitionWallWebPartStrings';

import type { PersonProfile } from '../../core/people/types';
import { type CrewRef, workplaceOf } from '../../core/plant';
import { ThemedPart } from '../../ui/host/ThemedPart';
import type { HostEnvironment, PartDefinition } from '../../app/host/types';
import { type IRecognitionWallServices, RecognitionWall } from './components';
import { siteCodeCheck, valueKeyCheck } from '../../app/paneChecks';
import { recognitionOf } from '../../app/recognition';
import { parseValueKeys, type WallViewer } from '../../core/recognition/wallRules';
import { wallSnapshots } from './wallSnapshot';

export interface IRecognitionWallWebPartProps {
  /** Site code the wall shows first (empty: all sites). */
  defaultSiteCode: string;
  /** Value key the wall shows first (empty: all values). */
  defaultValueKey: string;
  /** Value keys to show, comma separated (empty: all). */
  valueKeys: string;
  showReactions: boolean;
  compact: boolean;
  pageSize: number;
}

const DEFAULT_PAGE_SIZE = 10;

function emailsOf(people: readonly PersonProfile[]): Set<string> {
  const emails = new Set<string>();
  for (const person of people) {
    for (const address of [person.mail, person.userPrincipalName]) {
      if (address) {
        emails.add(address.toLowerCase());
      }
    }
  }
  return emails;
}

function buildServices(environment: HostEnvironment): IRecognitionWallServices {
  // The recognition services every recognition part shares (stores, directory, crews, outbox, draft).
  const { stores, directory, crews, outbox, reactions, recognition: service, recipients, moderation, draft } = recognitionOf(environment.services);
  // Crews come from Teams Shifts; a reader without a schedule simply has no crew.
  const myCrews = (): Promise<CrewRef[]> => crews.myCrews().catch((): CrewRef[] => []);

  // Direct reports make a leader (their private recognitions are the leader's to see). Reading
  // them needs only User.Read; when it fails the reader simply sees what a non-leader sees.
  const reports = (): Promise<PersonProfile[]> => directory.directReports().catch(() => []);

  return {
    wall: stores.wall,
    reactions,
    moderation,
    preferences: stores.preferences,
    people: {
      myCrew: async () => {
        const mine = await directory.directReports();
        if (mine.length > 0) {
          return mine;
        }
        const [me, manager] = await Promise.all([directory.me(), directory.manager()]);
        return manager ? (await directory.directReports(manager.id)).filter((p) => p.id !== me.id) : [];
      },
      search: (text) => directory.search(text, 10),
      // The site user, and where the person works: crew from the schedules, site and line
      // from the directory through the plant map.
      resolve: (profile) => recipients.resolveRecipient(profile)
    },
    giving: {
      give: (draft, context, names) => service.give(draft, context, names),
      flush: () => service.flush(),
      forgetRejected: (requestId) => {
        outbox.takeRejected(requestId);
      }
    },
    viewer: async (): Promise<WallViewer> => {
      // `me` and the direct reports go out in one Graph `$batch`; the crew from the schedules.
      const [me, myReports, mine] = await Promise.all([directory.me(), reports(), myCrews()]);
      // From the page context when it has it; asked of SharePoint otherwise.
      const siteUserId = await stores.recipients.currentUserId();
      // By now the wall's first batch has read the plant map (it is read once).
      const at = workplaceOf(me, await stores.recipients.plantMap(), mine[0]);
      return {
        siteUserId,
        displayName: me.displayName,
        directoryId: me.id,
        crewKey: at.crewKey,
        siteCode: at.siteCode,
        reportEmails: emailsOf(myReports)
      };
    },
    draftStore: draft,
    // The page context knows who reads: the wall paints with that while the directory answers.
    provisionalViewer:
      environment.user.siteUserId !== undefined
        ? { siteUserId: environment.user.siteUserId, displayName: environment.user.displayName, directoryId: '', reportEmails: new Set<string>() }
        : undefined,
    snapshots: wallSnapshots(environment.services.device.sessionBacking, environment.services.keyFor('recognition-wall'))
  };
}

/** The wall's services: built once per web and person, so a property change re-renders without reloading. */
function servicesFor(environment: HostEnvironment): IRecognitionWallServices {
  return environment.services.capability('recognition:wall', () => buildServices(environment));
}

export const recognitionWallPart: PartDefinition<IRecognitionWallWebPartProps> = {
  id: '0cdbc25d-2bbb-4f48-bdfa-babfb7e83594',
  alias: 'RecognitionWallWebPart',
  kind: 'webPart',
  defaultProperties: {
    defaultSiteCode: '',
    defaultValueKey: '',
    valueKeys: '',
    showReactions: true,
    compact: false,
    pageSize: DEFAULT_PAGE_SIZE
  },
  // Keys and codes the site does not have are named in the pane (a wall filtered on them shows nothing).
  propertyPane: (environment) => ({
    description: strings.PropertyPaneDescription,
    groups: [
      {
        name: strings.FiltersGroupName,
        fields: [
          { kind: 'text', name: 'defaultSiteCode', label: strings.DefaultSiteLabel, validate: environment && siteCodeCheck(environment) },
          { kind: 'text', name: 'defaultValueKey', label: strings.DefaultValueLabel, validate: environment && valueKeyCheck(environment) },
          { kind: 'text', name: 'valueKeys', label: strings.ValueKeysLabel, multiline: true, validate: environment && valueKeyCheck(environment, true) }
        ]
      },
      {
        name: strings.DisplayGroupName,
        fields: [
          { kind: 'toggle', name: 'showReactions', label: strings.ShowReactionsLabel },
          { kind: 'toggle', name: 'compact', label: strings.CompactLabel },
          { kind: 'number', name: 'pageSize', label: strings.PageSizeLabel, min: 5, max: 50 }
        ]
      }
    ]
  }),
  render: (element, environment, properties) => {
    const pageSize = Number(properties.pageSize);
    const settings = {
      defaultSiteCode: (properties.defaultSiteCode ?? '').trim(),
      defaultValueKey: (properties.defaultValueKey ?? '').trim(),
      valueKeys: parseValueKeys(properties.valueKeys),
      showReactions: properties.showReactions !== false,
      compact: properties.compact === true,
      pageSize: pageSize >= 1 && pageSize <= 50 ? Math.round(pageSize) : DEFAULT_PAGE_SIZE
    };
    ReactDom.render(
      <ThemedPart theme={environment.theme}>
        <RecognitionWall
          // New default filters start the wall afresh.
          key={`${settings.defaultSiteCode}|${settings.defaultValueKey}`}
          services={servicesFor(environment)}
          settings={settings}
          locale={environment.locale}
        />
      </ThemedPart>,
      element
    );
  },
  dispose: (element) => {
    ReactDom.unmountComponentAtNode(element);
  }
};
