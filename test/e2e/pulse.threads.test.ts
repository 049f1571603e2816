/**
 * End to end, on the shop floor's phone (360 × 740): an anonymous comment thread between a team
 * leader and the comment's author, after the relay's timer published the demo plant's closed
 * rounds. The crew check-in HR sent to Weld A by name makes Jonas Ødegaard, who owns the crew's
 * team, its leader; Åsa Bäckström commented on it in Swedish and nobody has replied yet.
 *
 * The leader, in the Pulse results part: picks the check-in's round, finds Åsa's comment by its
 * words (nothing says who wrote it), replies, and finds the reply under it after a reload; in the
 * other look he replies to a colleague's comment. Åsa, in the Pulse part in Swedish: "Your
 * comments" says her team leader answered, shows his reply (not the one to her colleague), she
 * answers back and finds her answer after a reload. Her answer reaches leaders only from the next
 * UTC midnight, so only what she sees is asserted.
 *
 * The tests run in order on one tenant: each persona's look builds on the one before. In every
 * state, light on a strong section and dark on none, every interactive element is a 48 × 48 px
 * target as a finger meets it, the page does not scroll sideways and axe finds no serious violation.
 */
import type { Locator } from 'playwright-core';

import { OPERATOR_CHECK_IN_COMMENT } from '../../local/tenant/history/pulse';
import { format } from '../../src/ui/format';
import { resultsWords } from '../../src/ui/pulseResults/resultsWords';
import { threadWords } from '../../src/ui/pulseThreads/threadWords';
import { openPartAt, phoneProblems, workbenchPersonas } from './support/partAt';
import { findPersona, type OpenedPart, type Persona, type Section, type Theme } from './support/phoneParts';
import { runPulseTimer } from './support/pulseRounds';
import { workbenchSession } from './support/session';

jest.setTimeout(180_000);

const e2e = workbenchSession();

const RESULTS = 'PulseResultsWebPart';
const PULSE = 'PulseWebPart';
/** The crew check-in's round as the round picker names it (its survey's title first). */
const CHECK_IN = 'Weld A check-in';
const results = resultsWords('en-us');
const threads = threadWords('en-us');
/** Åsa reads the Pulse part in Swedish. */
const sv = threadWords('sv-se');

const LIGHT: [Theme, Section] = ['light', 'strong'];
const DARK: [Theme, Section] = ['dark', 'none'];

const stamp = Date.now().toString(36);
const REPLY = `Bra förslag, jag tar upp en andra fixtur med underhåll på torsdag (${stamp}).`;
const OTHER_REPLY = `Tack, vi ser över det på nästa lagmöte (${stamp}).`;
const ANSWER = `Tack! Det gäller mest nattskiftet (${stamp}).`;

let personas: Persona[] = [];

/** Checks a state: what it gets wrong is collected, so one run names every state that fails. */
type Check = (state: string) => Promise<void>;

/**
 * The part opened on the phone as `who` in a look, walked through by `steps`; then no state got
 * anything wrong, and the page logged no error.
 */
async function walk(alias: string, [theme, section]: [Theme, Section], who: 'Team leader' | 'Operator', steps: (opened: OpenedPart, check: Check) => Promise<void>): Promise<void> {
  const opened = await openPartAt(e2e, alias, theme, section, findPersona(personas, who), who === 'Operator' ? { locale: 'sv-se' } : {});
  const findings: string[] = [];
  const check: Check = async (state) => {
    // Let a tab's or a box's fade-in finish: axe measures colours mid-animation.
    await opened.page.waitForTimeout(300);
    findings.push(...(await phoneProblems(opened, `${who} ${theme}: ${state}`)));
  };
  try {
    await steps(opened, check);
    expect(findings).toEqual([]);
    expect(opened.problems).toEqual([]);
  } finally {
    await opened.context.close();
  }
}

