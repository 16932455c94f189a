/*
 * The fast .xlsx path: unzip with fflate, then scan the XML parts (ooxml-parts, ooxml-sheet). A package it does
 * not recognise (.xlsb, .ods, prefixed XML, odd paths) is declined, so the caller can hand it to SheetJS.
 */
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { fillMerges } from './merges';
import { readSharedStrings, readStylesPart, readWorkbookPart } from './ooxml-parts';
import { readMerges, readSheetXml } from './ooxml-sheet';
import { findBytes } from './xml-bytes';
import type { SheetData } from './types';

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const STYLES = 'xl/styles.xml';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const SHEET_DATA = strToU8('<sheetData');
const PREFIXED_SHEET_DATA = strToU8(':sheetData');

/** True for the package parts this reader may need. */
function isNeeded(name: string): boolean {
  return name === WORKBOOK || name === WORKBOOK_RELS || name === STYLES || name === SHARED_STRINGS || name.startsWith('xl/worksheets/');
}

/** Zip parts that mark a spreadsheet package this reader leaves to SheetJS (.xlsb, .ods, Numbers). */
const OTHER_SPREADSHEET = /^(xl\/|content\.xml$|Index\/Document\.iwa$)/;

/**
 * Reads an .xlsx package into sheets of cells: 'declined' when it is a spreadsheet this reader does not handle,
 * 'notWorkbook' when the zip holds no spreadsheet at all (a .docx, an OFD invoice). Throws on a damaged zip.
 */
export function readOoxml(bytes: Uint8Array): SheetData[] | 'declined' | 'notWorkbook' {
  const seen = { spreadsheet: false };
  const files = unzipSync(bytes, {
    filter: (f) => {
      if (OTHER_SPREADSHEET.test(f.name)) seen.spreadsheet = true;
      return isNeeded(f.name);
    },
  });
  if (!seen.spreadsheet) return 'notWorkbook';
  const text = (name: string): string | undefined => {
    const data = files[name];
    return data === undefined ? undefined : strFromU8(data);
  };
  const workbookXml = text(WORKBOOK);
  const relsXml = text(WORKBOOK_RELS);
  if (workbookXml === undefined || relsXml === undefined) return 'declined';
  const book = readWorkbookPart(workbookXml, relsXml);
  if (book === null) return 'declined';
  const strings = readSharedStrings(text(SHARED_STRINGS));
  const ctx = { strings, styles: readStylesPart(text(STYLES)), date1904: book.date1904 };
  const sheets: SheetData[] = [];
  for (const entry of book.sheets) {
    const xml = files[entry.path];
    // Namespace-prefixed cells (<x:sheetData>) are SheetJS's to read.
    if (xml === undefined || (findBytes(xml, SHEET_DATA) === -1 && findBytes(xml, PREFIXED_SHEET_DATA) !== -1)) return 'declined';
    const rows = readSheetXml(xml, ctx);
    fillMerges(rows, readMerges(xml));
    sheets.push({ name: entry.name, rows });
  }
  return sheets;
}
