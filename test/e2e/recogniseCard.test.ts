/**
 * End to end: the "Recognise" Viva Connections card in the workbench, on a 360 px phone, as the
 * operator (Åsa Bäckström), against the local tenant (real PnPjs to its SharePoint REST, real
 * Graph). She recognises the agency welder in her crew (Seán O'Brien) from the quick view form;
 * what was written is read back over SharePoint REST as the recipient, and the Teams
 * notification from the local Graph's record. Words come from the card's strings files, value
 * names from SE_Values, so the test holds in every language.
 */
import * as path from 'path';
import type { BrowserContext, Locator, Page } from 'playwright-core';

import type { RecogniseStrings } from '../../src/adaptiveCardExtensions/recognise/recogniseViews';
import { format } from '../../src/ui/format';
import { loadAmdStrings } from '../support/sources';
import { newContext, PHONE, seriousAxeViolations } from './support/browser';
import { activeValueNames, card, cardSettled, cardText, recordedNotifications, storedRecognitions } from './support/cards';
import { workbenchSession } from './support/session';
import { openWorkbench, pageConfig, type PageConfig, pageScrollsSideways, switchTo } from './support/workbench';

jest.setTimeout(240_000);

const ALIAS = 'RecogniseAdaptiveCardExtension';
const LANGUAGES: Record<string, RegExp> = { 'nl-nl': /Nederlands/, 'sv-se': /Svenska/ };

const e2e = workbenchSession();

function strings(locale: string): RecogniseStrings {
  // The card's words as SharePoint gives them: the shared recognition strings and the card's own.
  const shared = path.join(__dirname, '..', '..', 'src', 'ui', 'recognition', 'loc', `${locale}.js`);
  const own = path.join(__dirname, '..', '..', 'src', 'adaptiveCardExtensions', 'recognise', 'loc', `${locale}.js`);
  return { ...loadAmdStrings(shared), ...loadAmdStrings(own) } as unknown as RecogniseStrings;
}

type Persona = PageConfig['personas'][number];

interface Opened {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly problems: string[];
  readonly external: string[];
  /** The signed-in operator and the agency colleague, as the workbench names them. */
  readonly me: Persona;
  readonly colleague: Persona;
}

function personaOf(config: PageConfig, label: string): Persona {
  const persona = config.personas.find((p) => p.label === label);
  if (!persona) {
    throw new Error(`The workbench offers no "${label}" persona.`);
  }
  return persona;
}

const CARD_URL = (): string => `${e2e.tenant.workbenchUrl}?part=${ALIAS}&theme=light&frame=phone&edit=0&tab=page`;

/** The card alone on a phone-framed page as the operator (the workbench's default persona), in a language. */
async function openCard(locale = 'en-us'): Promise<Opened> {
  const session = await newContext(e2e.browser, e2e.tenant.origin, PHONE);
  await openWorkbench(session.page, CARD_URL());
  const language = LANGUAGES[locale];
  if (language) {
    await switchTo(session.page, 'Language', language);
  }
  const config = await pageConfig(session.page);
  expect(config.locale).toBe(locale);
  const me = personaOf(config, 'Operator');
  expect(config.user.userPrincipalName).toBe(me.userPrincipalName);
  expect(me.displayName).toBe('Åsa Bäckström');
  const colleague = personaOf(config, 'Agency operator');
  expect(colleague.displayName).toBe("Seán O'Brien");
  expect(await cardSettled(session.page, ALIAS)).toBe('ready');
  return { ...session, me, colleague };
}

/** Opens the quick view from the card's button; answers the dialog, its form rendered. */
async function openForm(page: Page, text: RecogniseStrings): Promise<Locator> {
  await card(page, ALIAS).getByRole('button', { name: text.OpenButton, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: text.Title });
  await dialog.getByRole('combobox', { name: text.PersonLabel }).waitFor();
  return dialog;
}

