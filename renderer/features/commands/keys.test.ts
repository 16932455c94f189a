import { describe, expect, it } from 'vitest';
import { isTextTarget, keyIntent } from './keys';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; inText: boolean }> = {}) =>
  keyIntent({ key, ctrlKey: false, metaKey: false, altKey: false, inText: false, ...mods });

describe('shell keys', () => {
  it('Ctrl+K and Cmd+K open the palette, even in a text field', () => {
    expect(press('k', { ctrlKey: true })).toBe('palette');
    expect(press('K', { metaKey: true, inText: true })).toBe('palette');
    expect(press('k', { ctrlKey: true, altKey: true })).toBeNull();
    expect(press('k')).toBeNull();
  });

  it('? opens the shortcuts sheet only outside text fields', () => {
    expect(press('?')).toBe('shortcuts');
    expect(press('?', { inText: true })).toBeNull();
    expect(press('?', { ctrlKey: true })).toBeNull();
    expect(press('/')).toBeNull();
  });

  it('Ctrl+N asks for a new invoice', () => {
    expect(press('n', { ctrlKey: true })).toBe('newInvoice');
    expect(press('n')).toBeNull();
  });

  it('F1 opens the manual everywhere, in text fields too, but not with a modifier', () => {
    expect(press('F1')).toBe('manual');
    expect(press('F1', { inText: true })).toBe('manual');
    expect(press('F1', { ctrlKey: true })).toBeNull();
    expect(press('F1', { altKey: true })).toBeNull();
    expect(press('f1')).toBeNull();
  });

  it('tells text fields from other controls', () => {
    expect(isTextTarget({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(isTextTarget({ tagName: 'input', type: 'search' })).toBe(true);
    expect(isTextTarget({ tagName: 'INPUT' })).toBe(true);
    expect(isTextTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTextTarget({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTextTarget({ tagName: 'SELECT' })).toBe(true);
    expect(isTextTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTextTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTextTarget(null)).toBe(false);
  });
});
