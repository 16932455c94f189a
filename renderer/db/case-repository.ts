/*
 * Cases for missing and lost invoices (issue #11) and their contact logs. Every write is ONE transaction holding the
 * case (or contact entry), the lost invoice's status move it causes, their audit entries and outbox mutations.
 */
import { applyCaseTransition, followCase, isOpenCase, type CaseTransitionError } from '../../shared/cases/case-machine';
import type { CaseContact, CaseInvoiceRef, CaseOrigin, CaseState, InvoiceCase } from '../../shared/cases/types';
import { hardKey } from '../../shared/domain/duplicates';
import type { Invoice, InvoiceContent, InvoiceId, InvoiceStatus } from '../../shared/domain/invoice';
import type { StatusError } from '../../shared/domain/status';
import { storeAttachments, type AttachmentInput } from './attachments';
import type { LedgerDb } from './db';
import { edited, journalTables, newMeta, putPlain } from './entity-records';
import { journalChange } from './journal';
import { putListEntry } from './list-index';
import { fromRow, toRow } from './rows';
import type { WriteContext } from './write-context';
import type { PermissionRefusal } from '../../shared/auth/roles';
import { refusalIn, requirePermission } from './permission';

/** Why a case write was refused; `code` is a message key of the cases catalogue, translated with `params`. */
export type CaseError =
  | CaseTransitionError
  | { readonly code: 'case.notFound'; readonly params: { readonly id: string } }
  | { readonly code: 'case.invoiceNotFound'; readonly params: { readonly id: string } };

/** What a case write did to the lost ledger invoice it follows. */
export type InvoiceEffect =
  /** No ledger invoice, or it already has the status the case asks (or the case asks none). */
  | { readonly kind: 'none' }
  | { readonly kind: 'moved'; readonly invoiceId: string; readonly from: InvoiceStatus; readonly to: InvoiceStatus }
  /** The invoice's status machine does not allow the move: the invoice was left as it is. */
  | { readonly kind: 'refused'; readonly invoiceId: string; readonly error: StatusError }
  /** The case names an invoice this ledger does not hold (or holds in the recycle bin). */
  | { readonly kind: 'missing'; readonly invoiceId: string };

/** A case write's outcome: the case as saved and what happened to its invoice, or why nothing was saved. */
export type CaseOutcome =
  | { readonly ok: true; readonly value: InvoiceCase; readonly invoice: InvoiceEffect }
  | { readonly ok: false; readonly error: CaseError | PermissionRefusal };

/** What opening a case needs. */
export interface OpenCaseInput {
  readonly title: string;
  readonly origin: CaseOrigin;
  readonly ref: CaseInvoiceRef;
  readonly invoiceId: string | null;
  readonly findingKey: string | null;
}

/** A contact-log entry as the clerk types it. */
export type ContactInput = Omit<CaseContact, 'id' | 'caseId' | 'followUpDone' | 'createdBy' | 'createdAt' | 'updatedBy' | 'updatedAt' | 'version' | 'deleted'>;

const refuse = (error: CaseError | PermissionRefusal): CaseOutcome => ({ ok: false, error });
const about = (id: string) => ({ entity: 'case', entityId: id });
const notFound = (id: string) => refuse({ code: 'case.notFound', params: { id } });
const newestFirst = <T extends { readonly updatedAt: string }>(a: T, b: T) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0);

/** Case and contact-log writes and reads. */
export class CaseRepository {
  constructor(
    private readonly db: LedgerDb,
    private readonly ctx: WriteContext,
  ) {}

  private tables() {
    return [...journalTables(this.db, ['case', 'caseContact', 'invoice']), this.db.listChunks, this.db.listRevs, this.db.attachments];
  }

  /** Opens a case in state 发现缺失; a lost ledger invoice moves to 补办中. */
  async open(input: OpenCaseInput): Promise<InvoiceCase> {
    await requirePermission(this.db, this.ctx, 'case.edit', about(''));
    return this.db.transaction('rw', this.tables(), async () => {
      const meta = newMeta(this.ctx);
      const c: InvoiceCase = {
        ...meta, title: input.title.trim(), state: 'found',
        stateHistory: [{ from: null, to: 'found', at: meta.createdAt, by: meta.createdBy, reason: '' }],
        origin: input.origin, ref: input.ref, invoiceId: input.invoiceId, replacementId: null, findingKey: input.findingKey,
        checklist: {}, attachments: [], closeReason: '', notes: '',
      };
      await putPlain(this.db, 'case', 'create', undefined, c, this.ctx);
      await this.followInvoice(c, '');
      return c;
    });
  }

