import { useMemo, useState } from 'react';
import type { Invoice } from '../../../../shared/domain/invoice';
import { formatFen } from '../../../../shared/domain/money';
import { taxRateToPercent } from '../../../../shared/domain/tax-rate';
import type { AuditEntry } from '../../../../shared/audit/audit-chain';
import { useFormatIssue, useT, type T } from '../../../app/i18n';
import { formatTimestamp, localToday } from '../../../app/today';
import { useAuditFor, useInvoice } from '../../../db';
import { useUserLabel } from '../../audit';
import type { PrintDocumentProps } from '../document-registry';
import { PrintPages } from '../PrintPages';
import { PrintedBy, PrintFields, PrintMessage, PrintSection, PrintTitle } from '../PrintParts';
import type { PrintBlock, PrintTable } from '../print-types';
import { auditTable } from './audit-rows';
import { originalBlocks } from './PrintOriginal';

/** An invoice with its history: the fields as on paper, lines, warnings, status and audit history, and its originals. */
export function InvoiceDocument({ params }: PrintDocumentProps) {
  const t = useT();
  const id = params.get('id') ?? '';
  const invoice = useInvoice(id);
  const audit = useAuditFor(id);
  if (invoice === undefined || audit === undefined) return <PrintMessage text={t('print.loading')} />;
  if (invoice === null) return <PrintMessage text={t('print.notFound')} alert />;
  return <InvoicePages invoice={invoice} audit={audit} />;
}

function InvoicePages({ invoice, audit }: { readonly invoice: Invoice; readonly audit: readonly AuditEntry[] }) {
  const t = useT();
  const formatIssue = useFormatIssue();
  const userLabel = useUserLabel();
  const [at] = useState(() => new Date().toISOString());
  const blocks = useMemo((): PrintBlock[] => {
    const out: PrintBlock[] = [{ kind: 'block', key: 'fields', node: <PrintFields fields={invoiceFields(invoice, t, userLabel)} /> }];
    if (invoice.lines.length > 0) out.push({ kind: 'table', key: 'lines', table: { ...linesTable(invoice, t), title: t('detail.lines') } });
    out.push({
      kind: 'block', key: 'warnings',
      node: (
        <PrintSection title={t('detail.warnings')}>
          {invoice.warnings.length === 0 ? <p className="print-note">{t('detail.noWarnings')}</p>
            : <ul className="print-list">{invoice.warnings.map((w, i) => <li key={i}>{formatIssue(w)}</li>)}</ul>}
        </PrintSection>
      ),
    });
    out.push({ kind: 'table', key: 'status', table: { ...statusTable(invoice, t, userLabel), title: t('detail.statusHistory') } });
    out.push({ kind: 'table', key: 'audit', table: { ...auditTable(audit, t, userLabel), title: t('history.title') } });
    out.push(...originalBlocks('original', t('detail.attachments'), t('detail.noAttachments'), invoice.attachments));
    return out;
  }, [invoice, audit, t, formatIssue, userLabel]);
  const title = t('print.invoice.title');
  return (
    <PrintPages title={`${title} · ${invoice.number}`} fileName={`${title}-${invoice.number}-${localToday(new Date(at))}`} blocks={blocks}
      heading={(
        <PrintTitle title={title} subtitle={[t(`kind.${invoice.kind}`), `${t('field.number')} ${invoice.number}`, t(`status.${invoice.status}`)].join(' · ')}>
          <PrintedBy at={at} />
        </PrintTitle>
      )} />
  );
}

function rateText(rate: string, t: T): string {
  if (rate === 'exempt' || rate === 'nontaxable') return t(`rate.${rate}`);
  return rate ? taxRateToPercent(rate) : '';
}

function invoiceFields(inv: Invoice, t: T, userLabel: (login: string) => string): [string, string][] {
  const fields: [string, string][] = [
    [t('field.kind'), t(`kind.${inv.kind}`)],
    [t('field.issueDate'), inv.issueDate],
    [t('field.code'), inv.code || '—'],
    [t('field.number'), inv.number],
    [t('field.buyerName'), inv.buyer.name],
    [t('field.buyerTaxId'), inv.buyer.taxId],
    [t('field.sellerName'), inv.seller.name],
    [t('field.sellerTaxId'), inv.seller.taxId],
    [t('field.amount'), formatFen(inv.amount)],
    [t('field.tax'), formatFen(inv.tax)],
    [t('field.total'), formatFen(inv.total)],
    [t('field.taxRate'), rateText(inv.taxRate, t) || '—'],
    [t('field.checkCode'), inv.checkCode || '—'],
    [t('field.status'), t(`status.${inv.status}`)],
    [t('field.remarks'), inv.remarks || '—'],
    [t('print.invoice.entry'), t('detail.createdBy', { user: userLabel(inv.createdBy), at: formatTimestamp(inv.createdAt) })],
  ];
  if (inv.isRed) fields.push([t('field.isRed'), t('audit.value.yes')]);
  return fields;
}

function linesTable(inv: Invoice, t: T): PrintTable {
  return {
    columns: [
      { key: 'name', label: t('field.name'), width: 'auto', wrap: true },
      { key: 'spec', label: t('field.spec'), width: '20mm', wrap: true },
      { key: 'unit', label: t('field.unit'), width: '11mm' },
      { key: 'qty', label: t('field.qty'), width: '16mm', align: 'right' },
      { key: 'price', label: t('field.unitPrice'), width: '20mm', align: 'right' },
      { key: 'amount', label: t('field.amount'), width: '22mm', align: 'right' },
      { key: 'rate', label: t('field.taxRate'), width: '13mm', align: 'right' },
      { key: 'tax', label: t('field.tax'), width: '19mm', align: 'right' },
    ],
    rows: inv.lines.map((l, i) => ({
      key: String(i),
      cells: [l.name, l.spec, l.unit, l.qty, l.unitPrice, formatFen(l.amount), rateText(l.taxRate, t), formatFen(l.tax)],
      amounts: { amount: l.amount, tax: l.tax, total: l.amount },
    })),
  };
}

function statusTable(inv: Invoice, t: T, userLabel: (login: string) => string): PrintTable {
  return {
    columns: [
      { key: 'at', label: t('print.col.at'), width: '30mm' },
      { key: 'status', label: t('field.status'), width: '24mm', wrap: true },
      { key: 'who', label: t('print.col.who'), width: '34mm', wrap: true },
      { key: 'reason', label: t('detail.reason'), width: 'auto', wrap: 'all' },
    ],
    rows: inv.statusHistory.map((h, i) => ({
      key: `${h.at}-${i}`,
      cells: [formatTimestamp(h.at), t(`status.${h.to}`), userLabel(h.by), h.reason || '—'],
    })),
  };
}
