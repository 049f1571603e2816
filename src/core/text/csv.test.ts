import { csvDelimiterFor, csvOf, neutralised, UTF8_BOM } from './csv';

describe('csvOf', () => {
  it('starts with the UTF-8 byte-order mark and ends every row with CRLF', () => {
    const text = csvOf([
      ['Group', 'Engagement'],
      ['Ploeg Ø', '72']
    ]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1)).toBe('Group,Engagement\r\nPloeg Ø,72\r\n');
  });

  it('quotes cells holding the delimiter, a quote or a line break, and doubles quotes', () => {
    expect(csvOf([['a,b', 'say "hi"', 'two\nlines', 'plain']])).toBe(`${UTF8_BOM}"a,b","say ""hi""","two\nlines",plain\r\n`);
  });

  it('with the semicolon delimiter quotes semicolons and leaves commas alone', () => {
    expect(csvOf([['Lijn 2; las', '3,5']], ';')).toBe(`${UTF8_BOM}"Lijn 2; las";3,5\r\n`);
  });

  it('keeps a participation rate, as each language writes it, one cell of text', () => {
    expect(csvOf([['Participation', '72% · 1,234 of 1,500']])).toBe(`${UTF8_BOM}Participation,"72% · 1,234 of 1,500"\r\n`);
    expect(csvOf([['Deelname', '72% · 1.234 van 1.500']], ';')).toBe(`${UTF8_BOM}Deelname;72% · 1.234 van 1.500\r\n`);
    expect(csvOf([['Deltagande', '72\u00a0% · 1\u00a0234 av 1\u00a0500']], ';')).toBe(`${UTF8_BOM}Deltagande;72\u00a0% · 1\u00a0234 av 1\u00a0500\r\n`);
  });

  it('neutralises every cell a spreadsheet would take for a formula', () => {
    ['=1+1', '+SUM(A1)', '-2+3+cmd|calc', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("http://x")'].forEach((cell) => {
      expect(neutralised(cell)).toBe(`'${cell}`);
    });
    const text = csvOf([['=HYPERLINK("http://x","y")', 'ok']]);
    expect(text).toBe(`${UTF8_BOM}"'=HYPERLINK(""http://x"",""y"")",ok\r\n`);
  });

  it('leaves plain numbers and ordinary text as they are', () => {
    ['-12', '+4', '3.5', '4,5', '0', 'Too few to show', 'a=b', ' =1'].forEach((cell) => {
      expect(neutralised(cell)).toBe(cell);
    });
  });
});

describe('csvDelimiterFor', () => {
  it('is the semicolon in Dutch and Swedish, the comma otherwise', () => {
    expect(csvDelimiterFor('nl-nl')).toBe(';');
    expect(csvDelimiterFor('sv-SE')).toBe(';');
    expect(csvDelimiterFor('en-us')).toBe(',');
    expect(csvDelimiterFor('de-de')).toBe(',');
  });
});
