import { isOpenCase } from '../../../shared/cases/case-machine';
import { useT } from '../../app/i18n';
import { navigate } from '../../app/router';
import { useCase } from '../../db';
import { CaseMoves } from './CaseMoves';
import { CaseRefPanel } from './CaseRefPanel';
import { CaseStepper } from './CaseStepper';
import { ChecklistPanel } from './ChecklistPanel';
import { ContactLog } from './ContactLog';
import { EvidencePanel } from './EvidencePanel';
import { NotesPanel } from './NotesPanel';
import { ReplacementPicker } from './ReplacementPicker';
import { PrintButton } from '../print';
import './cases.css';

/** #/case/{id}: one case file — progress, next steps, the invoice, materials, contact log and evidence. */
export function CasePage({ id }: { readonly id: string }) {
  const t = useT();
  const c = useCase(id);
  if (c === undefined) return <p className="empty">{t('list.loading')}</p>;
  if (c === null || c.deleted) return <p className="empty">{t('case.notFound')}</p>;
  return (
    <div className="case-page">
      <header className="page-header">
        <button type="button" className="link" onClick={() => { navigate({ name: 'cases' }); }}>← {t('case.back')}</button>
        <h1>{c.title}</h1>
        <span className={`case-state case-state-${c.state}`}>{t(`case.state.${c.state}`)}</span>
        <div className="header-actions"><PrintButton doc="case" params={{ id: c.id }} /></div>
      </header>
      <CaseStepper c={c} />
      <div className="case-grid">
        <div className="case-main">
          <CaseRefPanel c={c} />
          <ContactLog c={c} />
          <NotesPanel c={c} />
        </div>
        <div className="case-side">
          <CaseMoves c={c} />
          {isOpenCase(c.state) && c.replacementId === null ? <ReplacementPicker c={c} /> : null}
          <ChecklistPanel c={c} />
          <EvidencePanel c={c} />
        </div>
      </div>
    </div>
  );
}
