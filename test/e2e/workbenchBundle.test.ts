/**
 * The workbench's bundling, in-process against a scratch repository: parts are discovered by
 * scanning, strings modules load per locale, SCSS modules get theme variables, and a broken
 * part gives a readable error page instead of a crash.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import type { TenantContext } from '../../local/server/context';
import type { LocalRequest, LocalResponse } from '../../local/server/types';
import type { Directory, Person } from '../../local/tenant/directory';
import { createWorkbenchHandler } from '../../local/workbench';
import { ROOT } from './support/tenant';

jest.setTimeout(60_000);

const person = {
  id: '11111111-1111-1111-1111-111111111111',
  spUserId: 7,
  loginName: 'i:0#.f|membership|ada@plant.local',
  userPrincipalName: 'ada@plant.local',
  mail: 'ada@plant.local',
  displayName: 'Ada Operator',
  givenName: 'Ada',
  surname: 'Operator',
  jobTitle: 'Welder',
  department: 'Assembly',
  officeLocation: 'GOT',
  employeeType: 'Employee',
  preferredLanguage: 'sv-SE',
  employeeHireDate: '2020-01-01',
  role: 'operator',
  siteCode: 'GOT',
  isSiteOwner: false,
  isHr: false
} satisfies Person;

const directory: Directory = {
  all: () => [person],
  byId: (id) => (id === person.id ? person : undefined),
  bySpUserId: (id) => (id === person.spUserId ? person : undefined),
  byLogin: (login) => (login.toLowerCase().includes('ada@') ? person : undefined),
  defaultPersona: () => person
};

let repo: string;
let handle: (path: string, query?: string) => Promise<LocalResponse | undefined>;

function write(file: string, contents: string): void {
  fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  fs.writeFileSync(path.join(repo, file), contents);
}

function part(alias: string, body = ''): string {
  return `import * as React from 'react';
import * as ReactDom from 'react-dom';
import * as strings from 'HelloStrings';
import styles from './Hello.module.scss';
${body}
export const ${alias.toLowerCase()}Part = {
  id: '${alias}-id', alias: '${alias}', kind: 'webPart', defaultProperties: {},
  propertyPane: () => ({ description: '', groups: [] }),
  render: (element: HTMLElement) => ReactDom.render(<p className={styles.hello}>{strings.Greeting}</p>, element),
  dispose: (element: HTMLElement) => ReactDom.unmountComponentAtNode(element)
};
`;
}

function bodyText(response: LocalResponse | undefined): string {
  return String(response?.body ?? '');
}

beforeAll(() => {
  repo = fs.mkdtempSync(path.join(os.tmpdir(), 'se-workbench-'));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(repo, 'node_modules'), 'dir');
  write('config/config.json', JSON.stringify({ localizedResources: { HelloStrings: 'lib/webparts/hello/loc/{locale}.js' } }));
  write('src/webparts/hello/loc/en-us.js', "define([], function () { return { Greeting: 'Hello from the plant' }; });");
  write('src/webparts/hello/loc/nl-nl.js', "define([], function () { return { Greeting: 'Hallo uit de fabriek' }; });");
  write(
    'src/webparts/hello/Hello.module.scss',
    `@import '~@fluentui/react/dist/sass/References.scss';
.hello { color: "[theme:bodyText, default: #323130]"; border: 1px solid '[theme:neutralLight]'; }`
  );
  write('src/webparts/hello/Hello.part.tsx', part('HelloWebPart'));
  const context = { directory, repoRoot: repo, siteUrlPath: '/sites/engage' } as unknown as TenantContext;
  const handler = createWorkbenchHandler(context);
  handle = (requestPath, query = '') => {
    const request: LocalRequest = {
      method: 'GET',
      path: requestPath,
      query: new URLSearchParams(query),
      headers: {},
      body: Buffer.alloc(0),
      user: person,
      origin: 'http://127.0.0.1:9'
    };
    return handler(request);
  };
});

afterAll(() => {
  fs.rmSync(repo, { recursive: true, force: true });
});

describe('workbench bundle', () => {
  it('leaves other services’ paths alone', async () => {
    await expect(handle('/sites/engage/_api/web')).resolves.toBeUndefined();
    await expect(handle('/graph/v1.0/me')).resolves.toBeUndefined();
  });

  it('serves the page with the signed-in persona and the bundle of the locale', async () => {
    const page = await handle('/');
    expect(page?.status).toBe(200);
    expect(bodyText(page)).toContain('"userPrincipalName":"ada@plant.local"');
    expect(bodyText(page)).toMatch(/\/workbench\/app\.en-us\.js\?v=\w+/);
    const js = bodyText(await handle('/workbench/app.en-us.js'));
    expect(js).toContain('HelloWebPart');
    expect(js).toContain('Hello from the plant');
    expect(js).not.toContain('Hallo uit de fabriek');
    expect(js).toContain('sourceMappingURL=app.en-us.js.map');
    const map = await handle('/workbench/app.en-us.js.map');
    expect(map?.status).toBe(200);
    expect(JSON.parse(bodyText(map))).toHaveProperty('sources');
  });

  it('turns SPFx theme tokens into CSS variables in CSS modules', async () => {
    const css = bodyText(await handle('/workbench/app.en-us.css'));
    expect(css).toContain('color: var(--theme-bodyText, #323130)');
    expect(css).toContain('border: 1px solid var(--theme-neutralLight)');
    expect(css).not.toContain('[theme:');
  });

  it('loads one locale per bundle and falls back to English for a missing locale file', async () => {
    await handle('/', 'locale=nl-nl');
    expect(bodyText(await handle('/workbench/app.nl-nl.js'))).toContain('Hallo uit de fabriek');
    await handle('/', 'locale=sv-se');
    expect(bodyText(await handle('/workbench/app.sv-se.js'))).toContain('Hello from the plant');
    expect((await handle('/workbench/app.xx-yy.js'))?.status).toBe(404);
  });

  it('picks up a new part by itself on the next page load', async () => {
    write('src/webparts/second/Second.part.tsx', part('SecondWebPart').replace(/'\.\/Hello\.module\.scss'/, "'../hello/Hello.module.scss'"));
    expect((await handle('/'))?.status).toBe(200);
    expect(bodyText(await handle('/workbench/app.en-us.js'))).toContain('SecondWebPart');
    fs.rmSync(path.join(repo, 'src/webparts/second'), { recursive: true });
  });

  it('shows a readable error page when a part does not build, and recovers', async () => {
    write('src/webparts/hello/Hello.part.tsx', part('HelloWebPart', 'const broken = ;'));
    const page = await handle('/');
    expect(page?.status).toBe(500);
    expect(bodyText(page)).toContain('did not build');
    expect(bodyText(page)).toContain(path.join('src', 'webparts', 'hello', 'Hello.part.tsx'));
    write('src/webparts/hello/Hello.part.tsx', part('HelloWebPart'));
    expect((await handle('/', 'rebuild=1'))?.status).toBe(200);
  });

  it('refuses SPFx runtime imports in hosted code', async () => {
    write('src/webparts/hello/Hello.part.tsx', part('HelloWebPart', "import { Version } from '@microsoft/sp-core-library';\nvoid Version;"));
    const page = await handle('/');
    expect(page?.status).toBe(500);
    expect(bodyText(page)).toContain('without the SPFx runtime');
    write('src/webparts/hello/Hello.part.tsx', part('HelloWebPart'));
  });
});
