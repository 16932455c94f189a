/*
 * Which kind of file a workbook is, for the screens that accept "any spreadsheet": each preset's best header is
 * scored by the fields it finds plus a bonus for the headers only that kind of file has (勾选状态, 发票风险等级,
 * our export's 明细 …); the highest wins, ties in the order check, platform, bank, ledger.
 */
import { findHeader } from './header-match';
import { PRESETS } from './presets';
import type { SheetKind } from '../types';
import type { Workbook } from './types';

/** Weight of one signature header against one matched field. */
const SIGNATURE_WEIGHT = 3;
const ORDER: readonly SheetKind[] = ['check', 'platform', 'bank', 'ledger'];

/** The kind of file whose preset fits best, or null when none finds its required columns. */
export function detectSheetKind(wb: Workbook): SheetKind | null {
  let best: SheetKind | null = null;
  let bestScore = 0;
  for (const kind of ORDER) {
    const match = findHeader(wb, PRESETS[kind]);
    if (!match.ok) continue;
    const score = match.value.score + SIGNATURE_WEIGHT * match.value.signature;
    if (score > bestScore) {
      best = kind;
      bestScore = score;
    }
  }
  return best;
}
