import type { ReactNode } from 'react';

/** One labelled form control with its messages; the label's `for` and aria wiring make it findable by name. */
export function Field(props: {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly errors?: readonly string[];
  readonly warnings?: readonly string[];
  readonly wide?: boolean;
  /** A small badge after the label (e.g. where a captured value came from) and a class for highlighting. */
  readonly flag?: { readonly className: string; readonly text: string } | undefined;
  readonly children: (aria: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactNode;
}) {
  const errors = props.errors ?? [];
  const warnings = props.warnings ?? [];
  const msgId = errors.length + warnings.length > 0 ? `${props.id}-msg` : undefined;
  return (
    <div className={`field${props.wide ? ' field-wide' : ''}${errors.length ? ' has-error' : warnings.length ? ' has-warning' : ''}${props.flag ? ` ${props.flag.className}` : ''}`}>
      <div className="field-label">
        <label htmlFor={props.id}>{props.label}</label>
        {props.hint ? <span className="field-hint">{props.hint}</span> : null}
        {props.flag ? <span className="field-flag">{props.flag.text}</span> : null}
      </div>
      {props.children({ id: props.id, 'aria-invalid': errors.length > 0, 'aria-describedby': msgId })}
      {msgId ? (
        <div id={msgId} className="field-messages">
          {errors.map((m) => <div key={m} className="msg-error" role="alert">{m}</div>)}
          {warnings.map((m) => <div key={m} className="msg-warning">{m}</div>)}
        </div>
      ) : null}
    </div>
  );
}
