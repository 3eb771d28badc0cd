"""Window rectangles that fit the screen: a first size from the free area, saved ones clamped."""

from __future__ import annotations

from typing import NamedTuple


class Rect(NamedTuple):
    x: int
    y: int
    width: int
    height: int


def first_rect(available: Rect, wanted: tuple[int, int], frame: tuple[int, int]) -> Rect:
    """The wanted client size, shrunk to the available area less the window frame, centred.

    `frame` is the width and height the window manager adds around the client area
    (borders, title bar); `available` is the screen less task bar and docks.
    """
    width = max(1, min(wanted[0], available.width - frame[0]))
    height = max(1, min(wanted[1], available.height - frame[1]))
    x = available.x + (available.width - frame[0] - width) // 2
    y = available.y + (available.height - frame[1] - height) // 2
    return Rect(x, y, width, height)


def clamp_rect(saved: Rect, available: Rect, frame: tuple[int, int]) -> Rect:
    """A saved client rectangle made to lie wholly inside the available area of today's screen.

    A window saved on a larger or a second screen is shrunk, then moved back so that its
    frame, title bar included, is visible.
    """
    width = max(1, min(saved.width, available.width - frame[0]))
    height = max(1, min(saved.height, available.height - frame[1]))
    right = available.x + available.width - frame[0] - width
    bottom = available.y + available.height - frame[1] - height
    x = min(max(saved.x, available.x), right)
    y = min(max(saved.y, available.y), bottom)
    return Rect(x, y, width, height)


def parse_rect(value: object) -> Rect | None:
    """A rectangle read back from the settings ("x,y,w,h"), or None if it is not one."""
    try:
        parts = [int(part) for part in str(value).split(",")]
    except ValueError:
        return None
    if len(parts) != 4 or parts[2] <= 0 or parts[3] <= 0:
        return None
    return Rect(*parts)


def format_rect(rect: Rect) -> str:
    return ",".join(str(part) for part in rect)
