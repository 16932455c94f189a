import type { Locale } from '../../../shared/i18n/translate';
import { navigate, parseRoute } from '../../app/router';
import type { T } from '../../app/i18n';
import { auditTrail } from '../../db';
import { refusalText, signOut } from '../auth';
import { syncFailureText, syncNow } from '../sync';
import { startTour } from '../manual';
import { toFilter, useFilterStore } from '../invoices';
import { openPrint } from '../print';
import { reportRunOnScreen } from '../reconcile';
import { printTarget } from './print-target';
import type { Command } from './registry';
import { useCommandUi } from './ui-store';

/** What running a command needs from the shell: the translator, the language and a way to say how it went. */
export interface CommandDeps {
  readonly t: T;
  readonly locale: Locale;
  readonly setLocale: (locale: Locale) => void;
  readonly toast: (text: string, tone?: 'ok' | 'warn' | 'error') => void;
}

/** Carries out a command: opens its screen or calls the existing action, telling the outcome in a toast. */
export async function runCommand(command: Command, deps: CommandDeps): Promise<void> {
  const { t, toast } = deps;
  const effect = command.effect;
  if (effect.kind === 'navigate') { navigate(effect.route); return; }
  switch (effect.call) {
    case 'syncNow': {
      const r = await syncNow();
      toast(r.ok ? t('sync.now.done', { pushed: r.value.pushed, pulled: r.value.pulled }) : syncFailureText(t, r.error), r.ok ? 'ok' : 'error');
      return;
    }
    case 'verifyAudit': {
      const r = await auditTrail.verifyNow();
      if (!r.ok) toast(refusalText(t, r.error), 'error');
      else if (r.value.broken) toast(t('command.verifyBroken'), 'error');
      else toast(t('audit.chain.ok', { count: r.value.count }));
      return;
    }
    case 'replayTour': startTour(); return;
    case 'print': {
      const target = printTarget(parseRoute(window.location.hash), toFilter(useFilterStore.getState().form, false).filter, reportRunOnScreen());
      if (target === null) toast(t('command.nothingToPrint'), 'warn');
      else if (target.kind === 'page') window.print();
      else openPrint(target.doc, target.params);
      return;
    }
    case 'showShortcuts': useCommandUi.getState().show('shortcuts'); return;
    case 'toggleLanguage': deps.setLocale(deps.locale === 'en' ? 'zh-CN' : 'en'); return;
    case 'switchUser': await signOut('switch'); return;
    case 'signOut': await signOut('user'); return;
  }
}
