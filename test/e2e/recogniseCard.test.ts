/**
 * End to end: the "Recognise" Viva Connections card in the workbench, on a 360 px phone, as the
 * operator (Åsa Bäckström), against the local tenant (real PnPjs to its SharePoint REST, real
 * Graph). She recognises the agency welder in her crew (Seán O'Brien) from the quick view (her
 * colleague's row, a value's button, then her own words); what was written is read back over
 * SharePoint REST as the recipient, and the Teams notification from the local Graph's record.
 * Words come from the card's strings files, value names from SE_Values, so the test holds in
 * every language. The three taps with a suggested line: recogniseThreeTaps.test.ts.
 */
import * as path from 'path';
import type { BrowserContext, Locator, Page } from 'playwright-core';

import type { RecogniseStrings } from '../../src/adaptiveCardExtensions/recognise/recogniseViews';
import { format } from '../../src/ui/format';
import { loadAmdStrings } from '../support/sources';
import { pageRequests } from '../support/tenant';
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

/** Opens the quick view from the card's button; answers the dialog, its colleagues and values rendered. */
async function openForm(page: Page, text: RecogniseStrings): Promise<Locator> {
  await card(page, ALIAS).getByRole('button', { name: text.OpenButton, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: text.Title });
  await dialog.getByText(text.ValueQuestion, { exact: true }).waitFor();
  await dialog.locator('input[type="radio"]').first().waitFor();
  return dialog;
}

interface Entry {
  readonly person?: string;
  readonly value?: string;
  readonly message?: string;
}

/** The colleague's row (its label ticks the row's radio button, as a finger does). */
function personRow(dialog: Locator, name: string): Locator {
  return dialog.getByTestId('quick-view-card').locator('label').filter({ hasText: name });
}

/**
 * Like a person: the colleague's row, a value's button (which moves on), then her own words
 * ("Write your own" when the value offers lines) and Send. Without a value, nothing moves on.
 */
async function fillAndSend(dialog: Locator, text: RecogniseStrings, entry: Entry): Promise<void> {
  if (entry.person !== undefined) {
    await personRow(dialog, entry.person).click();
  }
  if (entry.value === undefined) {
    return;
  }
  await dialog.getByRole('button', { name: entry.value, exact: true }).click();
  const write = dialog.getByRole('button', { name: text.WriteOwn, exact: true });
  const box = dialog.getByRole('textbox', { name: text.MessageLabel });
  await write.or(box).first().waitFor({ timeout: 30_000 });
  if ((await write.count()) > 0) {
    await write.click();
  }
  await box.fill(entry.message ?? '');
  await dialog.getByRole('button', { name: text.SendButton, exact: true }).click();
}

/** The colleagues the quick view offers, by the names of their rows. */
async function offered(dialog: Locator): Promise<string[]> {
  return dialog
    .getByTestId('quick-view-card')
    .locator('input[type="radio"]')
    .evaluateAll((radios) => radios.map((radio) => (radio.getAttribute('aria-label') ?? '').trim()));
}

/** The values the quick view offers, as its buttons name them, in order. */
async function offeredValues(dialog: Locator, names: readonly string[]): Promise<string[]> {
  const shown = await dialog
    .getByTestId('quick-view-card')
    .getByRole('button')
    .evaluateAll((buttons) => buttons.map((button) => (button.getAttribute('aria-label') ?? '').trim()));
  return shown.filter((name) => names.indexOf(name) >= 0);
}

