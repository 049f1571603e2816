import { RecognitionStoreError, storeErrorCode } from './ports';

describe('storeErrorCode', () => {
  it('reads a store error’s code, by shape too (an ES5 build loses the prototype)', () => {
    expect(storeErrorCode(new RecognitionStoreError('conflict', 'stale'))).toBe('conflict');
    expect(storeErrorCode({ code: 'throttled', message: 'busy' })).toBe('throttled');
  });

  it('takes an outbox reason string, a fetch that never arrived as a lost connection, anything else as unexpected', () => {
    expect(storeErrorCode('accessDenied')).toBe('accessDenied');
    expect(storeErrorCode('no-such-code')).toBe('unexpected');
    expect(storeErrorCode(new TypeError('Failed to fetch'))).toBe('network');
    expect(storeErrorCode({ code: 'notConfigured' })).toBe('unexpected');
    expect(storeErrorCode(undefined)).toBe('unexpected');
  });
});
