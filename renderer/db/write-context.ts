import type { InvoiceId } from '../../shared/domain/invoice';

/** Who writes and when: passed in so tests control the clock and ids (CONVENTIONS §15). */
export interface WriteContext {
  readonly user: string;
  readonly now: () => string;
  readonly newId: () => InvoiceId;
}