interface Entry {
  readonly person?: string;
  readonly value?: string;
  readonly message?: string;
}

/** Fills the form like a person: the colleague from the list, a value, the message; then Send. */
async function fillAndSend(dialog: Locator, text: RecogniseStrings, entry: Entry): Promise<void> {
  if (entry.person !== undefined) {
    await dialog.getByRole('combobox', { name: text.PersonLabel }).selectOption({ label: entry.person });
  }
  if (entry.value !== undefined) {
    await dialog.getByRole('combobox', { name: text.ValueLabel }).selectOption({ label: entry.value });
  }
  if (entry.message !== undefined) {
    await dialog.getByRole('textbox', { name: text.MessageLabel }).fill(entry.message);
  }
  await dialog.getByRole('button', { name: text.SendButton, exact: true }).click();
}

/** The names a drop-down of the form offers (its placeholder left out). */
async function offered(dialog: Locator, label: string): Promise<string[]> {
  return dialog
    .getByRole('combobox', { name: label })
    .locator('option:not([disabled])')
    .evaluateAll((options) => options.map((option) => (option.textContent ?? '').trim()));
}

/** Graph requests the local tenant answered since the last reset, once none has come for a second. */
async function graphRequestsWhenQuiet(): Promise<number> {
  const read = async (): Promise<number> => {
    const stats = (await (await fetch(`${e2e.tenant.origin}/_local/stats`)).json()) as { byService: Record<string, number> };
    return stats.byService.graph ?? 0;
  };
  let last = await read();
  for (let quiet = 0; quiet < 4; ) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await read();
    quiet = now === last ? quiet + 1 : 0;
    last = now;
  }
  return last;
}

async function resetRequestStats(): Promise<void> {
  await fetch(`${e2e.tenant.origin}/_local/stats`, { method: 'POST' });
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await read();
  }
  return value;
}

