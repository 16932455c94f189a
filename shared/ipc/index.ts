// The DesktopApi contract (docs/architecture.md#layers): written once, used by preload, main and renderer/platform.
export * from './desktop-api';
export * from './channels';
export * from './contract';
export * from './schemas';
export * from './backup-schemas';
export * from './server-cert-schemas';
export * from './pdf-schemas';
