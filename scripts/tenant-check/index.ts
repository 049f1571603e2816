/**
 * `npm run tenant-check -- --site https://contoso.sharepoint.com/sites/engage-test [--large] [--keep] [--json]`
 *
 * Runs, on a test site of a SharePoint Online tenant, each behaviour the local tenant emulates
 * and the product relies on, and prints what this tenant does (docs/tenant-check.md). The token
 * comes from SP_ACCESS_TOKEN:
 *
 *   export SP_ACCESS_TOKEN=$(m365 util accesstoken get --resource https://contoso.sharepoint.com --new)
 *   export SP_ACCESS_TOKEN=$(az account get-access-token --resource https://contoso.sharepoint.com --query accessToken -o tsv)
 *
 * Exit code: 0 every check ran and matched; 1 a check differs or could not be checked; 2 usage
 * or authentication errors.
 */
import { AuthError, type FetchLike } from './client';
import { type CheckResult, runTenantCheck, type TenantCheckReport } from './checks';

export const TOKEN_ENV = 'SP_ACCESS_TOKEN';

export const USAGE = [
  'Usage: npm run tenant-check -- --site https://contoso.sharepoint.com/sites/engage-test [--large] [--keep] [--json]',
  '',
  `  ${TOKEN_ENV}   an access token for SharePoint, e.g.`,
  '                    m365 util accesstoken get --resource https://contoso.sharepoint.com --new',
  '                    az account get-access-token --resource https://contoso.sharepoint.com --query accessToken -o tsv',
  '  --site          the test site (a site owner\'s token; the check makes and deletes scratch lists SE_TenantCheck_…)',
  '  --large         also fill a scratch list past 5,000 items and check the list view threshold rules (slow)',
  '  --keep          keep the scratch lists',
  '  --json          print the report as JSON'
].join('\n');

export interface CliOptions {
  readonly site: string;
  readonly large: boolean;
  readonly keep: boolean;
  readonly json: boolean;
}

/** The command line, or an error message. */
export function parseArgs(argv: readonly string[]): CliOptions | string {
  let site: string | undefined;
  let large = false;
  let keep = false;
  let json = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    switch (name) {
      case '--site':
        site = inline ?? argv[(i += 1)];
        break;
      case '--large':
        large = true;
        break;
      case '--keep':
        keep = true;
        break;
      case '--json':
        json = true;
        break;
      case '--help':
      case '-h':
        return '';
      default:
        return `Unknown argument: ${arg}`;
    }
  }
  if (!site) {
    return 'The test site is missing: --site https://contoso.sharepoint.com/sites/engage-test';
  }
  let url: URL;
  try {
    url = new URL(site);
  } catch {
    return `--site is not a URL: ${site}`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `--site must be an https URL: ${site}`;
  }
  return { site: `${url.origin}${url.pathname}`.replace(/\/+$/, ''), large, keep, json };
}

function verdictText(result: CheckResult): string {
  return result.reason ? `${result.verdict} (${result.reason})` : result.verdict;
}

/** The report as plain text lines. */
export function formatReport(report: TenantCheckReport): string {
  const out: string[] = [`Shopfloor Engage tenant check: ${report.site}`, `Started ${report.startedAt}, finished ${report.finishedAt}`, ''];
  report.checks.forEach((result, index) => {
    out.push(`${index + 1}. ${result.name}${result.important ? '  [the wall depends on this one]' : ''}`);
    out.push(`   local tenant assumes: ${result.assumption}`);
    if (result.observed) {
      out.push(`   this tenant:          ${result.observed}`);
    }
    out.push(`   verdict:              ${verdictText(result)}`);
    if (result.verdict === 'DIFFERENT') {
      out.push(`   protects:             ${result.protects}`);
      if (result.blockerWhenDifferent) {
        out.push('   BLOCKER: the product relies on this; do not deploy before talking to us (docs/tenant-check.md).');
      }
    }
    out.push('');
  });
  out.push('Scratch lists:');
  for (const list of report.lists) {
    out.push(`  ${list.title}: ${list.deleted ? 'deleted' : `NOT deleted${list.note ? ` (${list.note})` : ''}`}`);
  }
  if (report.lists.length === 0) {
    out.push('  none made');
  }
  out.push('', 'To check by hand (one identity cannot):');
  report.manual.forEach((item, index) => out.push(`  [ ] ${index + 1}. ${item}`));
  const count = (verdict: CheckResult['verdict']): number => report.checks.filter((r) => r.verdict === verdict).length;
  out.push(
    '',
    `Summary: ${count('same')} same, ${count('DIFFERENT')} DIFFERENT, ${count('could not check')} could not check, ${count('skipped')} skipped.`,
    report.exitCode === 0
      ? 'Every check ran and matched what the product assumes.'
      : 'Not every assumption is confirmed: see docs/tenant-check.md, "When a check says DIFFERENT" (run again with --json for the report to send us).'
  );
  return out.join('\n');
}

export interface MainIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly fetch?: FetchLike;
}

/** Runs the command line; the exit code. */
export async function main(argv: readonly string[], io: MainIo): Promise<number> {
  const parsed = parseArgs(argv);
  if (typeof parsed === 'string') {
    io.stderr(`${parsed ? `${parsed}\n\n` : ''}${USAGE}\n`);
    return parsed ? 2 : 0;
  }
  const token = (io.env[TOKEN_ENV] ?? '').trim().replace(/^Bearer\s+/i, '');
  if (!token) {
    io.stderr(`${TOKEN_ENV} is not set: it must hold an access token for SharePoint.\n\n${USAGE}\n`);
    return 2;
  }
  try {
    const report = await runTenantCheck({
      site: parsed.site,
      token,
      large: parsed.large,
      keep: parsed.keep,
      fetch: io.fetch,
      log: (line) => io.stderr(`${line}\n`)
    });
    io.stdout(`${parsed.json ? JSON.stringify(report, undefined, 2) : formatReport(report)}\n`);
    return report.exitCode;
  } catch (error) {
    if (error instanceof AuthError) {
      io.stderr(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), {
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text)
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  );
}
