// The application menu (Chinese labels; main has no i18n catalogue yet). Pure template builder, tested in menu.test.ts.
import type { MenuItemConstructorOptions } from 'electron';

/** What decides the menu's shape. */
export interface MenuOptions {
  readonly appName: string;
  /** macOS puts an application menu first and quits from there. */
  readonly isMac: boolean;
  /** Developer tools are offered only in unpackaged (development) runs. */
  readonly isPackaged: boolean;
}

/** 文件 / 编辑 / 视图 / 帮助, built from Electron roles so shortcuts and platform behaviour come for free. */
export function buildMenuTemplate({ appName, isMac, isPackaged }: MenuOptions): MenuItemConstructorOptions[] {
  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [{
        label: appName,
        submenu: [
          { role: 'about', label: `关于 ${appName}` },
          { type: 'separator' },
          { role: 'hide', label: `隐藏 ${appName}` },
          { role: 'hideOthers', label: '隐藏其他' },
          { role: 'unhide', label: '全部显示' },
          { type: 'separator' },
          { role: 'quit', label: `退出 ${appName}` },
        ],
      }]
    : [];
  const fileMenu: MenuItemConstructorOptions = {
    label: '文件',
    submenu: [isMac ? { role: 'close', label: '关闭窗口' } : { role: 'quit', label: '退出' }],
  };
  const editMenu: MenuItemConstructorOptions = {
    label: '编辑',
    submenu: [
      { role: 'undo', label: '撤销' },
      { role: 'redo', label: '重做' },
      { type: 'separator' },
      { role: 'cut', label: '剪切' },
      { role: 'copy', label: '复制' },
      { role: 'paste', label: '粘贴' },
      { role: 'selectAll', label: '全选' },
    ],
  };
  const viewMenu: MenuItemConstructorOptions = {
    label: '视图',
    submenu: [
      { role: 'reload', label: '重新加载' },
      ...(isPackaged ? [] : [{ role: 'toggleDevTools', label: '开发者工具' } as const]),
      { type: 'separator' },
      { role: 'resetZoom', label: '实际大小' },
      { role: 'zoomIn', label: '放大' },
      { role: 'zoomOut', label: '缩小' },
      { type: 'separator' },
      { role: 'togglefullscreen', label: '全屏' },
    ],
  };
  const helpMenu: MenuItemConstructorOptions = {
    label: '帮助',
    role: 'help',
    submenu: [{ role: 'about', label: `关于 ${appName}` }],
  };
  return [...appMenu, fileMenu, editMenu, viewMenu, helpMenu];
}
