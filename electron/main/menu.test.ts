import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from './menu';

const labels = (items: MenuItemConstructorOptions[]) => items.map((item) => item.label);
const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [...(item.role ? [item.role] : []), ...roles(item.submenu ?? [])]);

describe('buildMenuTemplate', () => {
  it('has 文件 / 编辑 / 视图 / 帮助 on Windows and Linux', () => {
    const template = buildMenuTemplate({ appName: 'Fapiao Desk', isMac: false, isPackaged: true });
    expect(labels(template)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(roles(template)).toContain('quit');
    expect(roles(template)).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'about']));
  });

  it('puts the application menu first on macOS', () => {
    const template = buildMenuTemplate({ appName: 'Fapiao Desk', isMac: true, isPackaged: true });
    expect(labels(template)).toEqual(['Fapiao Desk', '文件', '编辑', '视图', '帮助']);
  });

  it('offers developer tools only when not packaged', () => {
    expect(roles(buildMenuTemplate({ appName: 'x', isMac: false, isPackaged: true }))).not.toContain('toggleDevTools');
    expect(roles(buildMenuTemplate({ appName: 'x', isMac: false, isPackaged: false }))).toContain('toggleDevTools');
  });

  it('labels every item that is not a separator', () => {
    const all = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
      items.flatMap((item) => [item, ...all(item.submenu ?? [])]);
    const unlabelled = all(buildMenuTemplate({ appName: 'x', isMac: true, isPackaged: false }))
      .filter((item) => item.type !== 'separator' && !item.label);
    expect(unlabelled).toEqual([]);
  });
});
