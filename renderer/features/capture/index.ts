/** Capture: import scans, photos and e-invoice files, confirm each prefilled invoice. */
export { CapturePage } from './CapturePage';
