/** Placeholder: the number of overdue follow-ups, shown in the navigation. */
export function FollowUpBadge() {
  return null;
}
