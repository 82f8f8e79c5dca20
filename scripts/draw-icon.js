#!/usr/bin/env node
// Draws media/icon.png, the 128x128 extension icon, with Node alone: a bridge arch with hangers over a
// deck, white on a rounded teal square, written as a PNG by hand (zlib for the pixel data).
// usage: node scripts/draw-icon.js
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZE = 128;
const SUBSAMPLES = 4; // per axis, for anti-aliased edges
const BACKGROUND = [14, 110, 122];
const INK = [255, 255, 255];

const insideRoundedSquare = (x, y) => {
  const r = 24, m = 4; // corner radius, margin
  const cx = Math.min(Math.max(x, m + r), SIZE - m - r), cy = Math.min(Math.max(y, m + r), SIZE - m - r);
  return x >= m && y >= m && x <= SIZE - m && y <= SIZE - m && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};

// The arch: a band between two half-circles centred on the deck; hangers drop from it to the deck.
const ARCH = { cx: 64, cy: 92, outer: 46, inner: 38 };
const inArch = (x, y) => {
  const d = Math.hypot(x - ARCH.cx, y - ARCH.cy);
  return y <= ARCH.cy && d <= ARCH.outer && d >= ARCH.inner;
};
const inDeck = (x, y) => x >= 12 && x <= 116 && y >= 88 && y <= 96;
const inPier = (x, y) => y >= 96 && y <= 112 && ((x >= 20 && x <= 28) || (x >= 100 && x <= 108));
const HANGER_XS = [34, 44, 54, 64, 74, 84, 94]; // seven of them, for Seven Bridges
const inHanger = (x, y) => HANGER_XS.some((hx) => Math.abs(x - hx) <= 1.5
  && y <= ARCH.cy && Math.hypot(x - ARCH.cx, y - ARCH.cy) <= ARCH.inner + 1);
const isInk = (x, y) => inArch(x, y) || inDeck(x, y) || inPier(x, y) || inHanger(x, y);

function pixel(px, py) {
  let background = 0, ink = 0;
  for (let i = 0; i < SUBSAMPLES; i++) {
    for (let j = 0; j < SUBSAMPLES; j++) {
      const x = px + (i + 0.5) / SUBSAMPLES, y = py + (j + 0.5) / SUBSAMPLES;
      if (!insideRoundedSquare(x, y)) continue;
      if (isInk(x, y)) ink++; else background++;
    }
  }
  const covered = background + ink;
  if (covered === 0) return [0, 0, 0, 0];
  const color = BACKGROUND.map((b, k) => Math.round((b * background + INK[k] * ink) / covered));
  return [...color, Math.round((255 * covered) / SUBSAMPLES ** 2)];
}

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

function png() {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = [];
  for (let y = 0; y < SIZE; y++) {
    rows.push(Buffer.from([0])); // filter: none
    const row = Buffer.alloc(SIZE * 4);
    for (let x = 0; x < SIZE; x++) row.set(pixel(x, y), x * 4);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const target = path.resolve(__dirname, '..', 'media', 'icon.png');
fs.writeFileSync(target, png());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
