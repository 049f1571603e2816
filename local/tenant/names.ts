/**
 * Names for a Swedish and a Dutch plant, including the agency consultants who work there.
 * Diacritics, apostrophes and Dutch surname prefixes on purpose: they must survive every path
 * (search, UPN folding, SharePoint claims, sorting).
 */

export interface NamePool {
  readonly given: readonly string[];
  readonly surnames: readonly string[];
}

export const SWEDISH: NamePool = {
  given: [
    'Anna', 'Björn', 'Göran', 'Märta', 'Linnéa', 'Sofia', 'Erik', 'Karin', 'Lars', 'Anders', 'Maja',
    'Elin', 'Oskar', 'Johan', 'Ingrid', 'Mikael', 'Annika', 'Per', 'Hanna', 'Ebba', 'Gustav', 'Sven',
    'Ulrika', 'Jörgen', 'Åke', 'Ida', 'Fredrik', 'Lena', 'Stefan', 'Malin', 'Niklas', 'Therese',
    'Mattias', 'Emelie', 'Kristoffer', 'Josefin', 'Tove', 'Håkan', 'Ylva', 'Rasmus'
  ],
  surnames: [
    'Johansson', 'Andersson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson',
    'Svensson', 'Gustafsson', 'Lindqvist', 'Åberg', 'Öberg', 'Sjögren', 'Bäckström', 'Holmgren',
    'Lundgren', 'Ström', 'Hägglund', 'Wallin', 'Engström', 'Sandberg', 'Forsberg', 'Nyström'
  ]
};

/** People of the Göteborg plant with roots elsewhere (a realistic mix on a Swedish shop floor). */
export const SWEDISH_MIX: NamePool = {
  given: ['Ali', 'Fatima', 'Emir', 'Leyla', 'Mehmet', 'Ayşe', 'Amir', 'Nadia', 'Dragan', 'Jelena', 'Kari', 'Sigrid'],
  surnames: ['Ünal', 'Yılmaz', 'Hadžić', 'Al-Hassan', 'Ødegaard', 'Mohammadi', 'Ahmadi', 'Jovanović', 'Haugen']
};

export const DUTCH: NamePool = {
  given: [
    'Sanne', 'Daan', 'Bram', 'Fleur', 'Joost', 'Marieke', 'Ruud', 'Anouk', 'Thijs', 'Eva', 'Noor',
    'Lotte', 'Sem', 'Ilse', 'Kees', 'Wouter', 'Femke', 'Jeroen', 'Inge', 'Maarten', 'Sjoerd', 'Tessa',
    'Niels', 'Esther', 'Gijs', 'Janneke', 'Bas', 'Renée', 'Koen', 'Loes', 'Stijn', 'Maud'
  ],
  surnames: [
    'van der Berg', 'de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'de Jong', 'van Dijk', 'Meijer',
    'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit',
    "'t Hart", 'van den Heuvel', 'Verbeek', 'van Beek', 'Willems', 'Coenen'
  ]
};

export const DUTCH_MIX: NamePool = {
  given: ['Mohammed', 'Yusuf', 'Fatma', 'Emre', 'Samira', 'Hamza', 'Zeynep', 'Ricardo'],
  surnames: ['Öztürk', 'El Amrani', 'Kaya', 'Ünal', 'Bouzid', 'Çelik', 'Martens', 'Tahiri']
};

/** Agency consultants: many come from Poland, Romania, Portugal and Ireland. */
export const AGENCY: NamePool = {
  given: [
    'Piotr', 'Katarzyna', 'Tomasz', 'Agnieszka', 'Marek', 'Małgorzata', 'Andrei', 'Ioana', 'Mihai',
    'João', 'Inês', 'Seán', 'Siobhán', 'Ciarán', 'Aoife', 'Paweł'
  ],
  surnames: [
    'Kowalski', 'Wiśniewski', 'Nowak', 'Zieliński', 'Lewandowska', 'Popescu', 'Ionescu', 'Gonçalves',
    "O'Brien", "O'Connor", 'Murphy', 'Dąbrowski', 'Ferreira', 'Stănescu'
  ]
};

const FOLD: Record<string, string> = {
  æ: 'ae', ø: 'o', å: 'a', ä: 'a', ö: 'o', ü: 'u', ß: 'ss', ł: 'l', đ: 'd', ı: 'i', œ: 'oe'
};

/** Lower-case ASCII letters and digits only: `Åsa Bäckström` → `asabackstrom`. */
export function asciiFold(text: string): string {
  const lowered = text.toLowerCase();
  let out = '';
  for (const char of lowered) {
    out += FOLD[char] ?? char;
  }
  return out
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]/g, '');
}

/** For search: lower case without diacritics, other characters kept. */
export function searchFold(text: string): string {
  const lowered = text.toLowerCase();
  let out = '';
  for (const char of lowered) {
    out += FOLD[char] ?? char;
  }
  return out.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}
