import { useState } from 'react';

/**
 * `value`, or the one kept from an earlier render while `key` is unchanged. Live queries answer a new (equal) array
 * whenever anything in the database changes; a document keyed by its rows' ids and versions then keeps its blocks,
 * and a thousand rows are not drawn and measured again for nothing.
 */
export function useKept<V>(value: V, key: string): V {
  const [kept, setKept] = useState({ key, value });
  if (kept.key !== key) {
    setKept({ key, value });
    return value;
  }
  return kept.value;
}
