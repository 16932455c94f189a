import type { Action } from '../../../shared/auth/roles';
import { SCREEN_LABEL_KEYS, type PlainScreen, type Route } from '../../app/router';

/** Actions the palette can call besides going to a screen (run-command.ts carries them out). */
export type CommandCall = 'syncNow' | 'verifyAudit' | 'switchUser' | 'signOut' | 'toggleLanguage' | 'showShortcuts' | 'replayTour' | 'print';

/** What a command does: open a screen, or call one of the app's existing actions. */
export type CommandEffect =
  | { readonly kind: 'navigate'; readonly route: Route }
  | { readonly kind: 'call'; readonly call: CommandCall };

/** One entry of the command palette (Ctrl+K). */
export interface Command {
  readonly id: string;
  /** Catalogue key of the label (both languages). */
  readonly labelKey: string;
  /** Screens ('go') are listed before actions ('do') when nothing is typed. */
  readonly group: 'go' | 'do';
  /** Extra words that find it: pinyin initials, synonyms, the other language's everyday words. */
  readonly keywords: readonly string[];
  readonly shortcut?: string;
  /** The permission the signed-in role needs; absent when every role may. */
  readonly needs?: Action;
  readonly effect: CommandEffect;
}

/** A screen, labelled as the sidebar labels it. */
const go = (name: PlainScreen, keywords: readonly string[], extra: Partial<Pick<Command, 'needs' | 'shortcut'>> = {}): Command =>
  ({ id: `go.${name}`, labelKey: SCREEN_LABEL_KEYS[name], group: 'go', keywords, effect: { kind: 'navigate', route: { name } }, ...extra });
const call = (c: CommandCall, labelKey: string, keywords: readonly string[], extra: Partial<Pick<Command, 'needs' | 'shortcut'>> = {}): Command =>
  ({ id: `do.${c}`, labelKey, group: 'do', keywords, effect: { kind: 'call', call: c }, ...extra });

/** Every screen without an id in the route, and the app-wide actions, in the order the palette lists them. */
export const COMMANDS: readonly Command[] = [
  go('home', ['sy', 'shouye', 'home', 'dashboard', 'today', 'todo', '待办', '今日']),
  go('ledger', ['fptz', 'tz', 'taizhang', 'fapiao', 'invoices', 'list', '发票', '列表']),
  go('new', ['lrfp', 'lr', 'xj', 'luru', 'new', 'create', 'add', '新建', '新增'], { needs: 'invoice.create', shortcut: 'Ctrl+N' }),
  go('capture', ['drwj', 'sm', 'dzfp', 'scan', 'pdf', 'ofd', 'xml', 'photo', '扫描', '电子发票', '拍照'], { needs: 'invoice.create' }),
  go('reconcile', ['dz', 'duizhang', 'reconciliation', 'platform', 'bank', '平台', '银行', '流水']),
  go('cases', ['qsbb', 'qs', 'bb', 'ys', 'missing', 'lost', 'replacement', '缺失', '补办', '遗失']),
  go('sheets', ['excel', 'drdc', 'dc', 'xlsx', 'export', 'import', '导入', '导出', '报表']),
  go('bin', ['hsz', 'huishou', 'deleted', 'trash', 'restore', '删除', '恢复']),
  go('sync', ['tb', 'tongbu', 'ct', 'conflicts', 'server', '服务器', '冲突']),
  go('backup', ['bf', 'beifen', 'hf', 'restore', 'usb', '恢复', 'U盘']),
  go('audit', ['sjrz', 'sj', 'shenji', 'log', 'trail', 'history', '审计', '日志'], { needs: 'audit.view' }),
  go('users', ['yhgl', 'yh', 'roles', 'password', 'accounts', '用户', '角色', '密码'], { needs: 'user.manage' }),
  go('monthEnd', ['ydhd', 'ym', 'hd', 'yuemo', 'month-end', 'monthly', 'closing', 'period', 'completeness', '月末', '核对', '结账', '月结']),
  go('feedback', ['yjfk', 'fk', 'fankui', 'feedback', 'bug', 'report', 'problem', '反馈', '问题', '建议'], { needs: 'feedback.send' }),
  { id: 'go.manual', labelKey: SCREEN_LABEL_KEYS.manual, group: 'go', keywords: ['czsc', 'sc', 'bz', 'bangzhu', 'help', 'manual', 'guide', '帮助', '说明', '手册', '教程'], shortcut: 'F1', effect: { kind: 'navigate', route: { name: 'manual', page: null } } },
  call('print', 'command.print', ['dy', 'dayin', 'print', 'pdf', 'paper', 'a4', '打印', '预览', '存为PDF']),
  call('syncNow', 'sync.now', ['ljtb', 'tb', 'tongbu', 'sync', 'push', 'pull', '同步']),
  call('verifyAudit', 'command.verifyAudit', ['ljyz', 'yz', 'sj', 'verify', 'audit', 'chain', '验证', '校验', '审计'], { needs: 'audit.verify' }),
  call('showShortcuts', 'command.shortcuts', ['kjj', 'jp', 'keys', 'keyboard', 'help', '快捷键', '键盘'], { shortcut: '?' }),
  call('replayTour', 'manual.replayTour', ['cxbfdl', 'dl', 'daolan', 'tour', 'guide', 'intro', '导览', '引导', '入门']),
  call('toggleLanguage', 'command.toggleLanguage', ['yy', 'qhyy', 'language', 'english', 'chinese', '语言', '英文', '中文']),
  call('switchUser', 'auth.switchUser', ['qhyh', 'qh', 'switch', 'user', '换人', '用户']),
  call('signOut', 'auth.signOut', ['tcdl', 'tc', 'logout', 'log out', '注销', '退出']),
];

