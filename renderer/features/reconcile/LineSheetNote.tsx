import { problemMessage, type LineSheetRead, type SheetProblem } from '../../../shared/reconcile/sheet';
import type { Result } from '../../../shared/domain/result';
import { useLocaleStore, useT } from '../../app/i18n';

const MAX_PROBLEMS = 5;

/** What a platform export's 信息汇总表 gave: the items read, the rows that could not be, or why the sheet was not used. */
export function LineSheetNote({ lineSheet }: { readonly lineSheet: Result<LineSheetRead, SheetProblem> }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  if (!lineSheet.ok) return <p className="muted small">{t('reconcile.lines.unread', { problem: problemMessage(lineSheet.error, locale) })}</p>;
  const { sheet, lines, withoutInvoice, rowProblems } = lineSheet.value;
  return (
    <>
      <p className="muted small">
        {t('reconcile.lines.read', { sheet, count: lines })}
        {withoutInvoice > 0 ? ` ${t('reconcile.lines.withoutInvoice', { count: withoutInvoice })}` : null}
      </p>
      {rowProblems.length > 0 ? (
        <div className="msg-warning">
          {t('reconcile.lines.rowProblems', { sheet, count: new Set(rowProblems.map((p) => p.row)).size })}
          <ul className="rc-messages">{rowProblems.slice(0, MAX_PROBLEMS).map((p, i) => <li key={i}>{problemMessage(p, locale)}</li>)}</ul>
        </div>
      ) : null}
    </>
  );
}
