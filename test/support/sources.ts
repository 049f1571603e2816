import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import * as vm from 'vm';

export const ROOT = path.resolve(__dirname, '..', '..');
export const LOCALES = ['en-us', 'nl-nl', 'sv-se'] as const;
export type Locale = (typeof LOCALES)[number];

/** Every file below `dir` (relative to the repository root) whose name matches. */
export function findFiles(dir: string, pattern: RegExp): string[] {
  const found: string[] = [];
  const walk = (abs: string): void => {
    for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
      const full = path.join(abs, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (pattern.test(entry.name)) {
        found.push(full);
      }
    }
  };
  walk(path.join(ROOT, dir));
  return found.sort();
}

/** Runs an SPFx AMD strings module the way SPFx does and returns what it defines. */
export function loadAmdStrings(file: string): Record<string, unknown> {
  let result: unknown;
  const define = (_deps: unknown, factory: () => unknown): void => {
    result = factory();
  };
  vm.runInNewContext(fs.readFileSync(file, 'utf8'), { define }, { filename: file });
  if (typeof result !== 'object' || result === null) {
    throw new Error(`${file} defines no strings object`);
  }
  return result as Record<string, unknown>;
}

/** Reads JSON with comments (SPFx manifests and config files allow them). */
export function readJsonWithComments(file: string): unknown {
  const parsed = ts.parseConfigFileTextToJson(file, fs.readFileSync(file, 'utf8'));
  if (parsed.error) {
    throw new Error(`${file}: ${ts.flattenDiagnosticMessageText(parsed.error.messageText, '\n')}`);
  }
  return parsed.config;
}

export interface StringsDeclaration {
  moduleName: string;
  keys: string[];
}

/** The interface keys and the module name declared in a `mystrings.d.ts`. */
export function readStringsDeclaration(file: string): StringsDeclaration {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const keys: string[] = [];
  let moduleName = '';
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node)) {
      for (const member of node.members) {
        if (member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) {
          keys.push(member.name.text);
        }
      }
    }
    if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) {
      moduleName = node.name.text;
    }
  });
  return { moduleName, keys };
}
