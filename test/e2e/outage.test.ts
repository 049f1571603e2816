/**
 * End to end: every part and card in an outage of SharePoint or of Graph, switched on with the
 * local tenant's fault switches (`POST /_local/faults`: every request to that service answered
 * 503 with Retry-After). A part that needs the service shows its error with "Try again" within
 * 10 s of the page starting to load it (the bound of the wait itself), and recovers once the
 * service is back: on "Try again", and by itself without anyone touching the page. A part that
 * does not need the service shows its content anyway, within the same 10 s.
 */
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';

import { learningWords } from '../../src/ui/learning/learningWords';
import { adminWords } from '../../src/ui/learningAdmin/adminWords';
import { loadAmdStrings } from '../support/sources';
import { DESKTOP, newContext } from './support/browser';
import { NO_FAULTS, outageOf, setFaults } from './support/faults';
import { workbenchSession } from './support/session';
import { openWorkbench, switchTo } from './support/workbench';

jest.setTimeout(90_000);

const e2e = workbenchSession();

/** Within 10 s of the page starting to load the part: the error and its "Try again". */
const ERROR_WITHIN_MS = 10_000;
/** Once the service is back: "Try again" loads at once. */
const TRY_AGAIN_WITHIN_MS = 10_000;
/** Once the service is back: the part's own next try (a few seconds after its last failure). */
const BY_ITSELF_WITHIN_MS = 20_000;

type Service = 'sharepoint' | 'graph';
const OUTAGE: Record<Service, object> = { sharepoint: outageOf('/_api/'), graph: outageOf('/graph/') };

function words(folder: string): Record<string, string> {
  return loadAmdStrings(path.join(__dirname, '..', '..', 'src', folder, 'loc', 'en-us.js')) as Record<string, string>;
}

const shared = words('ui/recognition');
const wall = words('webparts/recognitionWall');
const crew = words('webparts/crewRecognition');
const admin = words('webparts/recognitionAdmin');
const setup = words('webparts/engageSetup');
const nextShift = words('adaptiveCardExtensions/myNextShift');
const shiftStatus = words('extensions/shiftStatus');
const learning = learningWords('en-us');
const learningAdmin = adminWords('en-us');

interface PartCase {
  readonly name: string;
  readonly alias: string;
  /** Signed in as (a workbench persona); the default persona otherwise. */
  readonly persona?: RegExp;
  /** What the part needs: in an outage of one of these it shows its error. */
  readonly needs: readonly Service[];
  /** The part's error and its "Try again" button. */
  error(part: Locator): Locator;
  retry(part: Locator): Locator;
  /** The part with its content. */
  ready(part: Locator): Locator;
}

const cardError = (part: Locator): Locator => part.locator('[data-card-status="error"]');
const cardReady = (part: Locator): Locator => part.locator('[data-card-status="ready"]');

const PARTS: readonly PartCase[] = [
  {
    name: 'Recognition wall',
    alias: 'RecognitionWallWebPart',
    needs: ['sharepoint'],
    error: (part) => part.getByText(wall.LoadFailed),
    retry: (part) => part.getByRole('button', { name: shared.Retry }),
    ready: (part) => part.getByRole('list', { name: wall.FeedLabel })
  },
  {
    name: 'My crew',
    alias: 'CrewRecognitionWebPart',
    persona: /^Team leader: /,
    needs: ['sharepoint', 'graph'],
    error: (part) => part.getByText(crew.LoadFailed),
    retry: (part) => part.getByRole('button', { name: shared.Retry }),
    ready: (part) => part.getByRole('list', { name: crew.CrewListLabel })
  },
  {
    name: 'Recognition admin',
    alias: 'RecognitionAdminWebPart',
    persona: /^HR: /,
    needs: ['sharepoint'],
    error: (part) => part.getByText(admin.LoadFailed),
    retry: (part) => part.getByRole('button', { name: shared.Retry }),
    ready: (part) => part.getByRole('list', { name: admin.ValuesListLabel })
  },
  {
    name: 'Engage Setup',
    alias: 'EngageSetupWebPart',
    persona: /^Site admin: /,
    needs: ['sharepoint'],
    error: (part) => part.getByText(setup.LoadFailed),
    retry: (part) => part.getByRole('button', { name: setup.Retry }),
    ready: (part) => part.getByRole('table').or(part.getByText(setup.AllReady))
  },
  {
    name: 'Learning admin',
    alias: 'LearningAdminWebPart',
    persona: /^HR: /,
    needs: ['sharepoint'],
    error: (part) => part.getByText(learningAdmin.store.throttled ?? learningAdmin.storeDefault),
    retry: (part) => part.getByRole('button', { name: learningAdmin.tryAgain }),
    ready: (part) => part.getByRole('button', { name: learningAdmin.newPath })
  },
  {
    name: 'Recognise card',
    alias: 'RecogniseAdaptiveCardExtension',
    needs: ['sharepoint', 'graph'],
    error: cardError,
    retry: (part) => part.getByRole('button', { name: shared.Retry }),
    ready: cardReady
  },
  {
    name: 'My next shift card',
    alias: 'MyNextShiftAdaptiveCardExtension',
    needs: ['graph'],
    error: cardError,
    retry: (part) => part.getByRole('button', { name: nextShift.Retry }),
    ready: cardReady
  },
  {
    // The face reads SharePoint only; the Viva Learning courses (Graph) wait for the quick view.
    name: 'My learning card',
    alias: 'MyLearningAdaptiveCardExtension',
    needs: ['sharepoint'],
    error: cardError,
    retry: (part) => part.getByRole('button', { name: learning.tryAgain }),
    ready: cardReady
  },
  {
    name: 'Shift status',
    alias: 'ShiftStatusApplicationCustomizer',
    needs: ['graph'],
    error: (part) => part.getByText(shiftStatus.LoadFailed),
    retry: (part) => part.getByRole('button', { name: shiftStatus.Retry }),
    ready: (part) => part.locator('[role="status"][data-busy="false"]').filter({ hasNotText: shiftStatus.LoadFailed })
  }
];

