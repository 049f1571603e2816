import * as path from 'path';

import {
  findFiles,
  loadAmdStrings,
  LOCALES,
  readJsonWithComments,
  readStringsDeclaration,
  ROOT
} from '../support/sources';

const declarations = findFiles('src', /^mystrings\.d\.ts$/);
// Web parts and cards carry their titles in the manifest; extensions have none to show.
const manifests = findFiles('src', /\.manifest\.json$/).filter((file) => {
  const { componentType } = readJsonWithComments(file) as { componentType?: string };
  return componentType === 'WebPart' || componentType === 'AdaptiveCardExtension';
});

function placeholders(text: string): string[] {
  return (text.match(/\{\d+\}/g) ?? []).sort();
}

describe('localisation', () => {
  it('finds the strings modules of the solution', () => {
    expect(declarations.length).toBeGreaterThan(0);
  });

  describe.each(declarations.map((file) => [path.relative(ROOT, path.dirname(file)), file]))(
    '%s',
    (_folder, declarationFile) => {
      const declaration = readStringsDeclaration(declarationFile);
      const folder = path.dirname(declarationFile);

      it('declares keys and a module name', () => {
        expect(declaration.keys.length).toBeGreaterThan(0);
        expect(declaration.moduleName).not.toBe('');
      });

      it.each(LOCALES.map((locale) => [locale]))('%s has every declared key, filled', (locale) => {
        const strings = loadAmdStrings(path.join(folder, `${locale}.js`));
        expect(Object.keys(strings).sort()).toEqual([...declaration.keys].sort());
        for (const key of declaration.keys) {
          const value = strings[key];
          expect(typeof value === 'string' && value.trim().length > 0 ? key : `${key}: empty`).toBe(key);
        }
      });

      it('keeps the same placeholders in every language', () => {
        const english = loadAmdStrings(path.join(folder, 'en-us.js'));
        for (const locale of LOCALES) {
          const strings = loadAmdStrings(path.join(folder, `${locale}.js`));
          for (const key of declaration.keys) {
            expect([locale, key, placeholders(String(strings[key]))]).toEqual([
              locale,
              key,
              placeholders(String(english[key]))
            ]);
          }
        }
      });

      it('is registered in config/config.json', () => {
        const config = readJsonWithComments(path.join(ROOT, 'config', 'config.json')) as {
          localizedResources: Record<string, string>;
        };
        const registered = config.localizedResources[declaration.moduleName];
        const expected = path
          .relative(ROOT, folder)
          .replace(/^src/, 'lib')
          .split(path.sep)
          .join('/');
        expect(registered).toBe(`${expected}/{locale}.js`);
      });
    }
  );

  it.each(manifests.map((file) => [path.relative(ROOT, file), file]))(
    '%s has a title and description in English, Dutch and Swedish',
    (_name, file) => {
      const manifest = readJsonWithComments(file) as {
        preconfiguredEntries?: Array<{ title: Record<string, string>; description: Record<string, string> }>;
      };
      const entries = manifest.preconfiguredEntries ?? [];
      expect(entries.length).toBeGreaterThan(0);
      for (const entry of entries) {
        for (const field of [entry.title, entry.description]) {
          expect(Object.keys(field).sort()).toEqual(['default', 'nl-NL', 'sv-SE']);
          expect(Object.values(field).every((text) => text.trim().length > 0)).toBe(true);
        }
      }
    }
  );
});
