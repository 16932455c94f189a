import { useState } from 'react';
import type { InvoiceCase } from '../../../shared/cases/types';
import type { Invoice } from '../../../shared/domain/invoice';
import { formatFen } from '../../../shared/domain/money';
import { useT } from '../../app/i18n';
import { cases, useInvoiceList } from '../../db';
import { useDebounced } from '../../ui/use-debounced';
import { useToasts } from '../../ui/toast';
import { caseErrorText } from './case-error';

/** How many matches the picker lists. */
const MAX_RESULTS = 8;

/** Finds a recorded invoice by number and links it as the case's replacement (the case moves to 已收到). */
export function ReplacementPicker({ c }: { readonly c: InvoiceCase }) {
  const t = useT();
  const [query, setQuery] = useState(c.ref.number);
  const number = useDebounced(query.replace(/\s/g, ''), 200);
  return (
    <section className="case-card" aria-labelledby="case-link-title">
      <h2 id="case-link-title">{t('case.link')}</h2>
      <div className="field">
        <div className="field-label">
          <label htmlFor="case-link-search">{t('case.link.search')}</label>
        </div>
        <input id="case-link-search" type="search" inputMode="numeric" value={query} aria-describedby="case-link-hint"
          onChange={(e) => { setQuery(e.target.value); }} />
        <p id="case-link-hint" className="muted small">{t('case.link.hint')}</p>
      </div>
      {number.length >= 4 ? <Results caseId={c.id} number={number} /> : null}
    </section>
  );
}

function Results({ caseId, number }: { readonly caseId: string; readonly number: string }) {
  const t = useT();
  const list = useInvoiceList({ number });
  if (list === undefined) return <p className="muted">{t('list.loading')}</p>;
  const found = list.ids.slice(0, MAX_RESULTS).map((id) => list.head.get(id)).filter((i): i is Invoice => i !== undefined);
  if (found.length === 0) return <p className="muted">{t('case.link.none')}</p>;
  return (
    <ul className="link-results" aria-label={t('case.link.results')}>
      {found.map((inv) => <Candidate key={inv.id} caseId={caseId} inv={inv} />)}
    </ul>
  );
}

function Candidate({ caseId, inv }: { readonly caseId: string; readonly inv: Invoice }) {
  const t = useT();
  const show = useToasts((s) => s.show);
  async function link() {
    const r = await cases.linkReplacement(caseId, inv.id);
    show(r.ok ? t('case.link.done') : caseErrorText(r.error, t), r.ok ? 'ok' : 'error');
  }
  return (
    <li>
      <span className="mono">{inv.number}</span>
      <span>{inv.seller.name}</span>
      <span className="mono muted">{inv.issueDate}</span>
      <span className="mono">{formatFen(inv.total)}</span>
      <button type="button" aria-label={t('case.link.pickLabel', { number: inv.number })} onClick={() => void link()}>{t('case.link.pick')}</button>
    </li>
  );
}
