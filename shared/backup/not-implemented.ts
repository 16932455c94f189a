/** Placeholder of the API-first commit; removed once every function is implemented. */
export function notImplemented(...args: readonly unknown[]): never {
  throw new Error(`not implemented (${String(args.length)} arguments)`);
}
