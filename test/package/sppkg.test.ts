import * as fs from 'fs';
import * as path from 'path';
import { XMLParser } from 'fast-xml-parser';
import type JSZip from 'jszip';

import { parseElements } from '../../src/core/schema/listSchema';
import { LISTS } from '../../src/core/schema/lists';
import { findFiles, readJsonWithComments, ROOT } from '../support/sources';
import { openBuiltPackage, readEntry } from '../support/sppkg';

interface PackageSolution {
  solution: {
    id: string;
    version: string;
    supportedLocales: string[];
    webApiPermissionRequests?: Array<{ resource: string; scope: string }>;
    features: Array<{
      id: string;
      version: string;
      assets: { elementManifests: string[]; elementFiles: string[]; upgradeActions?: string[] };
    }>;
  };
}

interface ComponentManifest {
  id: string;
  alias: string;
  componentType: string;
  supportedHosts?: string[];
  preconfiguredEntries?: Array<{ title: Record<string, string> }>;
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['Relationship', 'SupportedLocale', 'WebApiPermissionRequest'].includes(name) });
const solutionConfig = readJsonWithComments(
  path.join(ROOT, 'config', 'package-solution.json')
) as PackageSolution;
const [feature] = solutionConfig.solution.features;
const KNOWN_HOSTS = [
  'SharePointWebPart',
  'SharePointFullPage',
  'TeamsTab',
  'TeamsPersonalApp',
  'TeamsMeetingApp',
  // Adaptive Card Extensions (Viva Connections cards)
  'Dashboard'
];

const README_SECTIONS = {
  'graph-permissions': /<!-- graph-permissions:start -->([\s\S]*?)<!-- graph-permissions:end -->/,
  'relay-permissions': /<!-- relay-permissions:start -->([\s\S]*?)<!-- relay-permissions:end -->/
};

