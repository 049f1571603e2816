/**
 * End to end, on a phone (360 × 740): HR in the Learning admin part creates a path, adds a read
 * step to it in three languages, finds it in the path's steps (a link outside the tenant is
 * refused in words with what was typed kept), and assigns the path to an operator through the
 * relay: "1 assigned", and a second time "1 already had it". In every state every interactive element is a
 * 48 × 48 px target, the page does not scroll sideways, and axe finds no serious violation; once
 * light on a strong section, once dark on none.
 */
import { adminWords } from '../../src/ui/learningAdmin/adminWords';
import { openPartAt, phoneProblems, workbenchPersonas } from './support/partAt';
import { findPersona, type Persona } from './support/phoneParts';
import { workbenchSession } from './support/session';

jest.setTimeout(300_000);

const e2e = workbenchSession();
const PART = 'LearningAdminWebPart';
const en = adminWords('en-us');

describe('the Learning admin part on a phone, as HR', () => {
  let hr: Persona;
  let operator: Persona;

  beforeAll(async () => {
    const personas = await workbenchPersonas(e2e);
    hr = findPersona(personas, 'HR');
    operator = findPersona(personas, 'Operator');
  });

  it('light theme, strong section: HR creates a path and a read step, a link outside the tenant refused, and assigns it', async () => {
    const opened = await openPartAt(e2e, PART, 'light', 'strong', hr, { locale: 'en-us' });
    const { part } = opened;
    try {
      await part.getByRole('heading', { name: en.heading }).waitFor({ timeout: 60_000 });
      await part.getByRole('button', { name: en.newPath }).waitFor();
      expect(await phoneProblems(opened, 'light/strong list')).toEqual([]);

      await part.getByRole('button', { name: en.newPath }).click();
      const name = `Press 12 qualification ${Date.now()}`;
      await part.getByLabel('Name (English)').fill(name);
      await part.getByLabel('Name (Dutch)').fill('Pers 12 kwalificatie');
      await part.getByLabel('Name (Swedish)').fill('Press 12 kvalificering');
      expect(await phoneProblems(opened, 'light/strong path form')).toEqual([]);
      await part.getByRole('button', { name: en.save }).click();
      await part.getByText(en.saved).waitFor();

      const row = part.getByRole('listitem').filter({ hasText: name });
      await row.getByRole('button', { name: en.steps }).click();
      await part.getByRole('button', { name: en.addStep }).click();
      await part.getByLabel('Title (English)').fill('Press 12 safety sheet');
      await part.getByLabel('Title (Dutch)').fill('Veiligheidsblad pers 12');
      await part.getByLabel('Title (Swedish)').fill('Säkerhetsblad press 12');
      await part.getByLabel(en.contentUrl).fill('https://evil.example.com/sheet');
      await part.getByRole('button', { name: en.save }).click();
      await part.getByRole('alert').getByText(en.form.contentUrlOutsideTenant).waitFor();
      expect(await part.getByLabel('Title (English)').inputValue()).toBe('Press 12 safety sheet');
      expect(await phoneProblems(opened, 'light/strong step refused')).toEqual([]);

      await part.getByLabel(en.contentUrl).fill('/sites/engage/SitePages/press12.aspx');
      await part.getByRole('button', { name: en.save }).click();
      await part.getByText(en.saved).waitFor();
      await part.getByRole('listitem').filter({ hasText: 'Press 12 safety sheet' }).getByRole('button', { name: en.editStep }).waitFor();

      // Assigned through the relay to an operator found by name; a second time, they had it.
      await part.getByRole('button', { name: en.back }).click();
      await part.getByRole('listitem').filter({ hasText: name }).getByRole('button', { name: en.assign }).click();
      await part.getByLabel(en.searchPeople).fill(operator.displayName);
      await part.getByRole('button', { name: `Add ${operator.displayName}` }).click();
      await part.getByRole('button', { name: en.assignButton, exact: true }).click();
      await part.getByText('1 assigned, 0 already had it.').waitFor({ timeout: 30_000 });
      expect(await phoneProblems(opened, 'light/strong assigned')).toEqual([]);
      await part.getByRole('button', { name: en.assignButton, exact: true }).click();
      await part.getByText('0 assigned, 1 already had it.').waitFor({ timeout: 30_000 });
      expect(opened.problems).toEqual([]);
    } finally {
      await opened.context.close();
    }
  });

  it('dark theme, no section: the list and the assign form with colleagues and crews, every target 48 px, no sideways scroll, axe clean', async () => {
    const opened = await openPartAt(e2e, PART, 'dark', 'none', hr, { locale: 'en-us' });
    try {
      await opened.part.getByRole('button', { name: en.newPath }).waitFor({ timeout: 60_000 });
      expect(await phoneProblems(opened, 'dark/none list')).toEqual([]);
      await opened.part.getByRole('button', { name: en.assign }).first().click();
      await opened.part.getByLabel(en.searchPeople).fill(hr.userPrincipalName.slice(0, 4));
      // Colleagues from Graph people search, each offered as a 48 px "Add …" button.
      await opened.part.getByRole('button', { name: /^Add / }).first().waitFor({ timeout: 30_000 });
      expect(await phoneProblems(opened, 'dark/none assign people')).toEqual([]);
      // The crews from the relay (HR may list them).
      await opened.part.getByLabel(en.audiences.crew).check();
      await opened.part.getByLabel(en.crew).locator('option').nth(1).waitFor({ state: 'attached', timeout: 30_000 });
      expect(await phoneProblems(opened, 'dark/none assign crew')).toEqual([]);
      expect(opened.problems).toEqual([]);
    } finally {
      await opened.context.close();
    }
  });
});
