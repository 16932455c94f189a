import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

interface TessdataModule {
  readonly TESSDATA_LANG_CONFIG: number;
  readonly readTessdata: (bytes: Uint8Array) => { offsets: number[]; components: (Uint8Array | null)[] };
  readonly writeTessdata: (components: (Uint8Array | null)[]) => Uint8Array;
  readonly withoutLangConfig: (bytes: Uint8Array) => Uint8Array;
}

// A plain-JS module used by scripts/prepare-assets.mjs; imported by URL so TypeScript does not need a declaration file.
const moduleUrl = new URL('../scripts/traineddata-container.mjs', import.meta.url).href;
const load = async (): Promise<TessdataModule> => (await import(moduleUrl)) as TessdataModule;

/** A container the way tesseract writes it: 24 entries, config + two other components, the rest absent. */
function syntheticContainer(): Uint8Array {
  const parts: (Uint8Array | null)[] = Array.from({ length: 24 }, () => null);
  parts[0] = new TextEncoder().encode('tessedit_load_sublangs chi_sim_vert\n');
  parts[17] = Uint8Array.from([1, 2, 3, 4, 5]);
  parts[23] = Uint8Array.from([9, 8, 7]);
  const header = 4 + 24 * 8;
  const out = new Uint8Array(header + 36 + 5 + 3);
  const view = new DataView(out.buffer);
  view.setInt32(0, 24, true);
  for (let i = 0; i < 24; i++) view.setBigInt64(4 + 8 * i, -1n, true);
  view.setBigInt64(4, BigInt(header), true);
  view.setBigInt64(4 + 17 * 8, BigInt(header + 36), true);
  view.setBigInt64(4 + 23 * 8, BigInt(header + 41), true);
  out.set(parts[0], header);
  out.set(parts[17], header + 36);
  out.set(parts[23], header + 41);
  return out;
}

describe('traineddata container', () => {
  it('reads the components of a synthetic container', async () => {
    const { readTessdata } = await load();
    const { offsets, components } = readTessdata(syntheticContainer());
    expect(offsets).toHaveLength(24);
    expect(new TextDecoder().decode(components[0]!)).toContain('chi_sim_vert');
    expect([...components[17]!]).toEqual([1, 2, 3, 4, 5]);
    expect([...components[23]!]).toEqual([9, 8, 7]);
    expect(components.filter((c) => c !== null)).toHaveLength(3);
  });

  it('removes lang.config: offset -1, later offsets shifted, other components byte-identical', async () => {
    const { readTessdata, withoutLangConfig, TESSDATA_LANG_CONFIG } = await load();
    const stripped = withoutLangConfig(syntheticContainer());
    expect(stripped.byteLength).toBe(4 + 24 * 8 + 8);
    const { offsets, components } = readTessdata(stripped);
    expect(offsets[TESSDATA_LANG_CONFIG]).toBe(-1);
    expect(offsets[17]).toBe(4 + 24 * 8);
    expect(offsets[23]).toBe(4 + 24 * 8 + 5);
    expect([...components[17]!]).toEqual([1, 2, 3, 4, 5]);
    expect([...components[23]!]).toEqual([9, 8, 7]);
  });

  it('rejects a file that is not a container', async () => {
    const { readTessdata } = await load();
    expect(() => readTessdata(Uint8Array.from([0xff, 0xff, 0xff, 0x7f, 0, 0]))).toThrow(/entry count/);
  });

  it('vendors tessdata_fast from the Debian package when installed, else the npm model without lang.config', { timeout: 60_000 }, async () => {
    const script = fileURLToPath(new URL('../scripts/prepare-assets.mjs', import.meta.url));
    execFileSync(process.execPath, [script, '--quiet']);
    const file = fileURLToPath(new URL('../renderer/public/vendor/tessdata/chi_sim.traineddata.gz', import.meta.url));
    expect(existsSync(file)).toBe(true);
    const vendored = gunzipSync(readFileSync(file));
    const debian = '/usr/share/tesseract-ocr/5/tessdata/chi_sim.traineddata';
    if (existsSync(debian)) {
      expect(Buffer.compare(Buffer.from(vendored), readFileSync(debian))).toBe(0);
    } else {
      const { readTessdata } = await load();
      const { offsets, components } = readTessdata(vendored);
      expect(offsets[0]).toBe(-1);
      expect(components[17]?.byteLength ?? 0).toBeGreaterThan(1_000_000); // TESSDATA_LSTM
    }
  });
});
