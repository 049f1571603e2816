/**
 * End to end in Chromium against the demo plant: the team leader's crew with days since each
 * person was last recognised; HR edits a value's Dutch name and sees it; HR decides on the
 * seeded reported post. Axe scans each view.
 */
import type { Page } from 'playwright-core';

import { DESKTOP, newContext, PHONE, seriousAxeViolations } from './support/browser';
import { workbenchSession } from './support/session';
import { openWorkbench, pageConfig, switchTo } from './support/workbench';

jest.setTimeout(240_000);

const e2e = workbenchSession();

/** Opens one part as a persona. */
async function openAs(persona: RegExp, part: string, viewport = DESKTOP, query = ''): Promise<Awaited<ReturnType<typeof newContext>>> {
  const session = await newContext(e2e.browser, e2e.tenant.origin, viewport, 'Europe/Stockholm');
  await openWorkbench(session.page, `${e2e.tenant.workbenchUrl}?part=${part}${query}`);
  await switchTo(session.page, 'Persona', persona);
  return session;
}

function crewPart(page: Page): ReturnType<Page['locator']> {
  return page.locator('[data-part-alias="CrewRecognitionWebPart"]');
}

function adminPart(page: Page): ReturnType<Page['locator']> {
  return page.locator('[data-part-alias="RecognitionAdminWebPart"]');
}

describe('My crew (team leader)', () => {
  it('lists the crew with days since last recognised, never-recognised first, on a phone', async () => {
    const { context, page, problems } = await openAs(/^Team leader: /, 'CrewRecognitionWebPart', PHONE);
    try {
      const list = crewPart(page).getByRole('list', { name: /Crew members/ });
      await list.waitFor({ timeout: 60_000 });
      const rows = await list.getByTestId('crew-member').allTextContents();
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row).toMatch(/Never recognised|Recognised today|\d+ days? since last recognised|Not on this site yet/);
      }
      // Never-recognised people come first; then days descend.
      const days = rows.map((row) => (/Never recognised/.test(row) ? Infinity : Number(/(\d+) days/.exec(row)?.[1] ?? 0)));
      expect(days).toEqual([...days].sort((a, b) => b - a));
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      expect((await pageConfig(page)).user.displayName).toBeTruthy();
    } finally {
      await context.close();
    }
  });

  it('recognises the first person in the leader\'s own words and moves them down', async () => {
    const { context, page } = await openAs(/^Team leader: /, 'CrewRecognitionWebPart');
    try {
      const part = crewPart(page);
      const first = part.getByTestId('crew-member').first();
      await first.waitFor({ timeout: 60_000 });
      const name = (await first.locator('span').first().textContent()) ?? '';
      await first.getByRole('button', { name: `Recognise ${name}` }).click();
      const dialog = page.getByRole('dialog', { name: `Recognise ${name}` });
      // A value (a tap moves on), then the leader's own words instead of a suggested line.
      await dialog.getByRole('button', { name: 'Safety', exact: true }).click();
      await dialog.getByRole('button', { name: 'Write your own' }).click();
      await dialog.getByRole('textbox', { name: /What did they do/ }).fill('Stopped the line when the guard was loose – nobody got hurt.');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Send' }).click();
      await part.getByText(`Sent to ${name}.`).waitFor();
      await expect(part.getByTestId('crew-member').filter({ hasText: name }).textContent()).resolves.toContain('Recognised today');
    } finally {
      await context.close();
    }
  });
});

describe('Recognition admin (HR)', () => {
  it('edits a value’s Dutch name and sees it in Dutch', async () => {
    const { context, page, problems } = await openAs(/^HR: /, 'RecognitionAdminWebPart');
    try {
      const part = adminPart(page);
      await part.getByRole('list', { name: 'Recognition values' }).waitFor({ timeout: 60_000 });
      expect(await seriousAxeViolations(page)).toEqual([]);
      await part.getByRole('button', { name: 'Edit Safety' }).click();
      await part.getByRole('textbox', { name: 'Name (Dutch)' }).fill('Veilig werken');
      await part.getByRole('button', { name: 'Save' }).click();
      await part.getByText('Saved Safety.').waitFor();
      await switchTo(page, 'Language', /Nederlands/);
      await adminPart(page).getByRole('list', { name: 'Waarden voor waarderingen' }).getByText('Veilig werken').waitFor({ timeout: 60_000 });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('dismisses the seeded reported post with a note', async () => {
    const { context, page } = await openAs(/^HR: /, 'RecognitionAdminWebPart');
    try {
      const part = adminPart(page);
      await part.getByRole('tab', { name: 'Moderation' }).click();
      const report = part.getByTestId('report').first();
      await report.waitFor({ timeout: 60_000 });
      const before = await part.getByTestId('report').count();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await report.getByRole('textbox', { name: /Note on your decision/ }).fill('Checked with the team leader.');
      await report.getByRole('button', { name: 'Dismiss: put the post back' }).click();
      await part.getByText('The post is back on the wall.').waitFor();
      expect(await part.getByTestId('report').count()).toBe(before - 1);
    } finally {
      await context.close();
    }
  });
});