/** The leader's results with the crew check-in's round chosen (the monthly pulse is the newest with results). */
async function checkInResults(opened: OpenedPart): Promise<void> {
  const { part } = opened;
  await part.locator('strong', { hasText: format(results.seeingLeader, 'GOT Weld A') }).waitFor({ timeout: 60_000 });
  const picker = part.getByRole('combobox', { name: results.round });
  const value = await picker.locator('option', { hasText: CHECK_IN }).getAttribute('value');
  expect(value).not.toBeNull();
  await picker.selectOption(value ?? '');
  await part.getByRole('tab', { name: results.tabs.comments }).waitFor();
}

/** A released comment's row in the results, found by its words. */
function commentRow(opened: OpenedPart, text: string): Locator {
  return opened.part.getByRole('listitem').filter({ has: opened.page.getByText(text, { exact: true }) });
}

/** A thread's messages written by this run, in order, each as its role and words (a tenant kept with WORKBENCH_URL holds earlier runs'). */
async function thisRun(messages: Locator): Promise<string[]> {
  return (await messages.getByRole('listitem').allTextContents()).filter((text) => text.includes(stamp));
}

/** The part's next read of the threads (`GET /api/pulse/threads`): after a reply it reads them again. */
function threadsRead(opened: OpenedPart): Promise<unknown> {
  return opened.page.waitForResponse((response) => response.request().method() === 'GET' && new URL(response.url()).pathname.endsWith('/pulse/threads'), { timeout: 30_000 });
}

/** Åsa's own comment in "Your comments" of the Pulse part. */
function ownComment(opened: OpenedPart): Locator {
  const mine = opened.part.locator('section').filter({ has: opened.page.getByRole('heading', { name: sv.myCommentsTitle }) });
  return mine.getByRole('listitem').filter({ has: opened.page.getByText(OPERATOR_CHECK_IN_COMMENT) });
}

beforeAll(async () => {
  personas = await workbenchPersonas(e2e);
  // The relay's timer publishes the closed rounds (E2E tenants run none on their own).
  await runPulseTimer(e2e.tenant.origin);
});

