/** The import's progress: the native progress element the rest of the app uses, with the count beside it. */
export function ProgressBar(props: { readonly label: string; readonly done: number; readonly total: number; readonly text: string }) {
  return (
    <div className="rc-progress">
      <progress max={props.total || 1} value={props.done} aria-label={props.label} aria-valuetext={props.text} />
      <span className="mono small">{props.text}</span>
    </div>
  );
}
