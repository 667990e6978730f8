"""Small SVG charts drawn by the app (no JavaScript, no CDN): bars and a rate over time."""

from __future__ import annotations

from html import escape

BAR_COLOR = "#1d6fb8"
WIDTH = 640


def bar_chart(items: list[tuple[str, int]], *, title: str, unit: str = "件") -> str:
    """Horizontal bars with the label on the left and the number at the end of each bar."""
    if not items:
        return _empty(title)
    row, label_w, top = 30, 250, 36
    top_value = max(value for _, value in items) or 1
    height = top + row * len(items) + 10
    parts = [_open(height, title), _title(title)]
    for index, (label, value) in enumerate(items):
        y = top + index * row
        width = max(2, int((WIDTH - label_w - 90) * value / top_value))
        parts += [
            f'<text x="{label_w - 8}" y="{y + 19}" text-anchor="end" font-size="15">{escape(_cut(label))}</text>',
            f'<rect x="{label_w}" y="{y + 4}" width="{width}" height="22" rx="3" fill="{BAR_COLOR}"/>',
            f'<text x="{label_w + width + 8}" y="{y + 20}" font-size="15">{value:,}{escape(unit)}</text>',
        ]
    return "".join([*parts, "</svg>"])


def rate_chart(points: list[tuple[str, float, int]], *, title: str) -> str:
    """Answer rate per day (0..100 %) as columns, with the number of questions under each."""
    if not points:
        return _empty(title)
    left, top, plot_h = 48, 36, 180
    step = max(14, min(60, (WIDTH - left - 10) // len(points)))
    height = top + plot_h + 50
    parts = [_open(height, title), _title(title)]
    for percent in (0, 50, 100):
        y = top + plot_h - plot_h * percent / 100
        parts.append(f'<line x1="{left}" x2="{WIDTH - 6}" y1="{y}" y2="{y}" stroke="#ccc"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 5}" text-anchor="end" font-size="13">{percent}%</text>')
    for index, (label, rate, asked) in enumerate(points):
        x = left + 4 + index * step
        bar = plot_h * rate
        color = "#2e7d32" if rate >= 0.7 else ("#ef6c00" if rate >= 0.4 else "#c62828")
        parts.append(f'<rect x="{x}" y="{top + plot_h - bar:.1f}" width="{step - 6}" height="{bar:.1f}" '
                     f'fill="{color}"><title>{escape(label)}: {rate:.0%}（{asked}件）</title></rect>')
        if len(points) <= 14:
            parts.append(f'<text x="{x}" y="{top + plot_h - bar - 4:.1f}" font-size="12">{rate:.0%}</text>')
        if len(points) <= 14 or index % max(1, len(points) // 10) == 0:
            parts.append(f'<text x="{x}" y="{top + plot_h + 18}" font-size="12">{escape(label[5:])}</text>')
    return "".join([*parts, "</svg>"])


def _open(height: int, title: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(title)}" '
            f'viewBox="0 0 {WIDTH} {height}" width="100%" '
            f'font-family="sans-serif">')


def _title(title: str) -> str:
    return f'<text x="4" y="22" font-size="17" font-weight="bold">{escape(title)}</text>'


def _empty(title: str) -> str:
    return _open(70, title) + _title(title) + '<text x="4" y="55" font-size="15">まだデータがありません</text></svg>'


def _cut(label: str, limit: int = 16) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
