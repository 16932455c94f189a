/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** package.json version, defined at build time by vite.config.ts. */
  readonly VITE_APP_VERSION?: string;
}
