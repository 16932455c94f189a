import type { FieldName, InvoiceDraft } from '../../../../shared/domain/invoice';

/** A text field of the entry form. */
export interface TextFieldSpec {
  readonly name: Exclude<keyof InvoiceDraft, 'kind' | 'isRed' | 'lines'> & FieldName;
  readonly inputMode?: 'numeric' | 'decimal' | 'text';
  readonly wide?: boolean;
  readonly hintKey?: string;
  readonly maxLength?: number;
}

/** The form's sections in the order of the paper invoice; Tab follows this order. */
export const FORM_SECTIONS: readonly { readonly titleKey: string; readonly fields: readonly TextFieldSpec[] }[] = [
  {
    titleKey: 'form.sectionInvoice',
    fields: [
      { name: 'code', inputMode: 'numeric', maxLength: 40 },
      { name: 'number', inputMode: 'numeric', maxLength: 40 },
      { name: 'issueDate', maxLength: 20, hintKey: 'form.datePlaceholder' },
      { name: 'checkCode', inputMode: 'numeric', maxLength: 40 },
    ],
  },
  {
    titleKey: 'form.sectionBuyer',
    fields: [
      { name: 'buyerName', wide: true, maxLength: 200 },
      { name: 'buyerTaxId', maxLength: 40, hintKey: 'form.individual' },
    ],
  },
  {
    titleKey: 'form.sectionAmounts',
    fields: [
      { name: 'taxRate', maxLength: 12, hintKey: 'form.optional' },
      { name: 'amount', inputMode: 'decimal', maxLength: 24 },
      { name: 'tax', inputMode: 'decimal', maxLength: 24 },
      { name: 'total', inputMode: 'decimal', maxLength: 24 },
    ],
  },
  {
    titleKey: 'form.sectionSeller',
    fields: [
      { name: 'sellerName', wide: true, maxLength: 200 },
      { name: 'sellerTaxId', maxLength: 40 },
    ],
  },
  {
    titleKey: 'form.sectionOther',
    fields: [{ name: 'remarks', wide: true, maxLength: 500, hintKey: 'form.optional' }],
  },
];

/** Every field in focus order, for "focus the first wrong field". */
export const FIELD_ORDER: readonly FieldName[] = ['kind', ...FORM_SECTIONS.flatMap((s) => s.fields.map((f) => f.name)), 'isRed'];

/** The DOM id of a field's control. */
export const fieldId = (name: string): string => `inv-${name}`;
