/**
 * Which Chromium the end-to-end tests and the bench drive (test/e2e/support/chromium.ts): the
 * fallback order, and the flags the packaged one gets. No browser is launched or unpacked.
 */
import {
  BROWSER_ENV,
  CHROMIUM_ARGS,
  chooseChromium,
  MACHINE_CHROMIUM,
  packagedChromiumArgs
} from '../e2e/support/chromium';

function only(...present: string[]): (file: string) => boolean {
  return (file) => present.includes(file);
}

describe('chooseChromium', () => {
  it('takes CHROMIUM_PATH first, even where the machine has its own', () => {
    expect(chooseChromium({ CHROMIUM_PATH: '/opt/chrome/chrome' }, only('/opt/chrome/chrome', MACHINE_CHROMIUM))).toEqual({
      source: 'CHROMIUM_PATH',
      executablePath: '/opt/chrome/chrome'
    });
  });

  it('fails on a CHROMIUM_PATH that is not there instead of falling back', () => {
    expect(() => chooseChromium({ CHROMIUM_PATH: '/opt/none' }, only(MACHINE_CHROMIUM))).toThrow(
      'No Chromium at /opt/none (CHROMIUM_PATH).'
    );
  });

  it("takes the machine's /usr/bin/chromium next", () => {
    expect(chooseChromium({}, only(MACHINE_CHROMIUM))).toEqual({ source: 'machine', executablePath: MACHINE_CHROMIUM });
    expect(chooseChromium({ CHROMIUM_PATH: '' }, only(MACHINE_CHROMIUM))).toEqual({
      source: 'machine',
      executablePath: MACHINE_CHROMIUM
    });
  });

  it('falls back to the packaged Chromium where the machine has none', () => {
    expect(chooseChromium({}, only())).toEqual({ source: 'packaged' });
    expect(chooseChromium({ [BROWSER_ENV]: '' }, only())).toEqual({ source: 'packaged' });
  });

  it(`takes the packaged one when ${BROWSER_ENV}=packaged, whatever else is there`, () => {
    const everything = only('/opt/chrome/chrome', MACHINE_CHROMIUM);
    expect(chooseChromium({ [BROWSER_ENV]: 'packaged' }, everything)).toEqual({ source: 'packaged' });
    expect(chooseChromium({ [BROWSER_ENV]: 'packaged', CHROMIUM_PATH: '/opt/chrome/chrome' }, everything)).toEqual({
      source: 'packaged'
    });
  });

  it(`refuses the fallback when ${BROWSER_ENV}=machine`, () => {
    expect(chooseChromium({ [BROWSER_ENV]: 'machine' }, only(MACHINE_CHROMIUM))).toEqual({
      source: 'machine',
      executablePath: MACHINE_CHROMIUM
    });
    expect(chooseChromium({ [BROWSER_ENV]: 'machine', CHROMIUM_PATH: '/opt/chrome/chrome' }, only('/opt/chrome/chrome'))).toEqual({
      source: 'CHROMIUM_PATH',
      executablePath: '/opt/chrome/chrome'
    });
    expect(() => chooseChromium({ [BROWSER_ENV]: 'machine' }, only())).toThrow(`${BROWSER_ENV}=machine`);
  });

  it(`rejects an unknown ${BROWSER_ENV}`, () => {
    expect(() => chooseChromium({ [BROWSER_ENV]: 'chrome' }, only(MACHINE_CHROMIUM))).toThrow(
      `${BROWSER_ENV}=chrome: use "packaged", "machine" or leave it unset.`
    );
  });
});

describe('packagedChromiumArgs', () => {
  // What @sparticuz/chromium 153 recommends (its `args`, graphics on).
  const recommended153 = [
    '--ash-no-nudges',
    '--disable-domain-reliability',
    '--disable-print-preview',
    '--disk-cache-size=33554432',
    '--no-default-browser-check',
    '--no-pings',
    '--single-process',
    '--font-render-hinting=none',
    '--disable-features=AudioServiceOutOfProcess,IsolateOrigins,site-per-process',
    '--enable-features=SharedArrayBuffer',
    '--ignore-gpu-blocklist',
    '--in-process-gpu',
    '--use-gl=angle',
    '--use-angle=swiftshader',
    '--enable-unsafe-swiftshader',
    '--allow-running-insecure-content',
    '--disable-setuid-sandbox',
    '--disable-site-isolation-trials',
    '--disable-web-security',
    "--headless='shell'",
    '--no-sandbox',
    '--no-zygote'
  ];

  it("keeps every flag of the machine Chromium's launch, first and once", () => {
    const args = packagedChromiumArgs(recommended153);
    expect(args.slice(0, CHROMIUM_ARGS.length)).toEqual(CHROMIUM_ARGS);
    expect(new Set(args).size).toBe(args.length);
    expect(args.filter((arg) => arg.startsWith('--headless'))).toEqual(['--headless']);
  });

  it('adds only the quiet flags, none that changes what a page may do or how text measures', () => {
    expect(packagedChromiumArgs(recommended153)).toEqual([
      ...CHROMIUM_ARGS,
      '--ash-no-nudges',
      '--disable-domain-reliability',
      '--disable-print-preview',
      '--disk-cache-size=33554432',
      '--no-default-browser-check',
      '--no-pings'
    ]);
  });

  it('passes a flag it does not know yet through', () => {
    expect(packagedChromiumArgs(['--some-new-flag=1', '--disable-web-security'])).toEqual([...CHROMIUM_ARGS, '--some-new-flag=1']);
  });
});
