import type { ReactNode } from 'react';

/** How much a tile asks for attention: nothing to do, worth a look, or act now (red). */
export type TileTone = 'calm' | 'attention' | 'alert';

/** What a tile shows and where it leads: a route (`href`) or an action such as opening the ledger filtered. */
export interface TileProps {
  readonly id: string;
  readonly label: string;
  /** The big figure (a count, a date) — undefined while loading. */
  readonly value: ReactNode;
  readonly unit?: string | undefined;
  readonly detail?: ReactNode | undefined;
  readonly tone: TileTone;
  readonly href?: string;
  readonly onOpen?: () => void;
  /** The words of the link, e.g. "查看这些发票". */
  readonly action: string;
}

/** One home page tile: the whole tile is the link to the list behind the figure. */
export function Tile(props: TileProps) {
  const body = (
    <>
      <span className="tile-label" id={`${props.id}-label`}>{props.label}</span>
      <span className="tile-value">
        {props.value === undefined ? <span className="tile-loading">…</span> : props.value}
        {props.unit && props.value !== undefined ? <small>{props.unit}</small> : null}
      </span>
      {props.detail ? <span className="tile-detail">{props.detail}</span> : <span className="tile-detail" />}
      <span className="tile-action">{props.action} →</span>
    </>
  );
  const className = `tile tile-${props.tone}`;
  if (props.href) return <a className={className} href={props.href} data-testid={props.id}>{body}</a>;
  return <button type="button" className={className} onClick={props.onOpen} data-testid={props.id}>{body}</button>;
}