/** Where a shortcut works (the sheet groups them so). */
export type ShortcutArea = 'everywhere' | 'form' | 'capture' | 'ledger' | 'palette';

/** One line of the shortcuts sheet (?). */
export interface Shortcut {
  readonly keys: readonly string[];
  readonly labelKey: string;
  readonly area: ShortcutArea;
}

/** Every keyboard shortcut the app handles, as the code handles it (App.tsx, InvoiceForm, InvoiceTable, the palette). */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['Ctrl+K'], labelKey: 'shortcut.palette', area: 'everywhere' },
  { keys: ['?'], labelKey: 'shortcut.sheet', area: 'everywhere' },
  { keys: ['Ctrl+N'], labelKey: 'shortcut.newInvoice', area: 'everywhere' },
  { keys: ['F1'], labelKey: 'shortcut.manual', area: 'everywhere' },
  { keys: ['Esc'], labelKey: 'shortcut.closeDialog', area: 'everywhere' },
  { keys: ['Enter'], labelKey: 'shortcut.formSave', area: 'form' },
  { keys: ['Esc'], labelKey: 'shortcut.formCancel', area: 'form' },
  { keys: ['Tab'], labelKey: 'shortcut.formTab', area: 'form' },
  { keys: ['PageDown'], labelKey: 'shortcut.captureNext', area: 'capture' },
  { keys: ['↑', '↓'], labelKey: 'shortcut.ledgerMove', area: 'ledger' },
  { keys: ['PageUp', 'PageDown'], labelKey: 'shortcut.ledgerPage', area: 'ledger' },
  { keys: ['Home', 'End'], labelKey: 'shortcut.ledgerEnds', area: 'ledger' },
  { keys: ['Enter'], labelKey: 'shortcut.ledgerOpen', area: 'ledger' },
  { keys: ['↑', '↓'], labelKey: 'shortcut.paletteMove', area: 'palette' },
  { keys: ['Enter'], labelKey: 'shortcut.paletteRun', area: 'palette' },
  { keys: ['Esc'], labelKey: 'shortcut.paletteClose', area: 'palette' },
];

/** The areas in the order the sheet shows them. */
export const SHORTCUT_AREAS: readonly ShortcutArea[] = ['everywhere', 'form', 'capture', 'ledger', 'palette'];