describe('Recognise card', () => {
  const en = strings('en-us');

  it('the operator on a phone recognises Seán O\'Brien: one item in SE_Recognitions and a Teams notification', async () => {
    const { context, page, problems, external, me, colleague } = await openCard();
    try {
      const shown = await cardText(page, ALIAS);
      expect(shown).toEqual({ title: en.Title, primary: en.PrimaryText, description: en.Description });
      const values = await activeValueNames(e2e.tenant.origin, colleague.userPrincipalName, 'en-us');
      expect(values.length).toBeGreaterThan(1);
      // Not the value the form starts on: the one she picks is the one stored.
      const value = values[1];
      const message = `Seán's quick stop on weld cell 2 kept the jig whole 👏🔥 — thank you! #${Date.now()}`;
      const notifiedBefore = await recordedNotifications(e2e.tenant.origin, colleague.userPrincipalName);

      const dialog = await openForm(page, en);
      const box = await dialog.getByTestId('quick-view-card').boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true);
      expect(await offered(dialog, en.PersonLabel)).toContain(colleague.displayName);
      await fillAndSend(dialog, en, { person: colleague.displayName, value: value.name, message });
      await dialog.getByText(format(en.ResultSent, colleague.displayName)).waitFor({ timeout: 30_000 });
      expect(await pageScrollsSideways(page)).toBe(false);

      // Read back as the recipient: exactly one item with the message, to Seán, with the value, by Åsa.
      const stored = (await storedRecognitions(e2e.tenant.origin, colleague.userPrincipalName)).filter((r) => r.message === message);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({
        valueKey: value.key,
        recipient: { title: colleague.displayName, email: colleague.userPrincipalName.toLowerCase() },
        giver: { title: me.displayName, email: me.userPrincipalName.toLowerCase() },
        author: { title: 'Shopfloor Engage relay' }
      });

      // The local Graph recorded one Teams activity notification to Seán, from Åsa, about it.
      const notified = await waitFor(
        () => recordedNotifications(e2e.tenant.origin, colleague.userPrincipalName),
        (list) => list.length > notifiedBefore.length
      );
      const fresh = notified.slice(notifiedBefore.length);
      expect(fresh).toHaveLength(1);
      expect(fresh[0]).toMatchObject({
        activityType: 'recognitionReceived',
        sender: me.userPrincipalName.toLowerCase(),
        recipient: colleague.userPrincipalName.toLowerCase(),
        topic: { value: value.name },
        previewText: message
      });
      // Its link leads to the stored recognition (however the link is built: page anchor or Teams deep link).
      expect(decodeURIComponent(fresh[0].topic.webUrl)).toContain(`recognition-${stored[0].id}`);

      // "Recognise someone else" gives an empty form again.
      await dialog.getByRole('button', { name: en.AnotherButton, exact: true }).click();
      await expect(dialog.getByRole('textbox', { name: en.MessageLabel }).inputValue()).resolves.toBe('');
      expect(external).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('an empty message is refused with the localised words, and nothing is written or sent', async () => {
    const { context, page, problems, colleague } = await openCard();
    try {
      const before = await storedRecognitions(e2e.tenant.origin, colleague.userPrincipalName);
      const notifiedBefore = await recordedNotifications(e2e.tenant.origin, colleague.userPrincipalName);
      const dialog = await openForm(page, en);
      await fillAndSend(dialog, en, { person: colleague.displayName, message: '   ' });
      await dialog.getByText(en.ProblemsHeading, { exact: true }).waitFor({ timeout: 30_000 });
      await dialog.getByText(`• ${en.ErrorMessageEmpty}`, { exact: true }).waitFor();
      // The choice is kept for the second try.
      await expect(dialog.getByRole('combobox', { name: en.PersonLabel }).inputValue()).resolves.not.toBe('');
      expect(await dialog.getByText(format(en.ResultSent, colleague.displayName)).count()).toBe(0);
      const after = await storedRecognitions(e2e.tenant.origin, colleague.userPrincipalName);
      expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
      expect(await recordedNotifications(e2e.tenant.origin, colleague.userPrincipalName)).toHaveLength(notifiedBefore.length);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('Åsa cannot recognise herself: she is not offered, and a forged choice of her is refused', async () => {
    const { context, page, problems, me, colleague } = await openCard();
    try {
      const dialog = await openForm(page, en);
      const people = await offered(dialog, en.PersonLabel);
      expect(people).toContain(colleague.displayName);
      expect(people).not.toContain(me.displayName);
      // Forge a choice of herself (her directory id) in the list, as a tampered page could.
      const myId = await fetch(`${e2e.tenant.origin}/graph/v1.0/me?$select=id`, { headers: { 'x-local-user': me.userPrincipalName } })
        .then((response) => response.json() as Promise<{ id: string }>)
        .then((body) => body.id);
      const select = dialog.getByRole('combobox', { name: en.PersonLabel });
      await select.evaluate((element, option) => {
        const forged = document.createElement('option');
        forged.value = option.id;
        forged.textContent = option.name;
        element.appendChild(forged);
      }, { id: myId, name: me.displayName });
      const mineBefore = (await storedRecognitions(e2e.tenant.origin, me.userPrincipalName)).filter((r) => r.recipient.email === me.userPrincipalName.toLowerCase());
      const message = `Me, myself and I 👍 #${Date.now()}`;
      await fillAndSend(dialog, en, { person: me.displayName, message });
      await dialog.getByText(en.ProblemsHeading, { exact: true }).waitFor({ timeout: 30_000 });
      const said = (await dialog.getByTestId('quick-view-card').textContent()) ?? '';
      expect([en.ErrorSelfRecognition, en.ErrorNoRecipient].some((words) => said.includes(`• ${words}`))).toBe(true);
      const stored = await storedRecognitions(e2e.tenant.origin, me.userPrincipalName);
      expect(stored.filter((r) => r.message === message)).toEqual([]);
      expect(stored.filter((r) => r.recipient.email === me.userPrincipalName.toLowerCase())).toHaveLength(mineBefore.length);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.each(['sv-se', 'nl-nl'])('works in %s after a language switch: its words, its value names, its refusal and its thanks', async (locale) => {
    const text = strings(locale);
    expect(text.Title).not.toBe(en.Title);
    const { context, page, problems, colleague } = await openCard(locale);
    try {
      const shown = await cardText(page, ALIAS);
      expect(shown).toEqual({ title: text.Title, primary: text.PrimaryText, description: text.Description });
      const dialog = await openForm(page, text);
      await dialog.getByRole('textbox', { name: text.MessageLabel }).waitFor();
      // The active values, named in the language, in HR's order.
      const values = await activeValueNames(e2e.tenant.origin, colleague.userPrincipalName, locale);
      expect(await offered(dialog, text.ValueLabel)).toEqual(values.map((v) => v.name));
      // Refused without a message, in the language.
      await fillAndSend(dialog, text, { person: colleague.displayName, value: values[0].name });
      await dialog.getByText(`• ${text.ErrorMessageEmpty}`, { exact: true }).waitFor({ timeout: 30_000 });
      await dialog.getByText(text.ProblemsHeading, { exact: true }).waitFor();
      // Sent once it has one, and thanked in the language.
      const message = `${locale}: Seán's extra check 🙌 #${Date.now()}`;
      await fillAndSend(dialog, text, { message });
      await dialog.getByText(format(text.ResultSent, colleague.displayName)).waitFor({ timeout: 30_000 });
      const stored = (await storedRecognitions(e2e.tenant.origin, colleague.userPrincipalName)).filter((r) => r.message === message);
      expect(stored).toHaveLength(1);
      expect(stored[0].valueKey).toBe(values[0].key);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the colleagues who share her leader: read when the form first opens on a device, then with the card\'s one Graph $batch in a new session', async () => {
    await resetRequestStats();
    const { context, page, problems, colleague } = await openCard();
    try {
      // First use on this device: the card face does not wait for the peers (me, reports, manager: one batch)…
      expect(await graphRequestsWhenQuiet()).toBe(1);
      // …the form reads them as it opens, and lists them (Seán is her crew mate, not her report).
      const first = await openForm(page, en);
      expect(await offered(first, en.PersonLabel)).toContain(colleague.displayName);
      expect(await graphRequestsWhenQuiet()).toBe(2);
      await page.close();

      // A new tab on the same device: a cold session (no sessionStorage, so no Graph cache), the
      // device's localStorage kept. Her manager's reports come in the card's one Graph batch.
      const tab = await context.newPage();
      tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      await resetRequestStats();
      await openWorkbench(tab, CARD_URL());
      expect(await cardSettled(tab, ALIAS)).toBe('ready');
      expect(await graphRequestsWhenQuiet()).toBe(1);
      const dialog = await openForm(tab, en);
      expect(await offered(dialog, en.PersonLabel)).toContain(colleague.displayName);
      expect(await dialog.getByText(en.LoadingColleagues).count()).toBe(0);
      expect(await graphRequestsWhenQuiet()).toBe(1);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('has no serious or critical axe violations on the phone: the quick view form, with problems, and sent', async () => {
    const { context, page, colleague } = await openCard();
    try {
      const dialog = await openForm(page, en);
      // Let the dialog's fade-in finish: axe measures colours mid-animation.
      await page.waitForTimeout(1_000);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await fillAndSend(dialog, en, {});
      await dialog.getByText(en.ProblemsHeading, { exact: true }).waitFor({ timeout: 30_000 });
      expect(await seriousAxeViolations(page)).toEqual([]);
      await fillAndSend(dialog, en, { person: colleague.displayName, message: `Axe says thanks 👍 #${Date.now()}` });
      await dialog.getByText(format(en.ResultSent, colleague.displayName)).waitFor({ timeout: 30_000 });
      expect(await seriousAxeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
