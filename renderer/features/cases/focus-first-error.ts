/** Puts the cursor on the first field with an error once React has marked it (keyboard clerks fix and press Enter). */
export function focusFirstError(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => { form?.querySelector<HTMLElement>('[aria-invalid=true]')?.focus(); });
}