async function faults(settings: object): Promise<void> {
  await setFaults(e2e.tenant.origin, settings);
}

interface Opened {
  readonly page: Page;
  readonly part: Locator;
  /** When the page that loads the part under the fault started loading. */
  readonly started: number;
  /** Uncaught errors in the page. */
  readonly pageErrors: () => string[];
  close(): Promise<void>;
}

/** A fresh browser context (nothing cached) showing only this part, loaded while `outage` is on. */
async function openIn(c: PartCase, outage: object): Promise<Opened> {
  const { context, page, problems } = await newContext(e2e.browser, e2e.tenant.origin, DESKTOP, 'Europe/Stockholm');
  const url = `${e2e.tenant.workbenchUrl}?part=${c.alias}&edit=0&tab=page`;
  let started: number;
  if (c.persona) {
    await openWorkbench(page, url);
    await faults(outage);
    started = Date.now();
    await switchTo(page, 'Persona', c.persona);
  } else {
    await faults(outage);
    started = Date.now();
    await openWorkbench(page, url);
  }
  return {
    page,
    part: page.locator(`[data-part-alias="${c.alias}"]`),
    started,
    // Failed requests are console errors in Chromium; what must not happen is an uncaught one.
    pageErrors: () => problems.filter((p) => p.startsWith('page error:')),
    close: () => context.close()
  };
}

/** Waits for `locator` until `ms` after `since` (the test's bound, not a measured time). */
async function within(locator: Locator, since: number, ms: number): Promise<void> {
  await locator.first().waitFor({ timeout: Math.max(1, since + ms - Date.now()) });
}

beforeAll(async () => {
  // The workbench builds its bundle on the first page: built before any test starts its clock.
  const { context, page } = await newContext(e2e.browser, e2e.tenant.origin, DESKTOP);
  await openWorkbench(page, `${e2e.tenant.workbenchUrl}?part=${PARTS[0].alias}`);
  await context.close();
}, 180_000);

afterEach(async () => {
  await faults(NO_FAULTS);
});

const SERVICES: readonly Service[] = ['sharepoint', 'graph'];
const NAMES: Record<Service, string> = { sharepoint: 'SharePoint', graph: 'Graph' };

const needing = PARTS.flatMap((c) => SERVICES.filter((s) => c.needs.includes(s)).map((s) => [c.name, NAMES[s], c, s] as const));
const notNeeding = PARTS.flatMap((c) => SERVICES.filter((s) => !c.needs.includes(s)).map((s) => [c.name, NAMES[s], c, s] as const));

describe.each(needing)('%s in a %s outage', (_name, _service, c, service) => {
  it('shows its error with "Try again" within 10 s, and loads on "Try again" once the service is back', async () => {
    const opened = await openIn(c, OUTAGE[service]);
    try {
      await within(c.error(opened.part), opened.started, ERROR_WITHIN_MS);
      await within(c.retry(opened.part), opened.started, ERROR_WITHIN_MS);
      await faults(NO_FAULTS);
      const clicked = Date.now();
      await c.retry(opened.part).first().click();
      await within(c.ready(opened.part), clicked, TRY_AGAIN_WITHIN_MS);
      expect(await c.error(opened.part).count()).toBe(0);
      expect(opened.pageErrors()).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('recovers by itself once the service is back, with nobody touching the page', async () => {
    const opened = await openIn(c, OUTAGE[service]);
    try {
      await within(c.error(opened.part), opened.started, ERROR_WITHIN_MS);
      await faults(NO_FAULTS);
      const back = Date.now();
      await within(c.ready(opened.part), back, BY_ITSELF_WITHIN_MS);
      expect(await c.error(opened.part).count()).toBe(0);
      expect(opened.pageErrors()).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});

describe.each(notNeeding)('%s in a %s outage', (_name, _service, c, service) => {
  it('shows its content anyway, within 10 s', async () => {
    const opened = await openIn(c, OUTAGE[service]);
    try {
      await within(c.ready(opened.part), opened.started, ERROR_WITHIN_MS);
      expect(await c.error(opened.part).count()).toBe(0);
    } finally {
      await opened.close();
    }
  });
});
