import type { InvoiceContent } from '../../shared/domain/invoice';
import { fen } from '../../shared/domain/money';

/** A valid invoice for sync tests and benches; `n` varies the number so each one is distinct. */
export function sampleContent(n = 0): InvoiceContent {
  return {
    kind: 'e_normal', code: '033002000211', number: String(83089647 + n).padStart(8, '0'), issueDate: '2020-07-23',
    buyer: { name: '江苏京利华新材料有限公司', taxId: '91320115MA202UKD7X' },
    seller: { name: '兰溪市悦济舫餐厅', taxId: '92330781MA2EDMFU50' },
    lines: [], amount: fen(51068), tax: fen(1532), total: fen(52600), taxRate: '0.03',
    checkCode: '16197833567414507415', remarks: '', isRed: false,
  };
}
