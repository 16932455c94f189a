import { OfdPackage, resolvePath } from './ofd-package';
import { readOfdPages, pageTextItems } from './ofd-pages';
import type { TextItem } from '../text/text-items';
import { child, ownText } from './xml';
import { openZip } from './zip-reader';

/**
 * The positioned text of an OFD's first page (templates included, in mm), for a text-only preview of the
 * original; null when the file cannot be opened. Seals, lines and the QR image are not drawn.
 */
export function ofdFirstPageText(bytes: Uint8Array): TextItem[] | null {
  const zip = openZip(bytes);
  if (!zip.ok) return null;
  const pkg = new OfdPackage(zip.value);
  const ofd = pkg.xml('OFD.xml');
  if (!ofd.ok) return null;
  const docRoot = resolvePath('', ownText(child(ofd.value.root, 'DocBody', 'DocRoot')).trim() || 'Doc_0/Document.xml');
  return pageTextItems(readOfdPages(pkg, docRoot, 1)).filter((i) => i.page === 1 && i.str.trim() !== '');
}
