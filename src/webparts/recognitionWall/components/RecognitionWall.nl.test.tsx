// The Dutch strings module, as SharePoint loads it for an nl-NL page.
jest.mock('RecognitionWallWebPartStrings', () => jest.requireActual('../loc/nl-nl.js'));
jest.mock('RecognitionSharedStrings', () => jest.requireActual('../../../ui/recognition/loc/nl-nl.js'));

import * as React from 'react';
import { setIconOptions } from '@fluentui/react/lib/Styling';
import { fireEvent, render, screen, within } from '@testing-library/react';

import type { RecognitionValue } from '../../../core/models/values';
import type { PersonProfile } from '../../../core/people/types';
import { EMPTY_PLANT_MAP } from '../../../core/plant';
import type { WallItem } from '../../../core/recognition/ports';
import type { IRecognitionWallServices } from './IRecognitionWallProps';
import { RecognitionWall } from './RecognitionWall';
import { KeptReactions } from '../../../core/recognition/keptReactions';
import { memoryStore } from '../../../core/storage';

// SharePoint registers Fluent UI's icon font; jsdom does not (and needs no glyphs).
setIconOptions({ disableWarnings: true });
const NOW = new Date('2025-03-10T12:00:00Z');
const VALUES: RecognitionValue[] = [
  { id: 1, valueKey: 'safety', title: 'Safety', sortOrder: 1, isActive: true, translations: { 'nl-nl': { name: 'Veiligheid', description: 'Veilig werken' } } }
];
const POST: WallItem = {
  id: 1,
  recipient: { id: 20, displayName: "Seán O'Brien" },
  giver: { id: 30, displayName: 'Mira Haddad' },
  kind: 'crew',
  valueKey: 'safety',
  message: 'Lijn 2 draaiende gehouden',
  siteCode: 'EIN',
  visibility: 'everyone',
  status: 'published',
  created: '2025-03-09T12:00:00Z'
};
const NOBODY: PersonProfile[] = [];

const services: IRecognitionWallServices = {
  wall: {
    start: async () => ({ values: VALUES, page: { items: [POST] }, hiddenFromPublicWall: new Set<number>(), hideMe: false, plant: EMPTY_PLANT_MAP }),
    page: async () => ({ items: [POST] }),
    reactions: async () => new Map(),
    hiddenFromPublicWall: async () => new Set(),
    lastRecognised: async () => new Map()
  },
  reactions: new KeptReactions({ react: async () => undefined }, memoryStore(), 'reactions'),
  moderation: { report: async () => 'hiddenForReporter' as const },
  preferences: { hideFromPublicWall: async () => false, setHideFromPublicWall: async () => undefined },
  people: {
    myCrew: async () => NOBODY,
    search: async () => NOBODY,
    resolve: async (p) => ({ siteUserId: 1, displayName: p.displayName, exists: true })
  },
  giving: {
    give: async () => ({ status: 'queued', reason: 'network' }),
    flush: async () => ({ sent: [], waiting: [], rejected: [] }),
    forgetRejected: () => undefined
  },
  draftStore: { read: () => undefined, write: () => undefined, clear: () => undefined },
  viewer: async () => ({ siteUserId: 10, displayName: 'Anouk de Vries', directoryId: 'dir-anouk', reportEmails: new Set<string>() })
};

describe('RecognitionWall in Dutch', () => {
  it('uses the nl-nl strings, the value’s Dutch name and Dutch relative time', async () => {
    render(
      <RecognitionWall
        services={services}
        settings={{ valueKeys: [], showReactions: true, compact: false, pageSize: 10 }}
        locale="nl-nl"
        now={() => NOW}
      />
    );
    const list = await screen.findByRole('list', { name: 'Waarderingen, nieuwste eerst' });
    const article = within(list).getByRole('article');
    expect(within(article).getByRole('heading', { name: "Mira Haddad waardeert Seán O'Brien" })).toBeTruthy();
    expect(within(article).getByText('Veiligheid')).toBeTruthy();
    expect(within(article).getByText('Ploegprijs')).toBeTruthy();
    expect(within(article).getByText('gisteren')).toBeTruthy();
    expect(within(article).getByRole('button', { name: 'Applaus (0)' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Waarderen' }));
    const panel = await screen.findByRole('dialog', { name: 'Een collega waarderen' });
    expect(within(panel).getByText('Stap 1 van 3')).toBeTruthy();
    expect(within(panel).getByRole('heading', { name: 'Wie wil je waarderen?' })).toBeTruthy();
    expect(await within(panel).findByText('Geen ploeg gevonden. Zoek op naam.')).toBeTruthy();
  });
});

describe('RecognitionWall in Dutch, on the shop floor', () => {
  it('marks a post about the reader "Over jou" and writes the reactions\' Dutch names', async () => {
    const aboutMe: WallItem = { ...POST, id: 2, kind: 'peer', recipient: { id: 10, displayName: 'Anouk de Vries' } };
    const wall = { ...services.wall, start: async () => ({ values: VALUES, page: { items: [aboutMe] }, hiddenFromPublicWall: new Set<number>(), hideMe: false, plant: EMPTY_PLANT_MAP }) };
    render(
      <RecognitionWall
        services={{ ...services, wall, provisionalViewer: { siteUserId: 10, displayName: 'Anouk de Vries', directoryId: '', reportEmails: new Set<string>() } }}
        settings={{ valueKeys: [], showReactions: true, compact: false, pageSize: 10 }}
        locale="nl-nl"
        now={() => NOW}
      />
    );
    const article = await screen.findByRole('article', { name: 'Mira Haddad waardeert Anouk de Vries Over jou' });
    expect(within(article).getByText('Over jou')).toBeTruthy();
    expect(within(article).getAllByRole('button', { name: /\(0\)$/ }).map((b) => b.textContent)).toEqual(['Applaus0', 'Duim omhoog0', 'Hartje0', 'Feest0']);
  });
});