  /** Moves a case (case-machine rules) and its lost invoice with it (遗失 → 补办中 → 已补办). */
  async changeState(id: string, to: CaseState, reason: string): Promise<CaseOutcome> {
    return this.db.transaction('rw', this.tables(), async (): Promise<CaseOutcome> => {
      const refused = await refusalIn(this.db, this.ctx, 'case.edit', about(id));
      if (refused) return refuse(refused);
      const before = await this.live(id);
      if (!before) return notFound(id);
      const next = applyCaseTransition(before, to, { by: this.ctx.user, at: this.ctx.now(), reason });
      if (!next.ok) return next;
      const after = edited(this.ctx, before, next.value);
      await putPlain(this.db, 'case', 'status', before, after, this.ctx);
      return { ok: true, value: after, invoice: await this.followInvoice(after, reason) };
    });
  }

  /** Changes a case's title, notes or checklist. */
  async update(id: string, patch: Partial<Pick<InvoiceCase, 'title' | 'notes' | 'checklist'>>): Promise<CaseOutcome> {
    return this.db.transaction('rw', this.tables(), async (): Promise<CaseOutcome> => {
      const refused = await refusalIn(this.db, this.ctx, 'case.edit', about(id));
      if (refused) return refuse(refused);
      const before = await this.live(id);
      if (!before) return notFound(id);
      const { title, notes, checklist } = patch;
      const after = edited(this.ctx, before, {
        ...(title === undefined ? {} : { title: title.trim() }), ...(notes === undefined ? {} : { notes }), ...(checklist === undefined ? {} : { checklist }),
      });
      await putPlain(this.db, 'case', 'update', before, after, this.ctx);
      return { ok: true, value: after, invoice: { kind: 'none' } };
    });
  }

  /** Logs a contact; earlier open follow-ups of the case count as done (this entry is the follow-up). */
  async addContact(caseId: string, entry: ContactInput): Promise<CaseContact> {
    await requirePermission(this.db, this.ctx, 'case.edit', about(caseId));
    return this.db.transaction('rw', this.tables(), async () => {
      const open = await this.db.contacts.where('caseId').equals(caseId).filter((e) => !e.deleted && e.followUp !== '' && !e.followUpDone).toArray();
      for (const before of open) await putPlain(this.db, 'caseContact', 'update', before, edited(this.ctx, before, { followUpDone: true }), this.ctx);
      const contact: CaseContact = { ...newMeta(this.ctx), caseId, ...entry, followUpDone: false };
      await putPlain(this.db, 'caseContact', 'create', undefined, contact, this.ctx);
      return contact;
    });
  }

  /** Marks an entry's follow-up as done (nothing to do when it already is). */
  async settleFollowUp(contactId: string): Promise<void> {
    await requirePermission(this.db, this.ctx, 'case.edit', { entity: 'caseContact', entityId: contactId });
    await this.db.transaction('rw', this.tables(), async () => {
      const before = await this.db.contacts.get(contactId);
      if (!before || before.followUpDone) return;
      await putPlain(this.db, 'caseContact', 'update', before, edited(this.ctx, before, { followUpDone: true }), this.ctx);
    });
  }

  /** Keeps an evidence file with the case, stored once by SHA-256 exactly like an invoice's original. */
  async addEvidence(caseId: string, file: AttachmentInput): Promise<CaseOutcome> {
    return this.db.transaction('rw', this.tables(), async (): Promise<CaseOutcome> => {
      const refused = await refusalIn(this.db, this.ctx, 'case.edit', about(caseId));
      if (refused) return refuse(refused);
      const before = await this.live(caseId);
      if (!before) return notFound(caseId);
      await storeAttachments(this.db, [file], this.ctx.now());
      if (before.attachments.includes(file.sha256)) return { ok: true, value: before, invoice: { kind: 'none' } };
      const after = edited(this.ctx, before, { attachments: [...before.attachments, file.sha256] });
      await putPlain(this.db, 'case', 'update', before, after, this.ctx);
      return { ok: true, value: after, invoice: { kind: 'none' } };
    });
  }

