/** Runs async critical sections one at a time (a single SQLite connection must not interleave transactions). */
export class AsyncLock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(section: () => Promise<T>): Promise<T> {
    const result = this.tail.then(section);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