/** Graph requests the local tenant answered since the last reset, once none has come for a second. */
async function graphRequestsWhenQuiet(): Promise<number> {
  const read = async (): Promise<number> => {
    // The page's own: the relay's pulse timer reads Graph on its own every minute.
    return pageRequests(await (await fetch(`${e2e.tenant.origin}/_local/stats`)).json(), 'graph');
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
      expect(await offered(dialog)).toContain(colleague.displayName);
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

      // "Recognise someone else" starts afresh: the colleagues and the values, nobody ticked.
      await dialog.getByRole('button', { name: en.AnotherButton, exact: true }).click();
      await dialog.getByText(en.ValueQuestion, { exact: true }).waitFor();
      expect(await dialog.locator('input[type="radio"]:checked').count()).toBe(0);
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
      const values = await activeValueNames(e2e.tenant.origin, colleague.userPrincipalName, 'en-us');
      await fillAndSend(dialog, en, { person: colleague.displayName, value: values[0].name, message: '   ' });
      await dialog.getByText(en.ProblemsHeading, { exact: true }).waitFor({ timeout: 30_000 });
      await dialog.getByText(`• ${en.ErrorMessageEmpty}`, { exact: true }).waitFor();
      // The choices are kept for the second try: for whom, with which value.
      await dialog.getByText(format(en.ComposerSummary, colleague.displayName, values[0].name), { exact: true }).waitFor();
      await expect(dialog.getByRole('textbox', { name: en.MessageLabel }).isVisible()).resolves.toBe(true);
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
      const people = await offered(dialog);
      expect(people).toContain(colleague.displayName);
      expect(people).not.toContain(me.displayName);
      // Forge a choice of herself (her directory id) behind a colleague's row, as a tampered page could.
      const myId = await fetch(`${e2e.tenant.origin}/graph/v1.0/me?$select=id`, { headers: { 'x-local-user': me.userPrincipalName } })
        .then((response) => response.json() as Promise<{ id: string }>)
        .then((body) => body.id);
      await dialog
        .getByTestId('quick-view-card')
        .locator(`input[type="radio"][aria-label="${colleague.displayName.replace(/"/g, '\\"')}"]`)
        .evaluate((radio, id) => {
          (radio as HTMLInputElement).value = id;
        }, myId);
      const mineBefore = (await storedRecognitions(e2e.tenant.origin, me.userPrincipalName)).filter((r) => r.recipient.email === me.userPrincipalName.toLowerCase());
      const message = `Me, myself and I 👍 #${Date.now()}`;
      const values = await activeValueNames(e2e.tenant.origin, me.userPrincipalName, 'en-us');
      await fillAndSend(dialog, en, { person: colleague.displayName, value: values[0].name, message });
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
      // The active values, named in the language, in HR's order.
      const values = await activeValueNames(e2e.tenant.origin, colleague.userPrincipalName, locale);
      expect(await offeredValues(dialog, values.map((v) => v.name))).toEqual(values.map((v) => v.name));
      // Refused without a message, in the language.
      await fillAndSend(dialog, text, { person: colleague.displayName, value: values[0].name });
      await dialog.getByText(`• ${text.ErrorMessageEmpty}`, { exact: true }).waitFor({ timeout: 30_000 });
      await dialog.getByText(text.ProblemsHeading, { exact: true }).waitFor();
      // Sent once it has one, and thanked in the language.
      const message = `${locale}: Seán's extra check 🙌 #${Date.now()}`;
      await dialog.getByRole('textbox', { name: text.MessageLabel }).fill(message);
      await dialog.getByRole('button', { name: text.SendButton, exact: true }).click();
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
      expect(await offered(first)).toContain(colleague.displayName);
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
      expect(await offered(dialog)).toContain(colleague.displayName);
      expect(await dialog.getByText(en.LoadingColleagues).count()).toBe(0);
      expect(await graphRequestsWhenQuiet()).toBe(1);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('has no serious or critical axe violations on the phone: the colleagues and values, with problems, the lines, the own words, and sent', async () => {
    const { context, page, colleague } = await openCard();
    try {
      const dialog = await openForm(page, en);
      const values = await activeValueNames(e2e.tenant.origin, colleague.userPrincipalName, 'en-us');
      // Let the dialog's fade-in finish: axe measures colours mid-animation.
      await page.waitForTimeout(1_000);
      expect(await seriousAxeViolations(page)).toEqual([]);
      // A value before a colleague: it says who is missing.
      await dialog.getByRole('button', { name: values[0].name, exact: true }).click();
      await dialog.getByText(en.ProblemsHeading, { exact: true }).waitFor({ timeout: 30_000 });
      expect(await seriousAxeViolations(page)).toEqual([]);
      await personRow(dialog, colleague.displayName).click();
      await dialog.getByRole('button', { name: values[0].name, exact: true }).click();
      await dialog.getByText(en.SuggestionsHeading, { exact: true }).waitFor({ timeout: 30_000 });
      await dialog.getByRole('button', { name: en.MoreOptions, exact: true }).click();
      await dialog.getByRole('textbox', { name: en.ImpactLabel }).waitFor({ timeout: 30_000 });
      expect(await seriousAxeViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: en.WriteOwn, exact: true }).click();
      await dialog.getByRole('textbox', { name: en.MessageLabel }).fill(`Axe says thanks 👍 #${Date.now()}`);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: en.SendButton, exact: true }).click();
      await dialog.getByText(format(en.ResultSent, colleague.displayName)).waitFor({ timeout: 30_000 });
      expect(await seriousAxeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
