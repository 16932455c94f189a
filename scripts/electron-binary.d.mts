/** The Electron executable installed for the project at `root`, or undefined when it is not installed. */
export function findElectronBinary(root: string): string | undefined;
