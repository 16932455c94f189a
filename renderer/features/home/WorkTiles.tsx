import type { HomeClock, InvoiceSummary } from '../../../shared/home/invoice-summary';
import type { CaseMonth, FollowUpCounts } from '../../../shared/home/work-summary';
import { useT } from '../../app/i18n';
import { useCan } from '../../db';
import { openLedger } from '../invoices';
import { openCases } from '../cases';
import { Tile, type TileTone } from './Tile';

const tone = (n: number | undefined, when: TileTone = 'attention'): TileTone => (n !== undefined && n > 0 ? when : 'calm');
const iso = (ms: number) => new Date(ms).toISOString();
/** The first instant of the local day after the one starting at `ms`. */
const nextDay = (ms: number) => { const d = new Date(ms); return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime(); };

/** The invoice and case tiles: what was captured, what waits to be checked, what carries a warning, what is due. */
export function WorkTiles(props: {
  readonly clock: HomeClock;
  readonly today: string;
  readonly summary: InvoiceSummary | undefined;
  readonly cases: { readonly followUps: FollowUpCounts; readonly months: CaseMonth[] } | undefined;
}) {
  const t = useT();
  const { summary, cases } = props;
  const canCheck = useCan('invoice.check');
  const canEditCases = useCan('case.edit');
  const followUps = cases ? cases.followUps.due + cases.followUps.overdue : undefined;
  const unit = (n: number | undefined) => t(n === 1 ? 'home.unit.invoice' : 'home.unit.invoices');
  return (
    <div className="tiles" role="list" aria-label={t('home.work')}>
      <div role="listitem"><Tile id="tile-today" label={t('home.tile.today')} value={summary?.capturedToday} unit={unit(summary?.capturedToday)} tone="calm"
        detail={t('home.tile.today.detail', { date: props.today })} action={t('home.open.invoices')}
        onOpen={() => { openLedger({ capturedFrom: iso(props.clock.todayStart), capturedBefore: iso(nextDay(props.clock.todayStart)) }); }} /></div>
      <div role="listitem"><Tile id="tile-week" label={t('home.tile.week')} value={summary?.capturedThisWeek} unit={unit(summary?.capturedThisWeek)} tone="calm"
        detail={t('home.tile.week.detail')} action={t('home.open.invoices')}
        onOpen={() => { openLedger({ capturedFrom: iso(props.clock.weekStart) }); }} /></div>
      <div role="listitem"><Tile id="tile-entered" label={t('home.tile.entered')} value={summary?.entered} unit={unit(summary?.entered)} tone={tone(summary?.entered)}
        detail={t(canCheck ? 'home.tile.entered.detail' : 'home.tile.entered.detailOther')} action={t('home.open.invoices')}
        onOpen={() => { openLedger({ statuses: ['entered'] }); }} /></div>
      <div role="listitem"><Tile id="tile-warnings" label={t('home.tile.warnings')} value={summary?.withWarnings} unit={unit(summary?.withWarnings)} tone={tone(summary?.withWarnings)}
        detail={t('home.tile.warnings.detail')} action={t('home.open.invoices')}
        onOpen={() => { openLedger({ hasWarnings: 'yes' }); }} /></div>
      <div role="listitem"><Tile id="tile-duplicates" label={t('home.tile.duplicates')} value={summary?.duplicates} unit={unit(summary?.duplicates)} tone={tone(summary?.duplicates)}
        detail={t('home.tile.duplicates.detail')} action={t('home.open.invoices')}
        onOpen={() => { openLedger({ duplicate: 'yes' }); }} /></div>
      <div role="listitem"><Tile id="tile-followups" label={t('home.tile.followUps')} value={followUps} unit={t('home.unit.items')}
        tone={cases && cases.followUps.overdue > 0 ? 'alert' : tone(followUps)}
        detail={cases ? t(canEditCases ? 'home.tile.followUps.detail' : 'home.tile.followUps.detailOther', { overdue: cases.followUps.overdue, open: cases.followUps.openCases }) : null}
        action={t('home.open.cases')} onOpen={() => { openCases('due'); }} /></div>
    </div>
  );
}
