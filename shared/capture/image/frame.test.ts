import { describe, expect, it } from 'vitest';
import { findFrame } from './frame';
import type { Point, Quad } from './perspective';
import { blank, fillRect, frameCornersInPhoto, glyphRow, invoicePage, PAGE, photograph, turnClockwise } from './synthetic-invoice';

/** The page's corners in a 1600 × 1200 phone photo: seen from below and to the left, turned a little. */
const PHOTO: Quad = [{ x: 190, y: 160 }, { x: 1450, y: 215 }, { x: 1420, y: 1060 }, { x: 130, y: 985 }];

function expectCorners(found: Quad | undefined, want: Quad, tolerance: number): void {
  expect(found).toBeDefined();
  want.forEach((p, i) => {
    const q = found?.[i];
    expect(Math.hypot((q?.x ?? Infinity) - p.x, (q?.y ?? Infinity) - p.y), `corner ${String(i)}`).toBeLessThanOrEqual(tolerance);
  });
}

describe('findFrame', () => {
  it('finds the frame of an upright page at its rules', () => {
    const { x0, y0, x1, y1 } = PAGE.frame;
    // The 2-px rules' centre lines: half a pixel inside the first pixel row or column of each rule.
    expectCorners(findFrame(invoicePage())?.quad, [{ x: x0 + 0.5, y: y0 + 0.5 }, { x: x1 - 1.5, y: y0 + 0.5 }, { x: x1 - 1.5, y: y1 - 1.5 }, { x: x0 + 0.5, y: y1 - 1.5 }], 1);
  });

  it('recovers the corners of a frame photographed in perspective on a desk', () => {
    const photo = photograph(invoicePage(), PHOTO, 1600, 1200);
    expectCorners(findFrame(photo)?.quad, frameCornersInPhoto(PHOTO), 3);
  });

  it('finds the frame of a page turned a quarter, corners named by where they lie in the image', () => {
    const photo = turnClockwise(photograph(invoicePage(), PHOTO, 1600, 1200));
    // Turning clockwise takes (x, y) to (h − 1 − y, x): the page's bottom-left corner becomes the image's top-left.
    const turn = (p: Point): Point => ({ x: 1200 - 1 - p.y, y: p.x });
    const [tl, tr, br, bl] = frameCornersInPhoto(PHOTO).map(turn);
    if (!tl || !tr || !br || !bl) throw new Error('four corners');
    expectCorners(findFrame(photo)?.quad, [bl, tl, tr, br], 3);
  });

  it('places a corner hidden under another sheet where the rules point', () => {
    const photo = photograph(invoicePage(), PHOTO, 1600, 1200);
    const [tl] = frameCornersInPhoto(PHOTO);
    // 90 px of each rule hidden: far more than the few pixels within which two rules' ends count as meeting.
    fillRect(photo, 0, 0, Math.round(tl.x) + 90, Math.round(tl.y) + 90, [245, 245, 245]);
    expectCorners(findFrame(photo)?.quad, frameCornersInPhoto(PHOTO), 3);
  });

  it('finds no frame on a page of text without rules', () => {
    const page = blank(1400, 900);
    for (let y = 50; y < 850; y += 40) glyphRow(page, 60, y, 60);
    expect(findFrame(page)).toBeNull();
  });

  it('takes an empty ruled box for no invoice frame', () => {
    expect(findFrame(invoicePage(false))).toBeNull();
  });
});
