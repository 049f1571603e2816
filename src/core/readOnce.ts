/**
 * A read made once and shared by every caller; a read that failed is made again by the next
 * call (a failure is never kept). The first call's arguments are the ones used.
 */
export function readOnce<A extends unknown[], T>(read: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
  let kept: Promise<T> | undefined;
  return (...args) => {
    if (!kept) {
      const current = read(...args);
      kept = current;
      current.catch(() => {
        if (kept === current) {
          kept = undefined;
        }
      });
    }
    return kept;
  };
}
