"""Accessibility checks that need no browser: heading structure of the notebooks, and text contrast.

Headings: a screen-reader user moves through a notebook by its headings, so every notebook in
``notebooks/`` (at any depth) and ``exercises/`` has exactly one H1, in its first markdown cell, and
never skips a level going down (an H2 followed by an H4 hides a missing H3).

Contrast: WCAG 2.1, success criterion 1.4.3 "Contrast (Minimum)", level AA, asks for a contrast ratio
of at least 4.5:1 for normal text and 3:1 for large text (18 pt, or 14 pt bold). The ratio and the
relative luminance are computed as WCAG 2.1 defines them (its glossary entries "contrast ratio" and
"relative luminance"). The pairs come from ``korea_kit._display.text_colour_pairs()``, the palette the
renderers use, so this test cannot drift from the code; a second test checks that no module writing
HTML uses a colour outside that palette.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from korea_kit import _display

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(p for p in [*(REPO / "notebooks").rglob("*.ipynb"), *(REPO / "exercises").glob("*.ipynb")]
                   if ".ipynb_checkpoints" not in p.parts)

NORMAL_TEXT, LARGE_TEXT = 4.5, 3.0  # WCAG 2.1 SC 1.4.3, level AA

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)(.*)$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")


def markdown_headings(text: str) -> list[tuple[int, str]]:
    """The (level, title) of every ATX (``## Title``) and setext (underlined) heading, outside code blocks.

    >>> markdown_headings("# One\\n```python\\n# a comment, not a heading\\n```\\nTwo\\n---\\n    # indented code\\n### Three ###")
    [(1, 'One'), (2, 'Two'), (3, 'Three')]
    """
    headings: list[tuple[int, str]] = []
    fence: str | None = None
    paragraph: list[str] = []
    for line in text.split("\n"):
        opened = _FENCE.match(line)
        if fence is not None:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
            continue
        if opened:
            fence, paragraph = opened.group(1), []
            continue
        if not paragraph and (line.startswith("    ") or line.startswith("\t")):
            continue  # an indented code block
        atx = _ATX.match(line)
        if atx:
            headings.append((len(atx.group(1)), re.sub(r"[ \t]+#+[ \t]*$", "", atx.group(2)).strip()))
            paragraph = []
        elif paragraph and _SETEXT.match(line) and not paragraph[-1].lstrip().startswith(("-", "*", "+", ">")):
            headings.append((1 if line.strip()[0] == "=" else 2, " ".join(paragraph).strip()))
            paragraph = []
        elif line.strip():
            paragraph.append(line.strip())
        else:
            paragraph = []
    return headings


def _markdown_cells(path: Path) -> list[tuple[int, str]]:
    cells = json.loads(path.read_text("utf-8"))["cells"]
    return [(i, "".join(c["source"]) if isinstance(c["source"], list) else c["source"])
            for i, c in enumerate(cells) if c["cell_type"] == "markdown"]


def heading_problems(path: Path) -> list[str]:
    """Every heading problem in a notebook, each naming the notebook and the cell index."""
    name = path.relative_to(REPO).as_posix() if path.is_relative_to(REPO) else path.name
    cells = _markdown_cells(path)
    problems = []
    first_markdown = cells[0][0] if cells else None
    h1_cells = [i for i, text in cells for level, _ in markdown_headings(text) if level == 1]
    if len(h1_cells) != 1:
        problems.append(f"{name}: {len(h1_cells)} H1 headings (cells {h1_cells}); a notebook needs exactly one")
    if h1_cells and h1_cells[0] != first_markdown:
        problems.append(f"{name}, cell {h1_cells[0]}: the H1 is not in the first markdown cell (cell {first_markdown})")
    previous = 0
    for i, text in cells:
        for level, title in markdown_headings(text):
            if previous and level > previous + 1:
                problems.append(f"{name}, cell {i}: H{level} {title!r} follows an H{previous}, skipping a level")
            previous = level
    return problems


def test_the_heading_check_reports_a_skipped_level_and_a_second_h1_by_cell(tmp_path):
    cells = [{"cell_type": "markdown", "metadata": {}, "source": ["# Title\n", "## Part"]},
             {"cell_type": "code", "metadata": {}, "source": ["# a comment"], "outputs": [], "execution_count": None},
             {"cell_type": "markdown", "metadata": {}, "source": ["#### Too deep\n", "# Another title"]}]
    path = tmp_path / "bad.ipynb"
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    problems = heading_problems(path)
    assert any("cell 2: H4 'Too deep' follows an H2" in p for p in problems)
    assert any("2 H1 headings (cells [0, 2])" in p for p in problems)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.relative_to(REPO).as_posix())
def test_notebook_has_one_h1_first_and_skips_no_heading_level(notebook):
    problems = heading_problems(notebook)
    assert not problems, "Heading structure:\n  " + "\n  ".join(problems)


# --- Contrast -------------------------------------------------------------------------------------------------


def _rgba(colour: str) -> tuple[float, float, float, float]:
    digits = colour.lstrip("#")
    if len(digits) in (3, 4):
        digits = "".join(d * 2 for d in digits)
    channels = [int(digits[i:i + 2], 16) / 255 for i in range(0, len(digits), 2)]
    return (*channels[:3], channels[3] if len(channels) == 4 else 1.0)


def _on_page(colour: str) -> tuple[float, float, float]:
    """The colour as shown: a translucent colour is composited over the page."""
    r, g, b, a = _rgba(colour)
    pr, pg, pb, _ = _rgba(_display.PAGE)
    return (a * r + (1 - a) * pr, a * g + (1 - a) * pg, a * b + (1 - a) * pb)


def relative_luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance: 0 for black, 1 for white.

    >>> relative_luminance("#000"), relative_luminance("#fff")
    (0.0, 1.0)
    """
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _on_page(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2.1 contrast ratio, (L1 + 0.05) / (L2 + 0.05), from 1 to 21.

    >>> round(contrast_ratio("#767676", "#fff"), 2), round(contrast_ratio("#000", "#fff"), 1)
    (4.54, 21.0)
    """
    light, dark = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_contrast_ratio_fails_a_grey_that_wcag_fails():
    assert contrast_ratio("#777", "#fff") < NORMAL_TEXT <= contrast_ratio("#767676", "#fff")


@pytest.mark.parametrize(("foreground", "background"), [pytest.param(fg, bg, id=f"{where}: {fg} on {bg}")
                                                        for where, fg, bg in _display.text_colour_pairs()])
def test_text_colour_meets_wcag_aa_contrast(foreground, background):
    ratio = contrast_ratio(foreground, background)
    assert ratio >= NORMAL_TEXT, f"{foreground} on {background} has a contrast of {ratio:.2f}:1; WCAG AA needs 4.5:1"


_HEX = re.compile(r"#[0-9a-fA-F]{3,8}\b")
_MAKES_HTML = re.compile(r"(?<![\w-])style=['\"]|W\.Layout\(")


def _html_modules() -> list[Path]:
    package = REPO / "korea_kit"
    return sorted(p for p in package.rglob("*.py") if "__pycache__" not in p.parts
                  and _MAKES_HTML.search(p.read_text("utf-8")))


def _colour_literals(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found += [(node.lineno, m.group(0)) for m in _HEX.finditer(node.value) if len(m.group(0)) in (4, 5, 7, 9)]
    return found


def test_the_html_modules_are_found():
    names = {p.relative_to(REPO / "korea_kit").as_posix() for p in _html_modules()}
    assert {"text/_render.py", "work/_viewer.py", "work/_checks.py"} <= names


@pytest.mark.parametrize("module", _html_modules(), ids=lambda p: p.relative_to(REPO / "korea_kit").as_posix())
def test_html_colours_come_from_the_checked_palette(module):
    outside = [f"line {line}: {colour}" for line, colour in _colour_literals(module)
               if colour.lower() not in _display.palette()]
    assert not outside, (f"{module.name} uses colours that are not in korea_kit/_display.py, so their contrast is "
                         f"not checked: {', '.join(outside)}. Use (or add, with its text pairs) a palette constant.")


# -- figures: every figure the kit draws has a text alternative --------------------------------------------------

#: How to draw each public figure from the seeds (name -> a function of kk and the corpus).
FIGURES = {
    "timeline_figure": lambda kk, corpus: kk.timeline_figure(highlight="2018-02-25"),
    "headline_certainty_figure": lambda kk, corpus: kk.headline_certainty_figure(corpus),
    "cue_profile_figure": lambda kk, corpus: kk.cue_profile_figure(corpus),
    "dyad_figure": lambda kk, corpus: kk.dyad_figure(kk.events_table(corpus)),
    "voice_share_figure": lambda kk, corpus: kk.voice_share_figure(kk.quotes_table(corpus)),
    "source_mix_figure": lambda kk, corpus: kk.source_mix_figure(kk.quotes_table(corpus)),
}


def test_every_public_figure_function_is_checked_for_a_text_alternative():
    import korea_kit as kk

    assert {n for n in kk.__all__ if n.endswith("_figure")} == set(FIGURES)


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_figure_has_alt_text_and_a_printed_summary(name):
    import korea_kit as kk

    figure = FIGURES[name](kk, kk.load_corpus())
    assert isinstance(figure, _display.DescribedFigure)
    assert len(figure.alt.split()) >= 6 and figure.summary
    html = figure._repr_html_()
    assert f"alt='{figure.alt[:20]}" in html and "<figcaption>" in html
