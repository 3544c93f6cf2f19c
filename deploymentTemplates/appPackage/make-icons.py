#!/usr/bin/env python3
"""Draws the Teams app icons for PolicyBot with the Python standard library only (no PIL).

color.png   192x192 RGB: a white shield on the accent colour, with a speech bubble inside it.
outline.png  32x32 RGBA: the same shield in white on a fully transparent background, the bubble cut out.

Shapes are defined as functions of a point in a unit square and rasterised with 4x4 supersampling, so
edges are anti-aliased. Rows are written with the PNG filter that gives the smallest absolute sum (the
usual heuristic), so every filter type can appear. Run: python3 make-icons.py [output-dir]
"""
import math
import os
import struct
import sys
import zlib

ACCENT = (0x5B, 0x2C, 0x83)  # deep purple; keep in sync with accentColor in manifest.json
WHITE = (0xFF, 0xFF, 0xFF)
SAMPLES = 4


def inside_shield(x, y):
    """Shield in the unit square: flat sides, a gently dipped top edge, and a rounded point at the bottom."""
    cx, half_width, top, shoulder, bottom = 0.5, 0.34, 0.12, 0.50, 0.90
    u = (x - cx) / half_width
    if abs(u) > 1.0:
        return False
    if y < top + 0.04 * (1.0 - u * u) or y > bottom:
        return False
    if y <= shoulder:
        return True
    t = (y - shoulder) / (bottom - shoulder)
    return abs(u) <= math.sqrt(max(0.0, 1.0 - t * t))


def rounded_rect(x, y, left, top, right, bottom, radius):
    qx = max(left + radius - x, 0.0, x - (right - radius))
    qy = max(top + radius - y, 0.0, y - (bottom - radius))
    return left <= x <= right and top <= y <= bottom and qx * qx + qy * qy <= radius * radius


def inside_triangle(x, y, a, b, c):
    def side(p, q):
        return (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0])

    d1, d2, d3 = side(a, b), side(b, c), side(c, a)
    has_neg = d1 < 0 or d2 < 0 or d3 < 0
    has_pos = d1 > 0 or d2 > 0 or d3 > 0
    return not (has_neg and has_pos)


def inside_bubble(x, y):
    """Speech bubble centred in the shield, with its tail pointing down and to the left."""
    body = rounded_rect(x, y, 0.29, 0.30, 0.71, 0.58, 0.08)
    tail = inside_triangle(x, y, (0.36, 0.55), (0.47, 0.57), (0.33, 0.69))
    return body or tail


def inside_dots(x, y):
    for cx in (0.40, 0.50, 0.60):
        if (x - cx) ** 2 + (y - 0.44) ** 2 <= 0.032 ** 2:
            return True
    return False


def coverage(size, px, py, shape):
    hits = 0
    for sy in range(SAMPLES):
        for sx in range(SAMPLES):
            x = (px + (sx + 0.5) / SAMPLES) / size
            y = (py + (sy + 0.5) / SAMPLES) / size
            if shape(x, y):
                hits += 1
    return hits / (SAMPLES * SAMPLES)


def mix(a, b, t):
    return tuple(round(a[i] * (1.0 - t) + b[i] * t) for i in range(3))


def color_pixels(size):
    """Accent background, white shield, accent bubble inside the shield, white dots in the bubble."""
    rows = []
    for py in range(size):
        row = []
        for px in range(size):
            rgb = ACCENT
            rgb = mix(rgb, WHITE, coverage(size, px, py, inside_shield))
            rgb = mix(rgb, ACCENT, coverage(size, px, py, inside_bubble))
            rgb = mix(rgb, WHITE, coverage(size, px, py, inside_dots))
            row.append(rgb)
        rows.append(row)
    return rows


def outline_pixels(size):
    """White shield on transparent; the bubble is cut out (transparent), so the shape reads at 32 px."""

    def shape(x, y):
        return inside_shield(x, y) and not inside_bubble(x, y)

    rows = []
    for py in range(size):
        row = []
        for px in range(size):
            alpha = round(255 * coverage(size, px, py, shape))
            # Fully transparent pixels are (0,0,0,0); every visible pixel is pure white.
            row.append((255, 255, 255, alpha) if alpha else (0, 0, 0, 0))
        rows.append(row)
    return rows


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def filter_row(kind, row, prev, bpp):
    out = bytearray(len(row))
    for i, value in enumerate(row):
        left = row[i - bpp] if i >= bpp else 0
        up = prev[i]
        upper_left = prev[i - bpp] if i >= bpp else 0
        if kind == 0:
            predictor = 0
        elif kind == 1:
            predictor = left
        elif kind == 2:
            predictor = up
        elif kind == 3:
            predictor = (left + up) // 2
        else:
            predictor = paeth(left, up, upper_left)
        out[i] = (value - predictor) & 0xFF
    return out


def encode_png(pixels, channels):
    height, width = len(pixels), len(pixels[0])
    color_type = {3: 2, 4: 6}[channels]
    raw = bytearray()
    prev = bytes(width * channels)
    for row in pixels:
        data = bytes(v for px in row for v in px)
        candidates = [(k, filter_row(k, data, prev, channels)) for k in range(5)]
        # Smallest sum of the filtered bytes taken as signed values (the PNG spec's suggested heuristic).
        kind, best = min(candidates, key=lambda c: sum(b if b < 128 else 256 - b for b in c[1]))
        raw.append(kind)
        raw += best
        prev = data

    def chunk(tag, body):
        return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(bytes(raw), 9))
            + chunk(b"IEND", b""))


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(out_dir, "color.png"), "wb") as f:
        f.write(encode_png(color_pixels(192), 3))
    with open(os.path.join(out_dir, "outline.png"), "wb") as f:
        f.write(encode_png(outline_pixels(32), 4))
    print(f"wrote color.png (192x192 RGB) and outline.png (32x32 RGBA) to {out_dir}")


if __name__ == "__main__":
    main()
