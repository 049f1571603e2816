import { indexedPage, nextWindowUpper, wallConditions, windowPage } from './wallQuery';

describe('wall queries under the list view threshold', () => {
  it('puts the most selective indexed filter first and keeps only published posts', () => {
    expect(wallConditions({ siteCode: 'GOT', valueKey: 'safety', crewKey: 'GOT-WELD-A' })).toEqual([
      "CrewKey eq 'GOT-WELD-A'",
      "ValueKey eq 'safety'",
      "SiteCode eq 'GOT'",
      "Status eq 'published'"
    ]);
  });

  it('escapes names and codes in filters', () => {
    expect(indexedPage({ lineCode: "Line 'B'" }, 20).filter).toBe("LineCode eq 'Line ''B''' and Status eq 'published'");
  });

  it('pages the indexed query by ID', () => {
    expect(indexedPage({ recipientId: 12 }, 20, 900)).toEqual({
      filter: "RecipientId eq 12 and Status eq 'published' and ID lt 900",
      top: 20,
      orderBy: 'ID desc'
    });
  });

  it('starts a window query with a range of at most 5,000 IDs', () => {
    expect(windowPage({ siteCode: 'GOT' }, 1_000_000, 30).filter).toBe(
      "ID gt 995000 and ID le 1000000 and SiteCode eq 'GOT' and Status eq 'published'"
    );
    expect(windowPage({}, 1200, 30).filter).toBe("ID gt 0 and ID le 1200 and Status eq 'published'");
  });

  it('walks windows back until the first item', () => {
    expect(nextWindowUpper(12_000)).toBe(7000);
    expect(nextWindowUpper(4000)).toBeUndefined();
  });
});
