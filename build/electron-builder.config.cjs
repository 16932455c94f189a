// electron-builder configuration (npm run dist). See docs/packaging.md.
// Everything the app runs is bundled at build time — the renderer into dist/renderer (vite), main and preload
// into dist-electron (scripts/build-electron.mjs) — so the package needs no node_modules.

/** @type {import('app-builder-lib').Configuration} */
module.exports = {
  appId: 'cn.fapiaodesk.app',
  productName: 'Fapiao Desk',
  copyright: 'Copyright © Fapiao Desk',
  // Set explicitly: electron is an optional dependency and may be absent where the config is read.
  electronVersion: '45.5.0',
  directories: { output: 'release', buildResources: 'build' },
  files: ['dist/renderer/**', 'dist-electron/**', 'package.json', '!**/*.map', '!node_modules/**'],
  asar: true,
  npmRebuild: false, // no native modules
  publish: null, // releases are uploaded by hand, never as a side effect of a CI build
  artifactName: 'fapiao-desk-${version}-${os}-${arch}.${ext}',

  // Electron security checklist: fuses are flipped in the binary at package time, before signing, so the
  // signature covers them. Every fuse is set explicitly (build/electron-fuses.test.ts flips a fake binary with this).
  electronFuses: {
    runAsNode: false, // ELECTRON_RUN_AS_NODE cannot turn the app into a plain Node.js
    enableCookieEncryption: true, // the cookie store on disk is encrypted with the OS key
    enableNodeOptionsEnvironmentVariable: false, // NODE_OPTIONS / NODE_EXTRA_CA_CERTS are ignored
    enableNodeCliInspectArguments: false, // --inspect and SIGUSR1 open no debugger in main
    enableEmbeddedAsarIntegrityValidation: true, // app.asar must match the hash in the signed binary (Windows, macOS)
    onlyLoadAppFromAsar: true, // no app/ folder beside app.asar is loaded instead of it
    loadBrowserProcessSpecificV8Snapshot: false, // the app ships no separate V8 snapshot for main
    grantFileProtocolExtraPrivileges: false, // file:// pages get no more than in a browser (the app uses app://)
  },

  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'build/icons/256x256.png',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    shortcutName: 'Fapiao Desk 发票台账',
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    icon: 'build/icons',
    executableName: 'fapiao-desk',
    synopsis: '发票台账 — offline invoice ledger',
    // deb requires a maintainer; replace with the publisher's real contact before releasing.
    maintainer: 'Fapiao Desk <support@fapiaodesk.cn>',
    desktop: { entry: { Name: 'Fapiao Desk', 'Name[zh_CN]': '发票台账', Comment: '发票台账' } },
  },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.finance',
    icon: 'build/icons/512x512.png',
  },
};
