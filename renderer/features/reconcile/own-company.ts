// The company's own name and tax id as set on the reconciliation page (per PC), for other features: capture
// uses them to confirm or correct the party that is the company (shared/capture/checks/own-company.ts).
import type { OwnCompany } from '../../../shared/capture/checks/own-company';
import { useReconcileUi } from './reconcile-store';

/** The company as set by the clerk, or null when its tax id has not been set. */
export function ownCompany(): OwnCompany | null {
  const { companyTaxId, companyName } = useReconcileUi.getState();
  if (companyTaxId.trim() === '') return null;
  return companyName.trim() === '' ? { taxId: companyTaxId } : { taxId: companyTaxId, name: companyName.trim() };
}
