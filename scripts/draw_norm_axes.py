#!/usr/bin/env python3
"""Draws docs/images/normalization-axes.svg: which values of an image batch (N, C, H, W) each
normalization averages over, after Wu & He's figure in "Group Normalization" (2018).

Each panel is the batch as a box: samples N down, channels C across, the pixels H, W in depth.
The blue values share one mean and variance. Plain Python, no dependencies:

    python3 scripts/draw_norm_axes.py
"""
import os

N, C, D = 4, 6, 4          # cells along samples, channels, pixels (depth)
CELL, DX, DY = 22, 11, 9   # a front cell's side; one depth step's shift right and up
BLUE, GREY, EDGE = "#5b8fd9", "#eef0f3", "#3b3f45"

PANELS = [
    ("@BatchNorm", "per channel, over N, H, W", lambda n, c: c == C - 1),
    ("@LayerNorm", "per sample, over C, H, W", lambda n, c: n == 0),
    ("@InstanceNorm", "per sample and channel, over H, W", lambda n, c: n == 0 and c == 1),
    ("@GroupNorm(2)", "per sample and group, over H, W", lambda n, c: n == 0 and c < C // 2),
]


def quad(points, fill):
    pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    return f'<polygon points="{pts}" fill="{fill}" stroke="{EDGE}" stroke-width="0.8"/>'


def panel(ox, oy, title, subtitle, chosen):
    out = [f'<text x="{ox}" y="{oy - 76}" font-size="15" font-weight="bold">{title}</text>',
           f'<text x="{ox}" y="{oy - 58}" font-size="12">{subtitle}</text>']
    for n in range(N):          # front face: (n, c) at the nearest pixel plane
        for c in range(C):
            x, y = ox + c * CELL, oy + n * CELL
            out.append(quad([(x, y), (x + CELL, y), (x + CELL, y + CELL), (x, y + CELL)],
                            BLUE if chosen(n, c) else GREY))
    for d in range(D):          # top face: (c, d) of sample 0
        for c in range(C):
            x, y = ox + c * CELL + d * DX, oy - d * DY
            out.append(quad([(x, y), (x + CELL, y), (x + CELL + DX, y - DY), (x + DX, y - DY)],
                            BLUE if chosen(0, c) else GREY))
    for d in range(D):          # right face: (n, d) of the last channel
        for n in range(N):
            x, y = ox + C * CELL + d * DX, oy + n * CELL - d * DY
            out.append(quad([(x, y), (x + DX, y - DY), (x + DX, y - DY + CELL), (x, y + CELL)],
                            BLUE if chosen(n, C - 1) else GREY))
    bottom = oy + N * CELL
    out.append(f'<text x="{ox + C * CELL / 2}" y="{bottom + 18}" font-size="12" '
               f'text-anchor="middle">C (channels)</text>')
    out.append(f'<text x="{ox - 8}" y="{oy + N * CELL / 2}" font-size="12" text-anchor="middle" '
               f'transform="rotate(-90 {ox - 8} {oy + N * CELL / 2})">N (samples)</text>')
    out.append(f'<text x="{ox + C * CELL + D * DX + 4}" y="{oy - D * DY + 10}" '
               f'font-size="12">H, W</text>')
    return out


def main():
    width, height = 4 * 260 + 20, 240
    body = []
    for i, (title, subtitle, chosen) in enumerate(PANELS):
        body += panel(30 + i * 260, 120, title, subtitle, chosen)
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="sans-serif" fill="#1d2025">\n'
           f'<rect width="100%" height="100%" fill="white"/>\n' + "\n".join(body) + "\n</svg>\n")
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "docs", "images",
                        "normalization-axes.svg")
    with open(path + ".tmp", "w") as f:
        f.write(svg)
    os.replace(path + ".tmp", path)
    print("wrote", os.path.relpath(path))


if __name__ == "__main__":
    main()
