import { useSyncExternalStore } from 'react';
import { isPrintDoc, type PrintDoc } from '../../shared/print/print-doc';

/** The screens. The hash holds the route, so a reload returns to the same place. */
export type Route =
  | { readonly name: 'home' }
  | { readonly name: 'ledger' }
  | { readonly name: 'bin' }
  | { readonly name: 'new' }
  | { readonly name: 'capture' }
  | { readonly name: 'sync' }
  | { readonly name: 'backup' }
  | { readonly name: 'reconcile' }
  | { readonly name: 'sheets' }
  | { readonly name: 'cases' }
  | { readonly name: 'audit' }
  | { readonly name: 'users' }
  | { readonly name: 'feedback' }
  | { readonly name: 'monthEnd' }
  /** A saved month-end check. */
  | { readonly name: 'monthEndCheck'; readonly id: string }
  | { readonly name: 'manual'; readonly page: string | null }
  | { readonly name: 'case'; readonly id: string }
  | { readonly name: 'detail'; readonly id: string }
  | { readonly name: 'edit'; readonly id: string }
  /** A print preview; `query` is a URLSearchParams string (the ledger's filter, `id=`, `run=`). */
  | { readonly name: 'print'; readonly doc: PrintDoc; readonly query: string };

/**
 * Each screen named as the sidebar names it (a page reached from a list by that list, the print preview by 打印): the
 * sidebar, the command palette and feedback's screen name. A Record over every route name, so a new screen without a
 * name fails the type check instead of showing a catalogue key.
 */
export const SCREEN_LABEL_KEYS: Readonly<Record<Route['name'], string>> = {
  home: 'nav.home', ledger: 'nav.ledger', detail: 'nav.ledger', edit: 'nav.ledger', bin: 'nav.bin', new: 'nav.new',
  capture: 'nav.capture', sync: 'nav.sync', backup: 'nav.backup', reconcile: 'nav.reconcile', sheets: 'nav.sheets',
  cases: 'nav.cases', case: 'nav.cases', audit: 'nav.audit', users: 'nav.users', feedback: 'nav.feedback',
  monthEnd: 'nav.monthEnd', monthEndCheck: 'nav.monthEnd', manual: 'nav.manual', print: 'print.button',
};

/** The screens without an id in their hash. */
export type PlainScreen = Exclude<Route['name'], 'monthEndCheck' | 'manual' | 'case' | 'detail' | 'edit' | 'print'>;

/** Each plain screen's path: parseRoute and routeHash both read this one table. */
const PLAIN_PATHS: Readonly<Record<PlainScreen, string>> = {
  home: '/', ledger: '/ledger', new: '/new', bin: '/bin', capture: '/capture', sync: '/sync', backup: '/backup',
  reconcile: '/reconcile', sheets: '/sheets', cases: '/cases', audit: '/audit', users: '/users', feedback: '/feedback',
  monthEnd: '/month-end',
};
const PLAIN_BY_PATH: ReadonlyMap<string, PlainScreen> = new Map(
  (Object.keys(PLAIN_PATHS) as PlainScreen[]).map((name) => [PLAIN_PATHS[name], name]),
);

/** Parses a location hash into a route (the empty hash and unknown hashes show the home page). */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const plain = PLAIN_BY_PATH.get(path);
  if (plain) return { name: plain };
  const me = /^\/month-end\/([\w-]+)$/.exec(path);
  if (me?.[1]) return { name: 'monthEndCheck', id: me[1] };
  const p = /^\/print\/(\w+)(?:\?(.*))?$/.exec(path);
  if (p?.[1] && isPrintDoc(p[1])) return { name: 'print', doc: p[1], query: p[2] ?? '' };
  const manual = /^\/manual(?:\/([\w-]+))?$/.exec(path);
  if (manual) return { name: 'manual', page: manual[1] ?? null };
  const c = /^\/case\/([\w-]+)$/.exec(path);
  if (c?.[1]) return { name: 'case', id: c[1] };
  const m = /^\/invoice\/([\w-]+)(\/edit)?$/.exec(path);
  if (m?.[1]) return m[2] ? { name: 'edit', id: m[1] } : { name: 'detail', id: m[1] };
  return { name: 'home' };
}

/** The hash for a route. */
export function routeHash(route: Route): string {
  switch (route.name) {
    case 'monthEndCheck': return `#/month-end/${route.id}`;
    case 'manual': return route.page === null ? '#/manual' : `#/manual/${route.page}`;
    case 'case': return `#/case/${route.id}`;
    case 'detail': return `#/invoice/${route.id}`;
    case 'edit': return `#/invoice/${route.id}/edit`;
    case 'print': return `#/print/${route.doc}${route.query ? `?${route.query}` : ''}`;
    default: return `#${PLAIN_PATHS[route.name]}`;
  }
}

/** Goes to a route. */
export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => { window.removeEventListener('hashchange', onChange); };
}

/** The current route, re-rendering on hash changes. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
