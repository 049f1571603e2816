import * as React from 'react';

let counter = 0;

/** An id unique on the page, stable for the component's life (React 17 has no `useId`). */
export function useId(prefix: string): string {
  const id = React.useRef<string | undefined>(undefined);
  if (id.current === undefined) {
    counter += 1;
    id.current = `${prefix}-${counter}`;
  }
  return id.current;
}
