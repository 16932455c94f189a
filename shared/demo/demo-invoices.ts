/*
 * Realistic demo invoices for benchmarks, tests and trying the app: valid USCC tax ids (real check
 * characters), 10/12-digit codes with Beijing region digits, 8- and 20-digit numbers, current tax rates,
 * and amounts where 金额 + 税额 = 价税合计 exactly. Deterministic for a given seed.
 */
import type { InvoiceContent, InvoiceKind, Party } from '../domain/invoice';
import { fen } from '../domain/money';
import { orgCodeCheckChar, usccCheckChar } from '../domain/tax-id';
import type { Rng } from './random';

const CITY = ['北京', '天津', '上海', '杭州', '苏州', '成都', '青岛', '广州', '深圳', '武汉'];
const CORE = ['华信', '京诚', '瑞丰', '嘉禾', '恒泰', '宏远', '博文', '中科', '金桥', '鼎盛', '安和', '新元', '正邦', '东方', '同心', '永和'];
const TRADE = ['科技', '贸易', '商贸', '餐饮管理', '文化传媒', '办公用品', '物流', '酒店管理', '建筑工程', '信息技术', '通讯设备'];
const FORM = ['有限公司', '有限责任公司', '股份有限公司', '经营部'];
const DISTRICTS = ['110101', '110102', '110105', '110106', '110108', '120116', '310115', '330106', '510107', '370202'];

/** A valid 18-character USCC for a company (check characters computed, so validation passes). */
export function demoTaxId(rng: Rng): string {
  const org8 = String(rng.int(10000000, 99999999));
  const org = org8 + (orgCodeCheckChar(org8) ?? '0');
  const first17 = `91${rng.pick(DISTRICTS)}${org}`;
  return first17 + (usccCheckChar(first17) ?? '0');
}

/** A plausible company name and its tax id. */
export function demoParty(rng: Rng): Party {
  return { name: `${rng.pick(CITY)}${rng.pick(CORE)}${rng.pick(TRADE)}${rng.pick(FORM)}`, taxId: demoTaxId(rng) };
}

const KINDS: readonly InvoiceKind[] = ['digital_normal', 'digital_special', 'digital_normal', 'e_normal', 'vat_special', 'e_special'];
const RATES = [['0.13', 13], ['0.06', 6], ['0.09', 9], ['0.01', 1], ['0.03', 3]] as const;

/** A pool of sellers, so that several invoices share a supplier as in a real ledger. */
export function demoSellers(rng: Rng, count: number): Party[] {
  return Array.from({ length: count }, () => demoParty(rng));
}

/** One demo invoice; `serial` keeps hard keys unique within a run. */
export function demoInvoiceContent(rng: Rng, serial: number, sellers: readonly Party[], buyer: Party, today: string): InvoiceContent {
  const kind = rng.pick(KINDS);
  const digital = kind === 'digital_normal' || kind === 'digital_special';
  const year = Number(today.slice(0, 4)) - rng.int(0, 1);
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  let issueDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (issueDate > today) issueDate = `${year - 1}${issueDate.slice(4)}`;
  const yy = issueDate.slice(2, 4);
  const [rate, percent] = rng.pick(RATES);
  const amount = rng.int(1_000, 5_000_000);
  const tax = Math.round((amount * percent) / 100);
  const code = digital ? '' : kind === 'vat_special' ? `1100${yy}${rng.int(1, 9)}1${rng.int(2, 4)}0` : `01100${yy}${String(rng.int(100, 999))}${kind === 'e_special' ? '13' : '11'}`;
  const number = digital ? `${yy}11${rng.int(2, 7)}${String(serial).padStart(15, '0')}` : String(serial % 100_000_000).padStart(8, '0');
  return {
    kind,
    code,
    number,
    issueDate,
    seller: rng.pick(sellers),
    buyer,
    lines: [],
    amount: fen(amount),
    tax: fen(tax),
    total: fen(amount + tax),
    taxRate: rate,
    checkCode: kind === 'e_normal' ? Array.from({ length: 20 }, () => String(rng.int(0, 9))).join('') : '',
    remarks: '',
    isRed: false,
  };
}
