import { useMemo, useState } from 'react';
import { checklistProgress, materialsFor, situationOf } from '../../../../shared/cases/materials';
import type { CaseContact, InvoiceCase } from '../../../../shared/cases/types';
import { formatFen } from '../../../../shared/domain/money';
import { useLocaleStore, useT, type T } from '../../../app/i18n';
import { formatTimestamp, localToday } from '../../../app/today';
import { useCase, useCaseContacts, useInvoice } from '../../../db';
import { useUserName } from '../../auth';
import type { PrintDocumentProps } from '../document-registry';
import { PrintPages } from '../PrintPages';
import { PrintedBy, PrintFields, PrintMessage, PrintSection, PrintTitle } from '../PrintParts';
import type { PrintBlock, PrintTable } from '../print-types';
import { originalBlocks } from './PrintOriginal';
import { SignLines } from './SignLines';

/** A case file for the paper archive: the invoice it is about, progress, contact log, materials, notes, evidence. */
export function CaseDocument({ params }: PrintDocumentProps) {
  const t = useT();
  const id = params.get('id') ?? '';
  const c = useCase(id);
  const contacts = useCaseContacts(id);
  if (c === undefined || contacts === undefined) return <PrintMessage text={t('print.loading')} />;
  if (c === null || c.deleted) return <PrintMessage text={t('print.notFound')} alert />;
  return <CasePages c={c} contacts={contacts} />;
}

function CasePages({ c, contacts }: { readonly c: InvoiceCase; readonly contacts: readonly CaseContact[] }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const userName = useUserName();
  const lost = useInvoice(c.invoiceId ?? '');
  const replacement = useInvoice(c.replacementId ?? '');
  const [at] = useState(() => new Date().toISOString());
  const blocks = useMemo((): PrintBlock[] => {
    const invoiceName = (inv: typeof lost, none: string) => (inv ? `${t(`kind.${inv.kind}`)} ${inv.number} · ${t(`status.${inv.status}`)}` : none);
    const { ref } = c;
    const situation = situationOf(ref, c.checklist);
    const items = materialsFor(ref.kind, situation);
    const progress = checklistProgress(items, c.checklist);
    const out: PrintBlock[] = [
      {
        kind: 'block', key: 'ref', node: <PrintSection title={t('case.ref')}><PrintFields fields={[
          [t('field.kind'), ref.kind ? t(`kind.${ref.kind}`) : t('cases.new.kindUnknown')],
          [t('field.issueDate'), ref.issueDate || '—'],
          [t('field.code'), ref.code || '—'],
          [t('field.number'), ref.number || '—'],
          [t('field.sellerName'), ref.seller.name || '—'],
          [t('field.sellerTaxId'), ref.seller.taxId || '—'],
          [t('field.total'), ref.total === null ? '—' : formatFen(ref.total)],
          [t('case.origin'), t(`case.origin.${c.origin}`)],
          [t('case.lostInvoice'), invoiceName(lost, t('case.noLedgerInvoice'))],
          [t('case.replacement'), invoiceName(replacement, t('case.noReplacement'))],
        ]} /></PrintSection>,
      },
      { kind: 'table', key: 'states', table: { ...statesTable(c, t, userName), title: t('print.case.progress') } },
      { kind: 'table', key: 'contacts', table: { ...contactsTable(contacts, t, userName), title: t('case.contacts') } },
      {
        kind: 'table', key: 'checklist', table: {
          title: t('print.case.checklist', { title: t('case.checklist'), progress: t('case.checklistProgress', progress) }),
          columns: [
            { key: 'item', label: t('print.case.material'), width: '55mm', wrap: 'all' },
            { key: 'done', label: t('print.case.have'), width: '14mm', align: 'center' },
            { key: 'rule', label: t('case.rule'), width: 'auto', wrap: 'all' },
          ],
          rows: items.map((item) => ({
            key: item.id,
            cells: [`${item.label[locale]}${item.optional ? t('case.optional') : ''}`, t(c.checklist[item.id] === true ? 'print.case.yes' : 'print.case.no'), item.rule[locale]],
          })),
        },
      },
      { kind: 'block', key: 'notes', node: <PrintSection title={t('case.notes')}><p className="print-note print-pre">{c.notes || t('print.empty')}</p></PrintSection> },
    ];
    if (c.state === 'closed' && c.closeReason) out.push({ kind: 'block', key: 'closed', node: <p className="print-note">{t('case.closedBecause', { reason: c.closeReason })}</p> });
    out.push(...originalBlocks('evidence', t('case.evidence'), t('print.empty'), c.attachments));
    out.push({ kind: 'block', key: 'sign', node: <SignLines t={t} /> });
    return out;
  }, [c, contacts, t, locale, userName, lost, replacement]);
  const title = t('print.case.title');
  return (
    <PrintPages title={`${title} · ${c.title}`} fileName={`${title}-${c.ref.number || c.id.slice(0, 8)}-${localToday(new Date(at))}`} blocks={blocks}
      heading={(
        <PrintTitle title={title} subtitle={`${c.title} · ${t(`case.state.${c.state}`)}`}>
          <PrintedBy at={at} />
        </PrintTitle>
      )} />
  );
}

function statesTable(c: InvoiceCase, t: T, userName: (login: string) => string): PrintTable {
  return {
    columns: [
      { key: 'at', label: t('print.col.at'), width: '30mm' },
      { key: 'state', label: t('print.case.state'), width: '30mm', wrap: true },
      { key: 'who', label: t('print.col.who'), width: '30mm', wrap: true },
      { key: 'reason', label: t('case.reason'), width: 'auto', wrap: 'all' },
    ],
    rows: c.stateHistory.map((h, i) => ({ key: `${h.at}-${i}`, cells: [formatTimestamp(h.at), t(`case.state.${h.to}`), userName(h.by), h.reason || '—'] })),
  };
}

function contactsTable(contacts: readonly CaseContact[], t: T, userName: (login: string) => string): PrintTable {
  // The screen lists newest first; paper reads in the order things happened.
  const ordered = [...contacts].sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt));
  return {
    columns: [
      { key: 'date', label: t('case.contact.date'), width: '20mm' },
      { key: 'how', label: t('print.case.how'), width: '26mm', wrap: 'all' },
      { key: 'summary', label: t('case.contact.summary'), width: 'auto', wrap: 'all' },
      { key: 'next', label: t('case.contact.nextStep'), width: '36mm', wrap: 'all' },
      { key: 'follow', label: t('case.contact.followUp'), width: '20mm', wrap: true },
      { key: 'by', label: t('print.case.loggedBy'), width: '18mm', wrap: true },
    ],
    rows: ordered.map((e) => ({
      key: e.id,
      cells: [
        e.date, [t(`case.channel.${e.channel}`), e.person].filter(Boolean).join(' · '), e.summary, e.nextStep || '—',
        e.followUp ? `${e.followUp}${e.followUpDone ? ` ${t('case.followUp.done')}` : ''}` : '—', userName(e.createdBy),
      ],
    })),
    empty: t('case.noContacts'),
  };
}
