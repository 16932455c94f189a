import { useEffect, useState } from 'react';

/** The value, updated only after it has stopped changing for `ms` (typing in a filter box). */
export function useDebounced<T>(value: T, ms: number): T {
  const [current, setCurrent] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => { setCurrent(value); }, ms);
    return () => { clearTimeout(id); };
  }, [value, ms]);
  return current;
}