/** The scopes in a README table between `<!-- {section}:start -->` and `<!-- {section}:end -->`. */
function documentedScopes(section: keyof typeof README_SECTIONS): string[] {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const match = README_SECTIONS[section].exec(readme);
  if (!match) {
    throw new Error(`README.md has no ${section} section`);
  }
  return match[1]
    .split('\n')
    .map((line) => /^\|\s*`([A-Za-z._]+)`\s*\|/.exec(line.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => m[1])
    .sort();
}

describe('the .sppkg built by npm run ship', () => {
  let zip: JSZip;
  let relationships: Array<{ '@Type': string; '@Target': string }>;

  beforeAll(async () => {
    zip = await openBuiltPackage();
    const rels = xml.parse(await readEntry(zip, `_rels/feature_${feature.id}.xml.rels`));
    relationships = rels.Relationships.Relationship;
  });

  function targets(kind: string): string[] {
    return relationships
      .filter((r) => r['@Type'].endsWith(`/${kind}`))
      .map((r) => r['@Target'].replace(/^\//, ''))
      .sort();
  }

  it('has an AppManifest for this solution, version and languages', async () => {
    const manifest = xml.parse(await readEntry(zip, 'AppManifest.xml')).App;
    expect(manifest['@ProductID']).toBe(solutionConfig.solution.id);
    expect(manifest['@Version']).toBe(solutionConfig.solution.version);
    expect(manifest['@IsClientSideSolution']).toBe('true');
    const locales = manifest.Properties.SupportedLocales.SupportedLocale.map(
      (l: { '@CultureName': string }) => l['@CultureName']
    );
    expect(locales.sort()).toEqual(['en-US', 'nl-NL', 'sv-SE']);
  });

  it('holds the list feature with its version', async () => {
    const featureXml = xml.parse(await readEntry(zip, `feature_${feature.id}.xml`)).Feature;
    expect(featureXml['@Id']).toBe(feature.id);
    expect(featureXml['@Version']).toBe(feature.version);
    expect(featureXml['@Scope']).toBe('Web');
  });

  it('ships elements.xml and every list schema unchanged from sharepoint/assets', async () => {
    const manifests = targets('feature-elementmanifest');
    expect(manifests).toContain(`${feature.id}/elements.xml`);
    const schemaFiles = findFiles('sharepoint/assets', /^schema-.*\.xml$/).map((f) => path.basename(f));
    expect(targets('feature-elementfile')).toEqual(schemaFiles.sort());

    const source = fs.readFileSync(path.join(ROOT, 'sharepoint', 'assets', 'elements.xml'), 'utf8');
    expect(await readEntry(zip, `${feature.id}/elements.xml`)).toBe(source);
    for (const file of schemaFiles) {
      const original = fs.readFileSync(path.join(ROOT, 'sharepoint', 'assets', file), 'utf8');
      expect([file, await readEntry(zip, file)]).toEqual([file, original]);
    }
  });

  it('provisions every list of the registry, each with a schema in the package', async () => {
    const { listInstances } = parseElements(await readEntry(zip, `${feature.id}/elements.xml`));
    const titles = listInstances.map((i) => i.title).sort();
    expect(titles).toEqual(Object.values(LISTS).map((l) => l.title).sort());
    for (const instance of listInstances) {
      expect([instance.title, instance.customSchema && zip.file(instance.customSchema) !== null]).toEqual([instance.title, true]);
    }
  });

  it('wires each upgrade action to element manifests that are in the package', async () => {
    const actions = targets('feature-upgradeactions');
    expect(actions).toEqual((feature.assets.upgradeActions ?? []).map((f) => `${feature.id}/${path.basename(f)}`).sort());
    for (const action of actions) {
      const text = await readEntry(zip, action);
      for (const [, location] of text.matchAll(/Location="([^"]+)"/g)) {
        expect(zip.file(location.replace(/\\/g, '/'))).not.toBeNull();
      }
    }
  });

  it('describes every component with a unique id, its hosts and a title in three languages', async () => {
    const files = targets('feature-elementmanifest').filter((t) => !t.endsWith('/elements.xml'));
    const sourceManifests = findFiles('src', /\.manifest\.json$/);
    expect(files).toHaveLength(sourceManifests.length);

    const ids = new Set<string>();
    for (const file of files) {
      const element = xml.parse(await readEntry(zip, file)).Elements.ClientSideComponent;
      const manifest = JSON.parse(element['@ComponentManifest']) as ComponentManifest;
      expect(element['@Id']).toBe(manifest.id);
      expect(ids.has(manifest.id)).toBe(false);
      ids.add(manifest.id);
      if (manifest.componentType === 'WebPart' || manifest.componentType === 'AdaptiveCardExtension') {
        expect(manifest.supportedHosts?.length).toBeGreaterThan(0);
        expect(manifest.supportedHosts?.filter((h) => !KNOWN_HOSTS.includes(h))).toEqual([]);
        for (const entry of manifest.preconfiguredEntries ?? []) {
          expect(Object.keys(entry.title).sort()).toEqual(['default', 'nl-NL', 'sv-SE']);
        }
      }
    }
  });

  it('carries the strings of every component in English, Dutch and Swedish', () => {
    const assets = Object.keys(zip.files).filter((name) => name.startsWith('ClientSideAssets/'));
    const config = readJsonWithComments(path.join(ROOT, 'config', 'config.json')) as {
      localizedResources: Record<string, string>;
    };
    for (const moduleName of Object.keys(config.localizedResources)) {
      for (const locale of ['en-us', 'nl-nl', 'sv-se']) {
        const prefix = `ClientSideAssets/${moduleName}_${locale}_`;
        expect([moduleName, locale, assets.some((a) => a.startsWith(prefix))]).toEqual([moduleName, locale, true]);
      }
    }
  });

  it('requests exactly the Graph and relay permissions the README documents', async () => {
    const all = solutionConfig.solution.webApiPermissionRequests ?? [];
    expect(Array.from(new Set(all.map((r) => r.resource))).sort()).toEqual(['Microsoft Graph', 'Shopfloor Engage Relay']);
    const scopesOf = (resource: string): string[] => all.filter((r) => r.resource === resource).map((r) => r.scope).sort();
    expect(scopesOf('Microsoft Graph')).toEqual(documentedScopes('graph-permissions'));
    expect(scopesOf('Shopfloor Engage Relay')).toEqual(documentedScopes('relay-permissions'));
    const requested = all.map((r) => r.scope);

    const appManifest = await readEntry(zip, 'AppManifest.xml');
    const inPackage = [...appManifest.matchAll(/Scope="([^"]+)"/g)].map((m) => m[1]).sort();
    expect(inPackage).toEqual(requested.sort());
  });

  it('gives each component its own bundle, with the chunks it loads on demand beside it', async () => {
    const config = readJsonWithComments(path.join(ROOT, 'config', 'config.json')) as {
      bundles: Record<string, { components: Array<{ manifest: string }> }>;
    };
    const assets = new Set(Object.keys(zip.files).filter((name) => name.startsWith('ClientSideAssets/')));
    const bundleOf = new Map<string, string>();
    for (const [bundle, { components }] of Object.entries(config.bundles)) {
      for (const component of components) {
        bundleOf.set((readJsonWithComments(path.join(ROOT, component.manifest)) as ComponentManifest).id, bundle);
      }
    }
    const files = targets('feature-elementmanifest').filter((t) => !t.endsWith('/elements.xml'));
    for (const file of files) {
      const element = xml.parse(await readEntry(zip, file)).Elements.ClientSideComponent;
      const manifest = JSON.parse(element['@ComponentManifest']) as {
        id: string;
        alias: string;
        loaderConfig: { entryModuleId: string; scriptResources: Record<string, { type: string; path?: string }> };
      };
      const bundle = bundleOf.get(manifest.id);
      expect([manifest.alias, manifest.loaderConfig.entryModuleId]).toEqual([manifest.alias, bundle]);
      const script = manifest.loaderConfig.scriptResources[manifest.loaderConfig.entryModuleId]?.path ?? '';
      expect([manifest.alias, assets.has(`ClientSideAssets/${script}`)]).toEqual([manifest.alias, true]);
      // webpack's runtime in the bundle names the chunk files it loads relative to itself:
      // "chunk."+({515:"recognition-composer"}[e]||e)+"_"+{515:"<hash>",…}[e]+".js".
      const text = await readEntry(zip, `ClientSideAssets/${script}`);
      const loader = /"chunk\."\+(.+?)\+"_"\+\{([^}]*)\}\[[\w$]+\]\+"\.js"/.exec(text);
      if (!loader) {
        continue; // nothing loaded on demand
      }
      const pairs = (source: string): Map<string, string> => new Map(Array.from(source.matchAll(/(\d+):"([^"]+)"/g), (m): [string, string] => [m[1], m[2]]));
      const single = /^\((\d+)===[\w$]+\?"([^"]+)":[\w$]+\)$/.exec(loader[1]);
      const names = single ? new Map([[single[1], single[2]]]) : pairs(loader[1]);
      for (const [id, hash] of pairs(loader[2])) {
        const chunk = `ClientSideAssets/chunk.${names.get(id) ?? id}_${hash}.js`;
        expect([manifest.alias, chunk, assets.has(chunk)]).toEqual([manifest.alias, chunk, true]);
      }
    }
    // The recognition parts load their composers and HR's forms on demand.
    const chunkNames = Array.from(assets, (name) => /^ClientSideAssets\/chunk\.([a-z-]+)_[0-9a-f]{20}\.js$/.exec(name)?.[1]).filter(Boolean);
    expect(chunkNames).toEqual(expect.arrayContaining(['recognition-composer', 'crew-composer', 'recognition-value-editor', 'recognition-moderation']));
  });

  it('contains no development-only code', async () => {
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.js'))) {
      const text = await readEntry(zip, name);
      expect([name, /localhost:\d+|local-tenant/.test(text)]).toEqual([name, false]);
    }
  });
});
