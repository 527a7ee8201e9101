#!/usr/bin/env python3
"""Draws the add-on's icon.png (128x128) and logo.png (250x100): a flame on a chip.

Plain Python (zlib + struct), no imaging library: every pixel is the average of 4x4 samples of the shapes below.
Run from the repository root: python3 addon/art/draw_icons.py
"""
import math
import os
import struct
import zlib

SAMPLES = 4
SLATE = (38, 50, 56)
PIN = (144, 164, 174)
FLAME_BOTTOM = (255, 109, 0)
FLAME_TOP = (255, 171, 0)
CORE = (255, 236, 130)
WAVE = (255, 143, 0)


def rounded_rect(x, y, cx, cy, half_w, half_h, radius):
    dx = max(abs(x - cx) - (half_w - radius), 0.0)
    dy = max(abs(y - cy) - (half_h - radius), 0.0)
    return dx * dx + dy * dy <= radius * radius


def flame(x, y, cx, cy, size):
    """A teardrop leaning a little right: a round base and a tip above it."""
    u = (x - cx) / size
    v = (y - cy) / size
    if u * u + (v - 0.35) ** 2 <= 0.42 ** 2:
        return True
    if -0.9 <= v <= 0.35:
        t = (0.35 - v) / 1.25  # 0 at the base's centre, 1 at the tip
        centre = 0.12 * math.sin(t * math.pi * 0.9)
        half = 0.42 * (1 - t) ** 1.3
        return abs(u - centre) <= half
    return False


def chip_with_flame(x, y, cx, cy, size):
    """The motif in a box of side `size` centred on (cx, cy); returns an RGB colour or None."""
    s = size / 128.0
    if flame(x, y, cx, cy + 6 * s, 30 * s):
        inner = flame(x, y, cx + 1 * s, cy + 17 * s, 15 * s)
        if inner:
            return CORE
        t = min(max((y - (cy - 22 * s)) / (52 * s), 0.0), 1.0)
        return tuple(int(FLAME_TOP[i] + (FLAME_BOTTOM[i] - FLAME_TOP[i]) * t) for i in range(3))
    if rounded_rect(x, y, cx, cy, 40 * s, 40 * s, 8 * s):
        return SLATE
    for k in range(-2, 3):
        offset = k * 15 * s
        for (px, py, hw, hh) in ((cx + offset, cy - 47 * s, 3.5 * s, 7 * s), (cx + offset, cy + 47 * s, 3.5 * s, 7 * s),
                                 (cx - 47 * s, cy + offset, 7 * s, 3.5 * s), (cx + 47 * s, cy + offset, 7 * s, 3.5 * s)):
            if rounded_rect(x, y, px, py, hw, hh, 1.5 * s):
                return PIN
    return None


def heat_waves(x, y, left, cy, height):
    """Three rising waves to the right of the chip, for the logo."""
    for k in range(3):
        x0 = left + k * height * 0.32
        centre = x0 + height * 0.08 * math.sin((y - cy) / height * 2 * math.pi * 1.5)
        if abs(y - cy) <= height * 0.38 and abs(x - centre) <= height * 0.045:
            return WAVE
    return None


def render(width, height, shade):
    rows = []
    for py in range(height):
        row = bytearray([0])  # PNG filter type 0 for the row
        for px in range(width):
            r = g = b = a = 0.0
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    colour = shade(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES)
                    if colour is not None:
                        r += colour[0]
                        g += colour[1]
                        b += colour[2]
                        a += 1
            n = SAMPLES * SAMPLES
            row += bytes([int(r / a) if a else 0, int(g / a) if a else 0, int(b / a) if a else 0, int(255 * a / n)])
        rows.append(bytes(row))
    return rows


def write_png(path, width, height, rows):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    with open(path, "wb") as png:
        png.write(b"\x89PNG\r\n\x1a\n")
        png.write(chunk(b"IHDR", header))
        png.write(chunk(b"IDAT", zlib.compress(b"".join(rows), 9)))
        png.write(chunk(b"IEND", b""))


def main():
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "proof_of_heat")
    write_png(os.path.join(folder, "icon.png"), 128, 128,
              render(128, 128, lambda x, y: chip_with_flame(x, y, 64, 64, 128)))
    write_png(os.path.join(folder, "logo.png"), 250, 100,
              render(250, 100, lambda x, y: chip_with_flame(x, y, 50, 50, 100) or heat_waves(x, y, 125, 50, 100)))


if __name__ == "__main__":
    main()
