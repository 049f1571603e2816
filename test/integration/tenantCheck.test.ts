/**
 * The tenant check (scripts/tenant-check, docs/tenant-check.md) against the local tenant. The
 * local tenant emulates every assumption the check asks a real tenant about, so each check it
 * runs here must say `same`; a check saying otherwise means the script or the local tenant is
 * wrong. The local tenant makes no lists through REST and takes bearer tokens only for the
 * relay's app identity, so a thin front door (test/support/tenantCheckFrontDoor.ts) plays those
 * two parts of SharePoint: the script runs unchanged, with a site URL and a bearer token only.
 */
import { type CheckResult, CHECKS, LARGE_LIST_ITEMS, type TenantCheckReport } from '../../scripts/tenant-check/checks';
import { main } from '../../scripts/tenant-check/index';
import type { RunningTenant } from '../../local/server/tenant';
import type { Person } from '../../local/tenant/directory';
import { type FrontDoor, startFrontDoor } from '../support/tenantCheckFrontDoor';
import { leniently, persona, startTestTenant } from '../support/tenant';

const TOKEN = 'site-owner-token-for-the-tenant-check';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function runCli(argv: readonly string[], env: Record<string, string | undefined>): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { env, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { code, stdout, stderr };
}

function byId(report: TenantCheckReport): Record<string, CheckResult> {
  return Object.fromEntries(report.checks.map((check) => [check.id, check]));
}

/** `id: verdict (reason) — observed` for each check whose verdict is not `expected`: an empty list passes. */
function unexpected(report: TenantCheckReport, expected: (check: CheckResult) => CheckResult['verdict']): string[] {
  return report.checks
    .filter((check) => check.verdict !== expected(check))
    .map((check) => `${check.id}: ${check.verdict}${check.reason ? ` (${check.reason})` : ''} — ${check.observed}`);
}

const SMALL_IDS = Object.values(CHECKS)
  .filter((spec) => !('large' in spec))
  .map((spec) => spec.id);
const LARGE_IDS = Object.values(CHECKS)
  .filter((spec) => 'large' in spec)
  .map((spec) => spec.id);

