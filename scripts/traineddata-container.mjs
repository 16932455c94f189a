// Tesseract's .traineddata is a TessdataManager container (tesseract/src/ccutil/tessdatamanager.cpp):
//   int32 num_entries (little-endian; 24 in tesseract 4/5)
//   num_entries × int64 offsets from the start of the file, -1 = component absent
//   the components' bytes, concatenated in index order.
// A component's length is the distance to the next present component's offset (or to the end of the file).
// Component 0 is TESSDATA_LANG_CONFIG (`lang.config`): tesseract applies its variables after loading the model.

/** The index of the `lang.config` component. */
export const TESSDATA_LANG_CONFIG = 0;

/**
 * Reads a container's table of contents.
 * @param {Uint8Array} bytes
 * @returns {{ offsets: number[], components: (Uint8Array | null)[] }}
 */
export function readTessdata(bytes) {
  if (bytes.byteLength < 4) throw new Error('traineddata: too short for a header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getInt32(0, true);
  const headerEnd = 4 + 8 * count;
  if (count <= 0 || count > 1000 || headerEnd > bytes.byteLength) throw new Error(`traineddata: bad entry count ${count}`);
  const offsets = [];
  for (let i = 0; i < count; i++) offsets.push(Number(view.getBigInt64(4 + 8 * i, true)));
  const components = offsets.map((start, i) => {
    if (start === -1) return null;
    const next = offsets.slice(i + 1).find((o) => o !== -1) ?? bytes.byteLength;
    if (start < headerEnd || next < start || next > bytes.byteLength) throw new Error(`traineddata: component ${i} out of range`);
    return bytes.subarray(start, next);
  });
  return { offsets, components };
}

/**
 * Writes a container from its components (null = absent), offsets recomputed.
 * @param {(Uint8Array | null)[]} components
 * @returns {Uint8Array}
 */
export function writeTessdata(components) {
  const headerEnd = 4 + 8 * components.length;
  const size = components.reduce((n, c) => n + (c ? c.byteLength : 0), headerEnd);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setInt32(0, components.length, true);
  let at = headerEnd;
  components.forEach((c, i) => {
    view.setBigInt64(4 + 8 * i, c ? BigInt(at) : -1n, true);
    if (c) {
      out.set(c, at);
      at += c.byteLength;
    }
  });
  return out;
}

/**
 * The same container without its `lang.config` component; every other component is byte-identical.
 * @param {Uint8Array} bytes
 * @returns {Uint8Array}
 */
export function withoutLangConfig(bytes) {
  const { components } = readTessdata(bytes);
  components[TESSDATA_LANG_CONFIG] = null;
  return writeTessdata(components);
}
