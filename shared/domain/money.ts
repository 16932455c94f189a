/** Integer fen (分). Money is integer fen from parsing to storage; it is formatted only at the edge. */
export type Fen = number & { readonly __brand: 'Fen' };

/** Brands a safe integer as fen; throws on anything else because that is a programming error, not bad input. */
export function fen(n: number): Fen {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not an integer amount of fen: ${n}`);
  return n as Fen;
}
