/** A progress bar assistive technology reads (role progressbar with aria-valuenow), with the count beside it. */
export function ProgressBar(props: { readonly label: string; readonly done: number; readonly total: number; readonly text: string }) {
  const percent = props.total > 0 ? Math.min(100, Math.round((props.done / props.total) * 100)) : 0;
  return (
    <div className="rc-progress">
      <div className="rc-progress-track" role="progressbar" aria-label={props.label} aria-valuemin={0} aria-valuemax={props.total}
        aria-valuenow={props.done} aria-valuetext={props.text}>
        <div className="rc-progress-fill" style={{ width: `${String(percent)}%` }} />
      </div>
      <span className="mono small">{props.text}</span>
    </div>
  );
}
