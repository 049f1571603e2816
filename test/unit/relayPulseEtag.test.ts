/**
 * The pulse lists are written only with SharePoint's ETag in IF-MATCH: a row that came without
 * one must never turn into `IF-MATCH: *` (which would write over whatever another writer put
 * there since, losing answers).
 */
import { etagOf, shuffleRandom } from '../../relay/src/pulse/ballotStore';

describe('etagOf', () => {
  it('answers the ETag SharePoint sent', () => {
    expect(etagOf({ 'odata.etag': '"7"' })).toBe('"7"');
  });

  it('refuses a row without an ETag instead of writing over anything', () => {
    expect(() => etagOf({})).toThrow(/ETag/);
    expect(() => etagOf({ 'odata.etag': 7 })).toThrow(/ETag/);
    expect(() => etagOf({ 'odata.etag': '' })).toThrow(/ETag/);
  });
});

describe('shuffleRandom', () => {
  it('draws numbers in [0, 1) that differ from draw to draw', () => {
    const draws = Array.from({ length: 1000 }, () => shuffleRandom());
    expect(draws.every((d) => d >= 0 && d < 1)).toBe(true);
    expect(new Set(draws).size).toBeGreaterThan(990);
  });
});
