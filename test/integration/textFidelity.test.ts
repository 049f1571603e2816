/**
 * Text keeps its fidelity through the local tenant, over real HTTP with PnPjs: what is stored
 * is what was sent (emoji, scripts, apostrophes), characters XML 1.0 forbids (U+0000 and most
 * other control characters) are refused with 400 instead of cutting the text, and a string
 * literal in `$filter` stays a string even when it looks like a date-time.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import '@pnp/sp/webs';

import { LISTS } from '../../src/core/schema/lists';
import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import { failure } from '../support/failure';
import { persona, secureProductLists, spAs, startTestTenant } from '../support/tenant';

const RECOGNITIONS = LISTS.recognitions.title;

describe('Text fidelity in the local tenant', () => {
  let tenant: RunningTenant;
  let colleague: Person;
  let sp: SPFI;
  let next = 0;

  beforeAll(async () => {
    tenant = await startTestTenant();
    colleague = persona(tenant, 'agencyOperator');
    // After setup only the relay and HR (Override List Behaviors) write posts.
    sp = spAs(tenant, persona(tenant, 'hr'));
    await secureProductLists(tenant);
  }, 60_000);

  afterAll(async () => {
    await tenant?.close();
  });

  function recognition(fields: Record<string, unknown>): Record<string, unknown> {
    next += 1;
    return {
      Title: 'Text fidelity',
      RecipientId: colleague.spUserId,
      Kind: 'peer',
      ValueKey: 'safety',
      Message: 'Thanks',
      SiteCode: 'GOT',
      Visibility: 'everyone',
      Status: 'published',
      ClientRequestId: `text-fidelity-${next}:${colleague.spUserId}`,
      ...fields
    };
  }

  const list = (): ReturnType<SPFI['web']['lists']['getByTitle']> => sp.web.lists.getByTitle(RECOGNITIONS);

  it('stores text exactly as sent: emoji, joined emoji, right-to-left, apostrophes, tabs and newlines', async () => {
    const message = "Seán O'Brien 👷‍♀️👍🏽 شكرا\tline 1\nline 2 — Å";
    const added = await list().items.add(recognition({ Message: message, Impact: '🎉'.repeat(127) }));
    const read = await list().items.getById(added.Id).select('Message', 'Impact')<{ Message: string; Impact: string }>();
    expect(read).toMatchObject({ Message: message, Impact: '🎉'.repeat(127) });
  });

  it('counts UTF-16 code units against MaxLength, as SharePoint does: 128 emoji do not fit in 255', async () => {
    const error = await failure(list().items.add(recognition({ Impact: '🎉'.repeat(128) })));
    expect(error.status).toBe(400);
    expect(error.message).toContain('cannot exceed 255 characters');
  });

  it('refuses U+0000 in text with 400 instead of cutting the text there', async () => {
    for (const fields of [{ Title: 'before\u0000after' }, { Message: 'before\u0000after' }, { Impact: 'x\u0000' }]) {
      const error = await failure(list().items.add(recognition(fields)));
      expect(error.status).toBe(400);
      expect(error.message).toContain('hexadecimal value 0x00, is an invalid character.');
    }
    const added = await list().items.add(recognition({ Message: 'kept whole' }));
    const update = await failure(list().items.getById(added.Id).update({ Message: 'cut\u0000here' }));
    expect(update.status).toBe(400);
    const read = await list().items.getById(added.Id).select('Message')<{ Message: string }>();
    expect(read.Message).toBe('kept whole');
  });

  it('refuses the other characters XML 1.0 forbids (a vertical tab, U+FFFF) and keeps tab, CR and LF', async () => {
    expect((await failure(list().items.add(recognition({ Message: 'a\u000Bb' })))).status).toBe(400);
    expect((await failure(list().items.add(recognition({ Message: 'a\uFFFFb' })))).status).toBe(400);
    const added = await list().items.add(recognition({ Message: 'a\tb\r\nc' }));
    const read = await list().items.getById(added.Id).select('Message')<{ Message: string }>();
    expect(read.Message).toBe('a\tb\r\nc');
  });

  it('keeps a string literal that looks like a date-time a string in $filter', async () => {
    const text = '2026-01-01T00:00:00.000Z';
    const added = await list().items.add(recognition({ Title: text, Impact: 'datetime\'2026-01-01T00:00:00Z\' 2026-05-05T10:00:00.5Z' }));
    const read = await list().items.getById(added.Id).select('Title', 'Impact')<{ Title: string; Impact: string }>();
    expect(read.Title).toBe(text);
    const byTitle = await list().items.filter(`Title eq '${text}'`).select('Id')();
    expect(byTitle.map((i: { Id: number }) => i.Id)).toEqual([added.Id]);
    const byImpact = await list()
      .items.filter("Impact eq 'datetime''2026-01-01T00:00:00Z'' 2026-05-05T10:00:00.5Z'")
      .select('Id')();
    expect(byImpact.map((i: { Id: number }) => i.Id)).toEqual([added.Id]);
    const startsWith = await list().items.filter(`startswith(Title,'2026-01-01T00:00:00.0')`).select('Id')();
    expect(startsWith.map((i: { Id: number }) => i.Id)).toEqual([added.Id]);
  });

  it('still reads date-time literals on date-time columns, in both spellings', async () => {
    const since = await list().items.filter("Created ge datetime'2000-01-01T00:00:00Z'").select('Id').top(1)();
    expect(since).toHaveLength(1);
    const iso = await list().items.filter('Created ge 2000-01-01T00:00:00.123Z').select('Id').top(1)();
    expect(iso).toHaveLength(1);
    expect((await failure(list().items.filter("Created ge datetime'not a date'").top(1)())).status).toBe(400);
  });
});