describe('A pulse comment thread between a team leader and the comment\'s author', () => {
  it('the team leader, light: picks the crew check-in, replies to Åsa\'s comment, and the reply stays after a reload', () =>
    walk(RESULTS, LIGHT, 'Team leader', async (opened, check) => {
      const { part, page } = opened;
      await checkInResults(opened);
      await check('check-in overview');
      await part.getByRole('tab', { name: results.tabs.comments }).click();
      const row = commentRow(opened, OPERATOR_CHECK_IN_COMMENT);
      await row.waitFor({ timeout: 30_000 });
      // Nothing in the row says who wrote it.
      await expect(row.textContent()).resolves.not.toMatch(/Åsa|Bäckström/);
      await check('comments');

      await row.getByRole('button', { name: threads.reply, exact: true }).click();
      await row.getByRole('textbox', { name: threads.replyLabel }).fill(REPLY);
      await check('reply box');
      const readAgain = threadsRead(opened);
      await row.getByRole('button', { name: threads.send, exact: true }).click();
      // Sent: the reply under the comment, and once the part has read the threads again, still
      // "Your reply was sent." and the reply once.
      await row.getByRole('list', { name: threads.repliesLabel }).getByText(REPLY).waitFor({ timeout: 30_000 });
      await readAgain;
      await check('reply sent');
      await expect(row.getByRole('status').textContent()).resolves.toBe(threads.sent);
      await expect(thisRun(row.getByRole('list', { name: threads.repliesLabel }))).resolves.toEqual([`${threads.roles.leader}${REPLY}`]);

      await page.reload();
      await checkInResults(opened);
      await part.getByRole('tab', { name: results.tabs.comments }).click();
      const replies = commentRow(opened, OPERATOR_CHECK_IN_COMMENT).getByRole('list', { name: threads.repliesLabel });
      await replies.getByText(REPLY).waitFor({ timeout: 30_000 });
      await expect(thisRun(replies)).resolves.toEqual([`${threads.roles.leader}${REPLY}`]);
      await check('comments after a reload');
    }));

  it('the team leader, dark: the reply under Åsa\'s comment, and one to a colleague\'s comment', () =>
    walk(RESULTS, DARK, 'Team leader', async (opened, check) => {
      const { part, page } = opened;
      await checkInResults(opened);
      await check('check-in overview');
      await part.getByRole('tab', { name: results.tabs.comments }).click();
      await commentRow(opened, OPERATOR_CHECK_IN_COMMENT).getByText(REPLY).waitFor({ timeout: 30_000 });
      await check('comments');

      // Another comment of the crew, found again by its words (its row's Reply button gives way to the box).
      const another = part
        .getByRole('listitem')
        .filter({ has: page.getByRole('button', { name: threads.reply, exact: true }) })
        .filter({ hasNot: page.getByText(OPERATOR_CHECK_IN_COMMENT, { exact: true }) })
        .first();
      // The row's paragraphs: the question, then the comment.
      const otherText = (await another.locator(':scope > p').nth(1).textContent()) ?? '';
      expect(otherText).not.toBe('');
      const other = commentRow(opened, otherText);
      await other.getByRole('button', { name: threads.reply, exact: true }).click();
      await other.getByRole('textbox', { name: threads.replyLabel }).fill(OTHER_REPLY);
      await check('reply box');
      const readAgain = threadsRead(opened);
      await other.getByRole('button', { name: threads.send, exact: true }).click();
      await other.getByRole('list', { name: threads.repliesLabel }).getByText(OTHER_REPLY).waitFor({ timeout: 30_000 });
      await readAgain;
      await check('reply sent');
      await expect(other.getByRole('status').textContent()).resolves.toBe(threads.sent);
      await expect(thisRun(other.getByRole('list', { name: threads.repliesLabel }))).resolves.toEqual([`${threads.roles.leader}${OTHER_REPLY}`]);
    }));

  it('Åsa, light, in Swedish: her team leader answered her comment; she answers back, and her answer stays after a reload', () =>
    walk(PULSE, LIGHT, 'Operator', async (opened, check) => {
      const { part, page } = opened;
      const comment = ownComment(opened);
      await comment.getByText(sv.answeredByLeader).waitFor({ timeout: 60_000 });
      const replies = comment.getByRole('list', { name: sv.repliesLabel });
      // Her leader's reply, by role and never by name; the reply to her colleague is not hers to see.
      await expect(thisRun(replies)).resolves.toEqual([`${sv.rolesForAuthor.leader}${REPLY}`]);
      await expect(part.getByText(OTHER_REPLY).count()).resolves.toBe(0);
      await expect(comment.getByText('Jonas').count()).resolves.toBe(0);
      await check('her comments');

      await comment.getByRole('button', { name: sv.answerBack }).click();
      await comment.getByRole('textbox', { name: sv.answerLabel, exact: true }).fill(ANSWER);
      await check('answer box');
      await comment.getByRole('button', { name: sv.send, exact: true }).click();
      await replies.getByText(ANSWER).waitFor({ timeout: 30_000 });
      await check('answer sent');

      await page.reload();
      await ownComment(opened).getByText(ANSWER).waitFor({ timeout: 60_000 });
      await expect(thisRun(ownComment(opened).getByRole('list', { name: sv.repliesLabel }))).resolves.toEqual([
        `${sv.rolesForAuthor.leader}${REPLY}`,
        `${sv.rolesForAuthor.employee}${ANSWER}`
      ]);
    }));

  it('Åsa, dark, in Swedish: the thread with her answer, and the box for another', () =>
    walk(PULSE, DARK, 'Operator', async (opened, check) => {
      const comment = ownComment(opened);
      await comment.getByText(ANSWER).waitFor({ timeout: 60_000 });
      await check('her comments');
      await comment.getByRole('button', { name: sv.answerBack }).click();
      await comment.getByRole('textbox', { name: sv.answerLabel, exact: true }).waitFor();
      await check('answer box');
      await comment.getByRole('button', { name: sv.cancel, exact: true }).click();
      await comment.getByRole('button', { name: sv.answerBack }).waitFor();
    }));
});