  /** Links the captured replacement; the case moves to 已收到 (unless already further) and its lost invoice to 已补办. */
  async linkReplacement(caseId: string, invoiceId: string): Promise<CaseOutcome> {
    return this.db.transaction('rw', this.tables(), async (): Promise<CaseOutcome> => {
      const refused = await refusalIn(this.db, this.ctx, 'case.edit', about(caseId));
      if (refused) return refuse(refused);
      const before = await this.live(caseId);
      if (!before) return notFound(caseId);
      const replacement = await this.db.invoices.get(invoiceId as InvoiceId);
      if (!replacement || replacement.deleted) return refuse({ code: 'case.invoiceNotFound', params: { id: invoiceId } });
      const further = before.state === 'received' || before.state === 'archived';
      const moved = further ? { ok: true as const, value: {} } : applyCaseTransition(before, 'received', { by: this.ctx.user, at: this.ctx.now(), reason: '' });
      if (!moved.ok) return moved;
      const after = edited(this.ctx, before, { ...moved.value, replacementId: invoiceId });
      await putPlain(this.db, 'case', further ? 'update' : 'status', before, after, this.ctx);
      return { ok: true, value: after, invoice: await this.followInvoice(after, '') };
    });
  }

  /** The open case waiting for an invoice with this identity (same code + number, or the same 数电 number). */
  async findOpenFor(content: Pick<InvoiceContent, 'code' | 'number'>): Promise<InvoiceCase | undefined> {
    const key = hardKey(content);
    const all = await this.all();
    return all.find((c) => isOpenCase(c.state) && c.ref.number !== '' && hardKey(c.ref) === key);
  }

  /** One case (deleted or not). */
  async get(id: string): Promise<InvoiceCase | undefined> {
    return this.db.cases.get(id);
  }

  /** Every case not deleted, most recently changed first. */
  async all(): Promise<InvoiceCase[]> {
    return (await this.db.cases.toArray()).filter((c) => !c.deleted).sort(newestFirst);
  }

  /** The contact log of a case, newest first (by contact date, then by when it was logged). */
  async contactsOf(caseId: string): Promise<CaseContact[]> {
    const entries = await this.db.contacts.where('caseId').equals(caseId).filter((e) => !e.deleted).toArray();
    return entries.sort((a, b) => (a.date === b.date ? (a.createdAt < b.createdAt ? 1 : -1) : a.date < b.date ? 1 : -1));
  }

  /** Open follow-ups due on or before `today` (YYYY-MM-DD) on open cases, most overdue first. */
  async overdue(today: string): Promise<CaseContact[]> {
    const due = await this.db.contacts.where('followUp').between('', today, false, true).filter((e) => !e.deleted && !e.followUpDone).toArray();
    const owners = await this.db.cases.bulkGet([...new Set(due.map((e) => e.caseId))]);
    const open = new Set(owners.flatMap((c) => (c && !c.deleted && isOpenCase(c.state) ? [c.id] : [])));
    return due.filter((e) => open.has(e.caseId));
  }

  /** Cases about an invoice: as the lost one, or as its replacement. */
  async forInvoice(invoiceId: string): Promise<InvoiceCase[]> {
    const [lost, replacing] = await Promise.all([
      this.db.cases.where('invoiceId').equals(invoiceId).toArray(),
      this.db.cases.where('replacementId').equals(invoiceId).toArray(),
    ]);
    const byId = new Map([...lost, ...replacing].filter((c) => !c.deleted).map((c) => [c.id, c]));
    return [...byId.values()].sort(newestFirst);
  }

  private async live(id: string): Promise<InvoiceCase | undefined> {
    const c = await this.db.cases.get(id);
    return c && !c.deleted ? c : undefined;
  }

  /** Moves the case's lost ledger invoice to the status its state asks, where the invoice's machine allows. */
  private async followInvoice(c: InvoiceCase, reason: string): Promise<InvoiceEffect> {
    if (c.invoiceId === null) return { kind: 'none' };
    const row = await this.db.invoices.get(c.invoiceId as InvoiceId);
    if (!row || row.deleted) return { kind: 'missing', invoiceId: c.invoiceId };
    const before = fromRow(row);
    const at = this.ctx.now();
    const follow = followCase(before, c.state, { by: this.ctx.user, at, reason });
    if (follow.kind === 'unchanged') return { kind: 'none' };
    if (follow.kind === 'refused') return { kind: 'refused', invoiceId: c.invoiceId, error: follow.error };
    const after: Invoice = { ...before, ...follow.value, updatedAt: at, updatedBy: this.ctx.user };
    await this.db.invoices.put(toRow(after, await putListEntry(this.db, after, row._chunk)));
    await journalChange(this.db, 'invoice', 'status', before, after, this.ctx, at);
    return { kind: 'moved', invoiceId: c.invoiceId, from: follow.from, to: follow.to };
  }
}
