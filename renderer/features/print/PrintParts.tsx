import type { ReactNode } from 'react';
import { useT } from '../../app/i18n';
import { formatTimestamp } from '../../app/today';
import { useActor } from '../../db';
import { useUserName } from '../auth';

/** A line in place of the pages: loading, or why there is nothing to print. */
export function PrintMessage(props: { readonly text: string; readonly alert?: boolean }) {
  return <p className="print-status" role={props.alert ? 'alert' : undefined}>{props.text}</p>;
}

/** 打印人 and 打印时间 for a document's heading: the signed-in user's name and the moment the preview opened. */
export function PrintedBy(props: { readonly at: string }) {
  const t = useT();
  const actor = useActor();
  const name = useUserName();
  return <p className="print-meta">{t('print.printedBy', { name: actor ? name(actor.login) : '—', at: formatTimestamp(props.at) })}</p>;
}

/** A document's title block: the title, an optional subtitle line (what it covers), then anything else. */
export function PrintTitle(props: { readonly title: string; readonly subtitle?: string; readonly children?: ReactNode }) {
  return (
    <div className="print-title-block">
      <h1 className="print-title">{props.title}</h1>
      {props.subtitle ? <p className="print-subtitle">{props.subtitle}</p> : null}
      {props.children}
    </div>
  );
}

/** A section of a document: its heading kept on the same page as what it heads (one block). */
export function PrintSection(props: { readonly title: string; readonly children: ReactNode }) {
  return <><h2 className="print-section">{props.title}</h2>{props.children}</>;
}

/** Label–value pairs in two columns (an invoice's or a case's fields). */
export function PrintFields(props: { readonly fields: readonly (readonly [string, ReactNode])[] }) {
  return (
    <dl className="print-fields">
      {props.fields.map(([label, value]) => (
        <div key={label}><dt>{label}</dt><dd>{value}</dd></div>
      ))}
    </dl>
  );
}
