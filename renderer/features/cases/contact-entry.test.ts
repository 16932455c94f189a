import { describe, expect, it } from 'vitest';
import { checkContact, emptyContact } from './contact-entry';

const TODAY = '2024-05-08';
const keys = (r: ReturnType<typeof checkContact>) => r.problems.map((p) => `${p.field}:${p.key}`);

describe('checkContact', () => {
  it('starts dated today by phone and needs a summary', () => {
    const r = checkContact(emptyContact(TODAY), TODAY);
    expect(r.entry).toBeNull();
    expect(keys(r)).toEqual(['summary:case.contact.summaryRequired']);
  });

  it('keeps text as typed (full-width commas too), trimmed, and dates in YYYY-MM-DD', () => {
    const r = checkContact({ date: '2024/5/7', channel: 'email', person: ' 王会计 ', summary: ' 对方同意寄送记账联复印件，\r\n盖发票专用章 ', nextStep: '等快递', followUp: '2024年5月15日' }, TODAY);
    expect(r.problems).toEqual([]);
    expect(r.entry).toEqual({ date: '2024-05-07', channel: 'email', person: '王会计', summary: '对方同意寄送记账联复印件，\n盖发票专用章', nextStep: '等快递', followUp: '2024-05-15' });
  });

  it('allows no follow-up and refuses a bad, future or backwards date', () => {
    expect(checkContact({ ...emptyContact(TODAY), summary: 'x' }, TODAY).entry?.followUp).toBe('');
    expect(keys(checkContact({ ...emptyContact(TODAY), summary: 'x', date: '2024-05-32' }, TODAY))).toEqual(['date:case.contact.badDate']);
    expect(keys(checkContact({ ...emptyContact(TODAY), summary: 'x', date: '2024-05-09' }, TODAY))).toEqual(['date:case.contact.futureDate']);
    expect(keys(checkContact({ ...emptyContact(TODAY), summary: 'x', followUp: '2024-05-01' }, TODAY))).toEqual(['followUp:case.contact.followUpPast']);
    expect(keys(checkContact({ ...emptyContact(TODAY), summary: 'x', followUp: 'next week' }, TODAY))).toEqual(['followUp:case.contact.badDate']);
  });
});
