/**
 * End to end, on the shop floor's phone (360 × 740), light and dark: Recognition admin and
 * Engage setup, every state a person reaches in them.
 *
 * Recognition admin as HR (Leyla Ünal): the values; a value's editor open; the editor after a
 * save it refused (an icon no part can show, named in the message); the moderation queue with
 * the seeded reports. As an operator (Åsa Bäckström): the values read only, with the sentences
 * why, and nothing to edit or decide. Engage setup as the site's owner: the lists, one card per
 * list on the phone. In every state, every interactive element is a 48 × 48 px target as a
 * finger meets it (./support/targets.ts), nothing scrolls the page sideways, and axe finds no
 * serious violation (colour contrast included) with the part on a strong and on no section
 * background.
 */
import { newContext, PHONE } from './support/browser';
import { findPersona, type OpenedPart, openPart, type Persona, partWords, type Section, stateProblems, type Theme } from './support/phoneParts';
import { workbenchSession } from './support/session';
import { openWorkbench, pageConfig, pageScrollsSideways, partSettled, type PageConfig } from './support/workbench';

jest.setTimeout(300_000);

const e2e = workbenchSession();

const admin = partWords('webparts/recognitionAdmin');
const setup = partWords('webparts/engageSetup');

const ADMIN = 'RecognitionAdminWebPart';
const SETUP = 'EngageSetupWebPart';

/** Light and dark, each on a strong and on no section background. */
const LOOKS: ReadonlyArray<[Theme, Section]> = [
  ['light', 'none'],
  ['light', 'strong'],
  ['dark', 'none'],
  ['dark', 'strong']
];

let personas: PageConfig['personas'] = [];

function persona(label: 'Operator' | 'HR' | 'Site admin'): Persona {
  return findPersona(personas, label);
}

type Opened = OpenedPart;

const open = (alias: string, theme: Theme, section: Section, who: Persona): Promise<Opened> => openPart(e2e, alias, theme, section, who);

/** What a state gets wrong, added to `findings`: collected, so one run names every state that fails. */
async function check(findings: string[], opened: Opened, state: string): Promise<void> {
  const { page, part } = opened;
  findings.push(...(await stateProblems(page, state, part)));
  if (await pageScrollsSideways(page)) {
    findings.push(`${state}: the page scrolls sideways`);
  }
}

beforeAll(async () => {
  const probe = await newContext(e2e.browser, e2e.tenant.origin, PHONE);
  try {
    await openWorkbench(probe.page, e2e.tenant.workbenchUrl);
    personas = (await pageConfig(probe.page)).personas;
  } finally {
    await probe.context.close();
  }
});

describe('Recognition admin on a phone', () => {
  it.each(LOOKS)('HR, %s theme, %s section: values, editor, a refused save, moderation queue', async (theme, section) => {
    const findings: string[] = [];
    const opened = await open(ADMIN, theme, section, persona('HR'));
    const { part, problems } = opened;
    const look = `HR ${theme}/${section}`;
    try {
      const list = part.getByRole('list', { name: admin.ValuesListLabel });
      await list.waitFor({ timeout: 60_000 });
      expect(await part.getByRole('button', { name: admin.NewValue }).count()).toBe(1);
      await check(findings, opened, `${look} values`);

      await part.getByRole('button', { name: admin.EditValueLabel.replace('{0}', 'Safety') }).click();
      const form = part.getByRole('form');
      const icon = form.getByRole('textbox', { name: /^Icon/ });
      await icon.waitFor();
      await check(findings, opened, `${look} editor`);

      // A bogus icon: refused before anything is written, with the reason under the field.
      await icon.fill('Sheild');
      await form.getByRole('button', { name: admin.Save }).click();
      await form.getByText(admin.ErrorIconUnknown.replace('{0}', 'Sheild')).waitFor();
      await check(findings, opened, `${look} editor, refused`);
      await form.getByRole('button', { name: admin.Cancel }).click();

      await part.getByRole('tab', { name: admin.ModerationTab }).click();
      await part.getByTestId('report').first().waitFor({ timeout: 30_000 });
      await check(findings, opened, `${look} moderation queue`);
      expect(findings).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await opened.context.close();
    }
  });

  it.each<[Theme, Section]>([
    ['light', 'strong'],
    ['dark', 'none']
  ])('operator, %s theme, %s section: the values read only, and why; nothing to edit or decide', async (theme, section) => {
    const findings: string[] = [];
    const opened = await open(ADMIN, theme, section, persona('Operator'));
    const { part, problems } = opened;
    try {
      await part.getByRole('list', { name: admin.ValuesListLabel }).waitFor({ timeout: 60_000 });
      await part.getByText(admin.ReadOnlyValues).waitFor();
      await part.getByText(admin.NoModerationRights).waitFor();
      expect(await part.getByRole('button').count()).toBe(0);
      expect(await part.getByRole('tab').count()).toBe(0);
      expect(await part.getByRole('textbox').count()).toBe(0);
      await check(findings, opened, `operator ${theme}/${section} values`);
      expect(findings).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await opened.context.close();
    }
  });
});

describe('Engage setup on a phone', () => {
  it.each(LOOKS)('site owner, %s theme, %s section: the lists, one card per list', async (theme, section) => {
    const findings: string[] = [];
    const opened = await open(SETUP, theme, section, persona('Site admin'));
    const { part, page, problems } = opened;
    try {
      expect(await partSettled(page, setup.Heading)).toBe('table');
      expect(await part.getByRole('row').count()).toBeGreaterThan(1);
      await check(findings, opened, `setup ${theme}/${section} lists`);
      expect(findings).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await opened.context.close();
    }
  });
});
