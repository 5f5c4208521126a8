import { useState } from 'react';

/**
 * N-1 lists page by opaque cursors: keep the cursors of the pages visited so
 * "previous" can step back. Reset whenever the filters change.
 */
export function useCursorPager(filterKey: string) {
  const [state, setState] = useState<{ key: string; stack: (string | undefined)[] }>({
    key: filterKey,
    stack: [undefined],
  });
  const stack = state.key === filterKey ? state.stack : [undefined];
  if (state.key !== filterKey) setState({ key: filterKey, stack });

  return {
    cursor: stack[stack.length - 1],
    page: stack.length,
    hasPrev: stack.length > 1,
    next: (nextCursor: string) => setState({ key: filterKey, stack: [...stack, nextCursor] }),
    prev: () => setState({ key: filterKey, stack: stack.slice(0, -1) }),
    reset: () => setState({ key: filterKey, stack: [undefined] }),
  };
}
