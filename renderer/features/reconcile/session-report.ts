import type { ReportForExport } from '../../../shared/reconcile/report-sheets';
import { formatTimestamp } from '../../app/today';
import { useFindingNotes } from '../../db';
import { useReconcileUi } from './reconcile-store';

/**
 * A run's full report (findings included) while it is this session's report on screen: runs store only their
 * summary and finding keys, so the print view can list the findings only until the page is reloaded.
 * undefined while the clerk's notes load; null when the run is not the one on screen.
 */
export function useSessionReport(runId: string): ReportForExport | null | undefined {
  const report = useReconcileUi((s) => s.report);
  const notes = useFindingNotes();
  if (!report || report.runId !== runId) return null;
  if (notes === undefined) return undefined;
  const { summary, findings } = report.output;
  return { ...report, ranAt: formatTimestamp(report.ranAt), summary, findings, notes };
}

/** The id of the run whose report is on screen in this session, or null. */
export function reportRunOnScreen(): string | null {
  return useReconcileUi.getState().report?.runId ?? null;
}
