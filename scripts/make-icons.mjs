// Writes the web app's icons (public/icons/icon-{192,512}.png, committed): a balance on the app's
// blue, drawn pixel by pixel so that no image tool or download is needed. Run: node scripts/make-icons.mjs
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function icon(size) {
  const blue = [0x1f, 0x4e, 0x79];
  const white = [0xff, 0xff, 0xff];
  const s = (v) => v * size; // in units of the icon's side
  const inside = (x, y) => {
    const u = x / size;
    const v = y / size;
    if (Math.abs(u - 0.5) < 0.025 && v > 0.22 && v < 0.78) return true; // the post
    if (Math.abs(v - 0.3) < 0.02 && u > 0.2 && u < 0.8) return true; // the beam
    if (Math.abs(v - 0.78) < 0.025 && u > 0.35 && u < 0.65) return true; // the foot
    for (const cx of [0.27, 0.73]) {
      const dy = v - 0.5; // the pans: half discs under the beam's ends
      if (dy > 0 && dy < 0.09 && Math.hypot(u - cx, dy) < 0.12) return true;
      if (Math.abs(u - cx - (v - 0.3) * 0.5) < 0.012 && v > 0.3 && v < 0.5) return true;
      if (Math.abs(u - cx + (v - 0.3) * 0.5) < 0.012 && v > 0.3 && v < 0.5) return true;
    }
    return false;
  };
  const raw = Buffer.alloc((s(1) * 3 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(inside(x, y) ? white : blue, y * (size * 3 + 1) + 1 + x * 3);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of [192, 512]) writeFileSync(new URL(`../public/icons/icon-${size}.png`, import.meta.url), icon(size));
