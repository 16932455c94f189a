import type { PrintDoc } from '../../../shared/print/print-doc';
import { useT } from '../../app/i18n';
import { openPrint } from './open-print';

/** A 打印 button opening the print preview of a document with these parameters. */
export function PrintButton(props: { readonly doc: PrintDoc; readonly params: Readonly<Record<string, string>>; readonly className?: string }) {
  const t = useT();
  return (
    <button type="button" className={props.className ?? 'secondary'} title={t('print.buttonTitle')}
      onClick={() => { openPrint(props.doc, props.params); }}>
      {t('print.button')}
    </button>
  );
}
