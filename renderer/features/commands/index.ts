/** Keyboard: the command palette (Ctrl+K) over every screen and action the role may use, and the shortcuts sheet (?). */
export { COMMANDS_MESSAGES } from './messages';
export { isTextTarget, keyIntent } from './keys';
export { useCommandUi } from './ui-store';
export { CommandLayer } from './CommandLayer';
export { CommandHint } from './CommandHint';
