import { useState } from 'react';
import { checklistProgress, LOST_PARTS, lostPartOf, materialsFor, materialsGroup, situationOf, withLostPart } from '../../../shared/cases/materials';
import type { InvoiceCase } from '../../../shared/cases/types';
import { useLocaleStore, useT } from '../../app/i18n';
import { cases } from '../../db';
import { useToasts } from '../../ui/toast';
import { caseErrorText } from './case-error';

/** The materials the invoice's kind needs, each with the rule it comes from; ticks are saved on the case. */
export function ChecklistPanel({ c }: { readonly c: InvoiceCase }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const show = useToasts((s) => s.show);
  // A tick shows at once; the saved case replaces it when the write comes back (or a sync brings another).
  const [pending, setPending] = useState<Readonly<Record<string, boolean>> | null>(null);
  const [saved, setSaved] = useState(c.checklist);
  if (saved !== c.checklist) { setSaved(c.checklist); setPending(null); }
  const checklist = pending ?? c.checklist;
  const situation = situationOf(c.ref, checklist);
  const items = materialsFor(c.ref.kind, situation);
  const progress = checklistProgress(items, checklist);

  async function save(next: Record<string, boolean>) {
    setPending(next);
    const r = await cases.update(c.id, { checklist: next });
    if (!r.ok) { setPending(null); show(caseErrorText(r.error, t), 'error'); }
  }

  return (
    <section className="case-card" aria-labelledby="case-checklist-title">
      <h2 id="case-checklist-title">{t('case.checklist')} <span className="muted small">{t('case.checklistProgress', progress)}</span></h2>
      {materialsGroup(c.ref.kind, situation) === 'paperSpecial' ? (
        <div className="field case-lost-part">
          <label htmlFor="case-lost-part">{t('case.lostPart')}</label>
          <select id="case-lost-part" value={lostPartOf(checklist)}
            onChange={(e) => void save(withLostPart(checklist, e.target.value as (typeof LOST_PARTS)[number]))}>
            {LOST_PARTS.map((p) => <option key={p} value={p}>{t(`case.lostPart.${p}`)}</option>)}
          </select>
        </div>
      ) : null}
      <ul className="checklist">
        {items.map((item) => (
          <li key={item.id}>
            <label className="checkbox">
              <input type="checkbox" checked={checklist[item.id] === true} aria-describedby={`rule-${item.id}`}
                onChange={(e) => void save({ ...checklist, [item.id]: e.target.checked })} />
              <span>{item.label[locale]}{item.optional ? <span className="muted small">{t('case.optional')}</span> : null}</span>
            </label>
            <p id={`rule-${item.id}`} className="rule small"><span className="rule-tag">{t('case.rule')}</span>{item.rule[locale]}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
