/**
 * Every loc file and manifest speaks the glossary (docs/glossary.md): no variant the glossary
 * forbids (docs/glossary.json, `avoid`) appears in a text of that language.
 */
import * as fs from 'fs';
import * as path from 'path';

import { findFiles, loadAmdStrings, readJsonWithComments, ROOT } from '../support/sources';

type Language = 'en' | 'nl' | 'sv';

interface GlossaryTerm {
  readonly term: string;
  readonly en: string;
  readonly nl: string;
  readonly sv: string;
  readonly avoid: Readonly<Record<Language, readonly string[]>>;
}

const LANGUAGES: readonly Language[] = ['en', 'nl', 'sv'];
const glossary = JSON.parse(fs.readFileSync(path.join(ROOT, 'docs', 'glossary.json'), 'utf8')) as { terms: GlossaryTerm[] };
const glossaryDoc = fs.readFileSync(path.join(ROOT, 'docs', 'glossary.md'), 'utf8');

/** An `avoid` entry as the test matches it: case-insensitive, at the start of a word. */
function banned(source: string): RegExp {
  // The patterns are the glossary's own (docs/glossary.json), written for this test.
  // eslint-disable-next-line @rushstack/security/no-unsafe-regexp
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})`, 'iu');
}

const BANNED: Record<Language, Array<{ term: string; source: string; pattern: RegExp }>> = { en: [], nl: [], sv: [] };
for (const term of glossary.terms) {
  for (const language of LANGUAGES) {
    for (const source of term.avoid[language]) {
      BANNED[language].push({ term: term.term, source, pattern: banned(source) });
    }
  }
}

/** The words a language shows, with where each comes from. */
interface Text {
  readonly where: string;
  readonly text: string;
}

const LOC_FILE: Record<Language, string> = { en: 'en-us.js', nl: 'nl-nl.js', sv: 'sv-se.js' };
const MANIFEST_KEY: Record<Language, string> = { en: 'default', nl: 'nl-NL', sv: 'sv-SE' };

function textsOf(language: Language): Text[] {
  const texts: Text[] = [];
  const locFiles = findFiles('src', /^[a-z]{2}-[a-z]{2}\.js$/).filter((f) => path.basename(f) === LOC_FILE[language] && path.basename(path.dirname(f)) === 'loc');
  for (const file of locFiles) {
    const strings = loadAmdStrings(file);
    for (const [key, value] of Object.entries(strings)) {
      texts.push({ where: `${path.relative(ROOT, file)} ${key}`, text: String(value) });
    }
  }
  for (const file of findFiles('src', /\.manifest\.json$/)) {
    const manifest = readJsonWithComments(file) as { preconfiguredEntries?: Array<Record<string, unknown>> };
    for (const entry of manifest.preconfiguredEntries ?? []) {
      for (const field of ['title', 'description', 'group']) {
        const localised = entry[field] as Record<string, string> | undefined;
        const text = localised?.[MANIFEST_KEY[language]];
        if (typeof text === 'string') {
          texts.push({ where: `${path.relative(ROOT, file)} ${field}`, text });
        }
      }
    }
  }
  for (const file of findFiles('src', /Words\.ts$/)) {
    texts.push(...wordsTableTexts(file, language));
  }
  return texts;
}

/**
 * The texts of one language in a words table (`const en: …Words = {…}`, then `nl`, then `sv`,
 * picked by `wordsFor`): every string and template literal between that language's `const` and
 * the next one, functions' templates included.
 */
function wordsTableTexts(file: string, language: Language): Text[] {
  const source = fs.readFileSync(file, 'utf8');
  if (!/wordsFor\(WORDS/.test(source)) {
    return [];
  }
  // The table of each language starts a line: `const nl: PlanWords = {`.
  const start = source.split('\n').findIndex((line) => line.startsWith(`const ${language}: `) && line.endsWith('= {'));
  if (start < 0) {
    return [];
  }
  const rest = source.split('\n').slice(start).join('\n').slice(1);
  const next = rest.search(/^const [A-Za-z]+: /m);
  const block = next < 0 ? rest : rest.slice(0, next);
  const texts: Text[] = [];
  for (const match of block.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)) {
    const text = match[1] ?? match[2] ?? match[3] ?? '';
    if (/\p{L}{3}/u.test(text)) {
      texts.push({ where: `${path.relative(ROOT, file)} (${language})`, text });
    }
  }
  return texts;
}

function violations(language: Language, texts: readonly Text[]): string[] {
  const found: string[] = [];
  for (const { where, text } of texts) {
    for (const { term, source, pattern } of BANNED[language]) {
      const match = pattern.exec(text);
      if (match) {
        found.push(`${where}: "${match[0]}" (${term}: avoid /${source}/) in "${text}"`);
      }
    }
  }
  return found;
}

describe('glossary', () => {
  it('has one word per language for every term, and sound patterns to avoid', () => {
    expect(glossary.terms.length).toBeGreaterThan(10);
    for (const term of glossary.terms) {
      for (const language of LANGUAGES) {
        expect([term.term, language, typeof term[language] === 'string' && term[language].trim() !== '']).toEqual([term.term, language, true]);
        expect(() => term.avoid[language].map(banned)).not.toThrow();
        // A term's own word is never a variant to avoid.
        expect([term.term, language, term.avoid[language].filter((source) => banned(source).test(term[language]))]).toEqual([term.term, language, []]);
      }
    }
  });

  it('docs/glossary.md lists every term with its word in each language', () => {
    const rows = glossaryDoc.split('\n').filter((line) => line.startsWith('|'));
    for (const term of glossary.terms) {
      const row = rows.find((line) => line.includes(`**${term.term}**`));
      expect([term.term, row !== undefined && LANGUAGES.every((language) => row.includes(term[language]))]).toEqual([term.term, true]);
    }
  });

  it('catches what it is meant to, and only that', () => {
    expect(violations('sv', [{ where: 'x', text: 'Mitt lag' }])).toHaveLength(2);
    expect(violations('sv', [{ where: 'x', text: 'Mitt arbetslag · Sökresultat · Värdering · Anställningsjubileum' }])).toEqual([]);
    expect(violations('nl', [{ where: 'x', text: 'Vraag uw IT-beheerder' }])).toHaveLength(1);
    expect(violations('nl', [{ where: 'x', text: 'Vraag je IT-beheerder; uiteindelijk' }])).toEqual([]);
    expect(violations('en', [{ where: 'x', text: 'Recognize a colleague' }])).toHaveLength(1);
    expect(violations('nl', [{ where: 'x', text: 'Je pulse-enquête wordt gezocht' }])).toHaveLength(1);
    expect(violations('nl', [{ where: 'x', text: 'Je pulsmeting wordt gezocht' }])).toEqual([]);
  });

  it('reads the words tables of every language, not only loc files', () => {
    const planWords = path.join(ROOT, 'src', 'ui', 'pulsePlans', 'planWords.ts');
    for (const language of LANGUAGES) {
      expect([language, wordsTableTexts(planWords, language).length > 20]).toEqual([language, true]);
    }
    // Each language's block only: the Dutch texts hold no English sentence of the table.
    const nl = wordsTableTexts(planWords, 'nl').map((t) => t.text);
    const en = new Set(wordsTableTexts(planWords, 'en').map((t) => t.text));
    expect(nl.filter((text) => en.has(text) && /\s/.test(text))).toEqual([]);
  });

  it.each(LANGUAGES.map((language) => [language]))('%s: no loc file, manifest or words table uses a variant the glossary forbids', (language) => {
    const texts = textsOf(language);
    expect(texts.length).toBeGreaterThan(100);
    expect(violations(language, texts)).toEqual([]);
  });
});
