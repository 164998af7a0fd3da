// Draws the add-in's PNG icons (ribbon and manifest) without any image library: shapes are
// signed-distance functions, supersampled for smooth edges, encoded as RGBA PNG with zlib.
// Run: node assets/generate-icons.js  (the PNGs are committed; this is how to remake them).
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const BLUE = [15, 108, 189]; // Fluent brand blue
const RED = [196, 43, 28];
const GREEN = [16, 124, 16];
const WHITE = [255, 255, 255];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = [];
  for (let y = 0; y < size; y++) {
    rows.push(Buffer.from([0]), rgba.subarray(y * size * 4, (y + 1) * size * 4));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shapes in a 0..1 square; each returns true when the point is inside.
const disc = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) <= r;
const ring = (cx, cy, r0, r1) => (x, y) => {
  const d = Math.hypot(x - cx, y - cy);
  return d >= r0 && d <= r1;
};
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
function segment(ax, ay, bx, by, halfWidth) {
  return (x, y) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= halfWidth;
  };
}

/** Layers are painted in order: [shape, colour]. */
function render(size, layers) {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let colour = null;
          for (const [shape, c] of layers) if (shape(x, y)) colour = c;
          if (colour) {
            acc[0] += colour[0];
            acc[1] += colour[1];
            acc[2] += colour[2];
            acc[3] += 1;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (acc[3] > 0) {
        rgba[i] = Math.round(acc[0] / acc[3]);
        rgba[i + 1] = Math.round(acc[1] / acc[3]);
        rgba[i + 2] = Math.round(acc[2] / acc[3]);
        rgba[i + 3] = Math.round((255 * acc[3]) / (samples * samples));
      }
    }
  }
  return encodePng(size, rgba);
}

const target = [
  [disc(0.5, 0.5, 0.47), BLUE],
  [ring(0.5, 0.5, 0.25, 0.35), WHITE],
  [disc(0.5, 0.5, 0.15), RED],
];

// The add-in: a target.
const addin = target;
// Đánh giá: the target with a green check mark over its lower right.
const evaluate = [
  [disc(0.42, 0.42, 0.4), BLUE],
  [ring(0.42, 0.42, 0.2, 0.29), WHITE],
  [disc(0.42, 0.42, 0.12), RED],
  [disc(0.72, 0.72, 0.27), WHITE],
  [disc(0.72, 0.72, 0.23), GREEN],
  [segment(0.6, 0.73, 0.69, 0.82, 0.035), WHITE],
  [segment(0.69, 0.82, 0.85, 0.62, 0.035), WHITE],
];
// Tổng hợp: a sheet with a header row and coloured result cells.
const summary = [
  [rect(0.08, 0.1, 0.92, 0.9), BLUE],
  [rect(0.14, 0.3, 0.86, 0.84), WHITE],
  [rect(0.18, 0.36, 0.48, 0.5), [198, 239, 206]],
  [rect(0.52, 0.36, 0.82, 0.5), [198, 239, 206]],
  [rect(0.18, 0.54, 0.48, 0.66), [255, 199, 206]],
  [rect(0.52, 0.54, 0.82, 0.66), [198, 239, 206]],
  [rect(0.18, 0.7, 0.48, 0.8), [255, 235, 156]],
  [rect(0.52, 0.7, 0.82, 0.8), [255, 199, 206]],
];

const out = __dirname;
const icons = {
  icon: [addin, [16, 32, 64, 80]],
  evaluate: [evaluate, [16, 32, 80]],
  summary: [summary, [16, 32, 80]],
};
for (const [name, [layers, sizes]] of Object.entries(icons)) {
  for (const size of sizes) {
    fs.writeFileSync(path.join(out, `${name}-${size}.png`), render(size, layers));
  }
}
