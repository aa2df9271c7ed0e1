"""Draws the brand images (a tomato) into custom_components/tomatoes/brand/.

Pure Python (zlib + struct), so it runs anywhere: `python3 scripts/generate_brand.py`.
"""

from __future__ import annotations

import math
from pathlib import Path
import struct
import zlib

BRAND = Path(__file__).resolve().parent.parent / "custom_components" / "tomatoes" / "brand"
RED = (229, 57, 53)
DARK_RED = (183, 28, 28)
GREEN = (67, 160, 71)


def pixel(x: float, y: float) -> tuple[int, int, int, int]:
    """Colour of a point of the unit square (0..1), with alpha."""
    cx, cy = 0.5, 0.56
    body = ((x - cx) / 0.42) ** 2 + ((y - cy) / 0.38) ** 2
    angle = math.atan2(y - 0.26, x - 0.5)
    radius = math.hypot(x - 0.5, y - 0.26)
    leaf = radius < 0.17 * (0.55 + 0.45 * abs(math.cos(2.5 * angle))) and y < 0.36
    stem = abs(x - 0.5) < 0.025 and 0.08 < y < 0.27
    if leaf or stem:
        return (*GREEN, 255)
    if body <= 1:
        shade = min(1.0, max(0.0, (x - 0.2) * 0.9 + (y - 0.3) * 0.6))
        colour = tuple(int(r + (d - r) * shade * 0.6) for r, d in zip(RED, DARK_RED, strict=True))
        highlight = ((x - 0.36) / 0.08) ** 2 + ((y - 0.42) / 0.05) ** 2 <= 1
        return (255, 235, 230, 255) if highlight else (*colour, 255)
    return (0, 0, 0, 0)


def render(size: int, samples: int = 3) -> bytes:
    """Return RGBA rows of the image, supersampled for smooth edges."""
    rows = bytearray()
    for py in range(size):
        rows.append(0)
        for px in range(size):
            total = [0, 0, 0, 0]
            for sy in range(samples):
                for sx in range(samples):
                    colour = pixel(
                        (px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size
                    )
                    for i in range(4):
                        total[i] += colour[i]
            rows.extend(value // (samples * samples) for value in total)
    return bytes(rows)


def png(size: int) -> bytes:
    """Encode a square RGBA PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    body = zlib.compress(render(size), 9)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")
    )


def main() -> None:
    """Write icon and logo, normal and @2x, light and dark (the tomato suits both)."""
    BRAND.mkdir(parents=True, exist_ok=True)
    for name, size in (("icon", 256), ("icon@2x", 512)):
        data = png(size)
        for variant in (
            name,
            f"dark_{name}",
            name.replace("icon", "logo"),
            f"dark_{name.replace('icon', 'logo')}",
        ):
            (BRAND / f"{variant}.png").write_bytes(data)
            print(f"wrote {BRAND / f'{variant}.png'}")


if __name__ == "__main__":
    main()