describe('The tenant check against the local tenant', () => {
  let tenant: RunningTenant;
  let owner: Person;
  let door: FrontDoor;

  beforeAll(async () => {
    tenant = await startTestTenant();
    owner = persona(tenant, 'siteAdmin');
    door = await startFrontDoor(tenant, { token: TOKEN, owner });
  }, 60_000);

  afterAll(async () => {
    await door?.close();
    await tenant?.close();
  });

  it('confirms every assumption as the site owner, and deletes its scratch lists', async () => {
    const run = await runCli(['--site', door.siteUrl, '--json'], { SP_ACCESS_TOKEN: TOKEN });
    const report = JSON.parse(run.stdout) as TenantCheckReport;

    // Each check the local tenant implements says `same`; the large ones wait for --large.
    expect(unexpected(report, (check) => (LARGE_IDS.includes(check.id) ? 'skipped' : 'same'))).toEqual([]);
    expect(report.checks.map((check) => check.id)).toEqual([...SMALL_IDS, ...LARGE_IDS]);
    expect(run.code).toBe(0);
    expect(report.exitCode).toBe(0);

    // By name: the two rules pairing unique columns with item-level security.
    const checks = byId(report);
    expect(checks['unique-then-read-own'].verdict).toBe('same');
    expect(checks['item-permissions-in-unique-list'].verdict).toBe('same');
    expect(checks['unique-with-write-own'].observed).toContain('accepted');
    expect(checks['batch-status-reason'].observed).toContain('HTTP/1.1 404 Not Found');

    // Its own scratch lists, deleted at the end.
    expect(door.created).toHaveLength(2);
    expect(door.created.every((title) => /^SE_TenantCheck_\d{8}_\d{6}_\d{3}_(Unique|ReadOwn)$/.test(title))).toBe(true);
    expect([...door.deleted].sort()).toEqual([...door.created].sort());
    expect(report.lists.every((list) => list.deleted)).toBe(true);
    expect(report.manual.join('\n')).toContain('Override List Behaviors');
  }, 60_000);

  it('prints plain text lines: each check with the assumption, this tenant and the verdict, then the manual checklist', async () => {
    const run = await runCli(['--site', door.siteUrl], { SP_ACCESS_TOKEN: TOKEN });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1. Unique column, then read own items');
    expect(run.stdout).toContain('local tenant assumes:');
    expect(run.stdout).toContain('this tenant:');
    expect(run.stdout).toMatch(/verdict: +same/);
    expect(run.stdout).toMatch(/verdict: +skipped \(run with --large/);
    expect(run.stdout).toContain('To check by hand (one identity cannot):');
    expect(run.stdout).toContain('Summary: 14 same, 0 DIFFERENT, 0 could not check, 5 skipped.');
  }, 60_000);

  it('says DIFFERENT, and exits 1, where the tenant behaves otherwise', async () => {
    const run = await leniently('batch-parts-independent,contains,unique-with-item-security', () =>
      runCli(['--site', door.siteUrl, '--json'], { SP_ACCESS_TOKEN: TOKEN })
    );
    const report = JSON.parse(run.stdout) as TenantCheckReport;
    const checks = byId(report);
    expect(run.code).toBe(1);
    expect(checks['batch-after-failed-part'].verdict).toBe('DIFFERENT');
    expect(checks['batch-after-failed-part'].observed).toContain('answered independently');
    expect(checks['filter-contains'].verdict).toBe('DIFFERENT');
    expect(checks['unique-then-read-own'].verdict).toBe('DIFFERENT');
    expect(checks['read-own-then-unique'].verdict).toBe('DIFFERENT');
    // Past the unique-column rule the item gets its own permissions, as in a list without one.
    expect(checks['item-permissions-in-unique-list'].verdict).toBe('DIFFERENT');
    expect(checks['item-permissions-in-unique-list'].observed).toContain('accepted');
    expect(checks['unique-ignores-case'].verdict).toBe('same');
    expect(report.lists.every((list) => list.deleted)).toBe(true);
  }, 60_000);

  it('exits 2 on usage and token errors, before making any list', async () => {
    const before = door.created.length;
    expect((await runCli([], { SP_ACCESS_TOKEN: TOKEN })).code).toBe(2);
    expect((await runCli(['--site', 'not a url'], { SP_ACCESS_TOKEN: TOKEN })).code).toBe(2);
    const noToken = await runCli(['--site', door.siteUrl], {});
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('SP_ACCESS_TOKEN');
    const wrongToken = await runCli(['--site', door.siteUrl], { SP_ACCESS_TOKEN: 'someone-elses-token' });
    expect(wrongToken.code).toBe(2);
    expect(wrongToken.stderr).toContain('refused the token');
    const unreachable = await runCli(['--site', 'http://127.0.0.1:9/sites/engage'], { SP_ACCESS_TOKEN: TOKEN });
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toContain('could not be reached');
    expect(door.created.length).toBe(before);
  }, 60_000);

  it('runs with a bearer token the local tenant checks itself (the relay\'s app identity: Full Control, so Manage Permissions)', async () => {
    const appDoor = await startFrontDoor(tenant, { token: '', owner, passBearer: true });
    try {
      const authority = tenant.context.authority;
      if (!authority) {
        throw new Error('The local tenant has no authority');
      }
      const token = await authority.appToken(appDoor.origin);
      const run = await runCli(['--site', appDoor.siteUrl, '--json'], { SP_ACCESS_TOKEN: token });
      const report = JSON.parse(run.stdout) as TenantCheckReport;
      expect(unexpected(report, (check) => (LARGE_IDS.includes(check.id) ? 'skipped' : 'same'))).toEqual([]);
      expect(byId(report)['item-permissions-in-unique-list'].observed).toContain('without a unique column: 200');
      expect(run.code).toBe(0);
      expect([...appDoor.deleted].sort()).toEqual([...appDoor.created].sort());
    } finally {
      await appDoor.close();
    }
  }, 60_000);
});

describe('The tenant check against the local tenant, with --large', () => {
  let tenant: RunningTenant;
  let door: FrontDoor;

  beforeAll(async () => {
    tenant = await startTestTenant();
    door = await startFrontDoor(tenant, { token: TOKEN, owner: persona(tenant, 'siteAdmin') });
  }, 60_000);

  afterAll(async () => {
    await door?.close();
    await tenant?.close();
  });

  it(`fills a scratch list to ${LARGE_LIST_ITEMS} items and confirms the list view threshold rules, the ID window first among them`, async () => {
    const run = await runCli(['--site', door.siteUrl, '--large', '--json'], { SP_ACCESS_TOKEN: TOKEN });
    const report = JSON.parse(run.stdout) as TenantCheckReport;
    expect(unexpected(report, () => 'same')).toEqual([]);
    expect(run.code).toBe(0);
    const window = byId(report)['large-id-window'];
    expect(window.important).toBe(true);
    expect(window.observed).toMatch(/answered \(100 items\)/);
    expect(door.created).toHaveLength(3);
    expect([...door.deleted].sort()).toEqual([...door.created].sort());
    const large = tenant.context.sp.list(door.created.find((title) => title.endsWith('_Large')) ?? '');
    expect(large?.itemCount).toBe(LARGE_LIST_ITEMS);
  }, 180_000);
});
