import { routeHash } from '../../app/router';

/** One stop of the guided tour: what it points at and what the bubble says. */
export interface TourStep {
  readonly id: string;
  /** CSS selector of the element the bubble points at; a step whose element is not on screen is left out. */
  readonly target: string;
  readonly textKey: string;
}

const sidebarLink = (hash: string) => `nav.sidebar a[href="${hash}"]`;

/** The tour: the sidebar's main screens in a clerk's order, the status lines and the keys at its foot, ending at the help link (F1). */
export function tourSteps(): readonly TourStep[] {
  const ledger = routeHash({ name: 'ledger' });
  return [
    ...(ledger === '#/' ? [] : [{ id: 'home', target: sidebarLink('#/'), textKey: 'tour.home' }]),
    { id: 'new', target: sidebarLink(routeHash({ name: 'new' })), textKey: 'tour.new' },
    { id: 'capture', target: sidebarLink(routeHash({ name: 'capture' })), textKey: 'tour.capture' },
    { id: 'ledger', target: sidebarLink(ledger), textKey: 'tour.ledger' },
    { id: 'cases', target: sidebarLink(routeHash({ name: 'cases' })), textKey: 'tour.cases' },
    { id: 'reconcile', target: sidebarLink(routeHash({ name: 'reconcile' })), textKey: 'tour.reconcile' },
    { id: 'monthEnd', target: sidebarLink('#/month-end'), textKey: 'tour.monthEnd' },
    { id: 'backup', target: sidebarLink(routeHash({ name: 'backup' })), textKey: 'tour.backup' },
    { id: 'sync', target: sidebarLink(routeHash({ name: 'sync' })), textKey: 'tour.sync' },
    { id: 'status', target: 'nav.sidebar .sync-status', textKey: 'tour.status' },
    { id: 'palette', target: 'nav.sidebar .cmd-hint-links', textKey: 'tour.palette' },
    { id: 'help', target: '.help-link', textKey: 'tour.help' },
  ];
}

/** The steps whose element is on screen now (a clerk sees no stop for a screen their role hides). */
export function presentSteps(root: ParentNode): readonly TourStep[] {
  return tourSteps().filter((s) => root.querySelector(s.target) !== null);
}
