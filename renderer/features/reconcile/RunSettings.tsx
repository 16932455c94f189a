import { MonthSelect } from '../../ui/MonthSelect';
import { useT } from '../../app/i18n';
import { useReconcileUi } from './reconcile-store';

/** Period (a month, or from/to), direction and the company's tax id. */
export function RunSettings() {
  const t = useT();
  const { periodMode, month, from, to, direction, companyTaxId, set } = useReconcileUi();
  return (
    <fieldset className="rc-settings">
      <legend>{t('reconcile.settings')}</legend>
      <div className="rc-field">
        <label htmlFor="rc-period-mode">{t('reconcile.periodMode')}</label>
        <select id="rc-period-mode" value={periodMode} onChange={(e) => { set({ periodMode: e.target.value === 'range' ? 'range' : 'month' }); }}>
          <option value="month">{t('reconcile.periodMonth')}</option>
          <option value="range">{t('reconcile.periodRange')}</option>
        </select>
      </div>
      {periodMode === 'month' ? (
        <div className="rc-field">
          <span className="rc-field-label" id="rc-month-label">{t('reconcile.month')}</span>
          <span className="rc-month" role="group" aria-labelledby="rc-month-label">
            <MonthSelect month={month} onChange={(m) => { set({ month: m }); }} yearLabel={t('reconcile.monthYear')} monthLabel={t('reconcile.monthMonth')} />
          </span>
        </div>
      ) : (
        <>
          <div className="rc-field">
            <label htmlFor="rc-from">{t('reconcile.from')}</label>
            <input id="rc-from" type="date" value={from} onChange={(e) => { set({ from: e.target.value }); }} />
          </div>
          <div className="rc-field">
            <label htmlFor="rc-to">{t('reconcile.to')}</label>
            <input id="rc-to" type="date" value={to} onChange={(e) => { set({ to: e.target.value }); }} />
          </div>
        </>
      )}
      <div className="rc-field">
        <label htmlFor="rc-direction">{t('reconcile.direction')}</label>
        <select id="rc-direction" value={direction} onChange={(e) => { set({ direction: e.target.value === 'out' ? 'out' : 'in' }); }}>
          <option value="in">{t('reconcile.direction.in')}</option>
          <option value="out">{t('reconcile.direction.out')}</option>
        </select>
      </div>
      <div className="rc-field rc-field-wide">
        <label htmlFor="rc-taxid">{t('reconcile.taxId')}</label>
        <input id="rc-taxid" type="text" className="mono" value={companyTaxId} maxLength={20} autoComplete="off" aria-describedby="rc-taxid-hint"
          onChange={(e) => { set({ companyTaxId: e.target.value.trim().toUpperCase() }); }} />
        <span id="rc-taxid-hint" className="muted small">{companyTaxId === '' ? t('reconcile.taxIdEmpty') : t('reconcile.taxIdHint')}</span>
      </div>
    </fieldset>
  );
}
