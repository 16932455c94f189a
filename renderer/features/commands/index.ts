/** Keyboard: the command palette (Ctrl+K) over every screen and action the role may use, and the shortcuts sheet (?). */
export { COMMANDS_MESSAGES } from './messages';
export { COMMANDS, SHORTCUTS, SHORTCUT_AREAS, type Command, type CommandCall, type CommandEffect, type Shortcut, type ShortcutArea } from './registry';
export { allowedCommands, matchCommands } from './match';
export { isTextTarget, keyIntent, type KeyIntent, type KeyPress, type KeyTarget } from './keys';
export { runCommand, type CommandDeps } from './run-command';
export { useCommandUi, type Overlay } from './ui-store';
export { CommandLayer } from './CommandLayer';
export { CommandHint } from './CommandHint';
