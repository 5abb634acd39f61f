"""pandas, set up to show students whole sentences.

pandas cuts every cell to 50 characters by default, so a quote, a headline
or a coding question in a kit table would end in "..." just where it gets
interesting. The kit's functions import pandas through :func:`pandas`,
which lifts that limit (and only that one) the first time, so every table
the kit returns shows its text in full. Importing ``korea_kit`` itself
still does not import pandas.

>>> pd = pandas()
>>> pd.get_option("display.max_colwidth") is None
True
"""

from __future__ import annotations

from types import ModuleType

__all__ = ["pandas", "tint", "text_colour_pairs", "palette", "DescribedFigure"]

_ready = False


def pandas() -> ModuleType:
    """The pandas module, with cells shown in full (``display.max_colwidth`` set to None once)."""
    global _ready
    import pandas as pd

    if not _ready:
        pd.set_option("display.max_colwidth", None)
        _ready = True
    return pd


# ---------------------------------------------------------------------------------------------------------------
# The colours of the kit's HTML. Every renderer takes its colours from here, and
# tests/test_accessibility.py checks every pair in text_colour_pairs() against WCAG 2.1 AA
# (success criterion 1.4.3, contrast minimum: 4.5:1 for normal text, 3:1 for large text).
# The spellings ("#555", not "#555555") are the ones in the notebooks' stored outputs: keep them.

#: The page under the kit's HTML, and the body text the HTML inherits from it: JupyterLab's light
#: theme writes text as rgba(0, 0, 0, 0.87) on white, which is #212121.
PAGE = "#fff"
THEME_TEXT = "#212121"
#: Secondary text: a provenance line, a hint, a note under a check.
MUTED = "#555"
#: Boilerplate on the plain page: the lightest grey that passes AA on white (4.54:1).
FAINT = "#767676"
#: Boilerplate in the article viewer, where it may sit on a highlight: #767676 falls to 3.2:1 there.
FAINT_ON_HIGHLIGHT = "#595959"
#: Status lines: saved, not saved or a warning, anything else.
GOOD = "#1b5e20"
BAD = "#b71c1c"
PLAIN = "#333"
#: The boxes of kk.check(), by status: (background, left border).
FEEDBACK = {"correct": ("#e8f5e9", "#2e7d32"), "wrong": ("#fff8e1", "#b26a00"), "saved": ("#e3f2fd", "#1565c0"),
            "unsaved": ("#ffebee", "#c62828"), "unanswered": ("#f5f5f5", "#616161"), "unknown": ("#f5f5f5", "#616161")}
#: Okabe-Ito colours for the viewer's layers (safe for the common colour-vision deficiencies). Text is
#: highlighted with the colour at TINT_ALPHA (hex, 0x40 = 25 % opacity) and underlined with it at full strength.
HIGHLIGHTS = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999")
TINT_ALPHA = "40"
#: The writing room (chapter 05): the exported explainer page's text and quotations (on a white page), and the
#: "What to improve" heading of the feedback.
PAGE_INK = "#222"
QUOTATION = "#444"
TO_IMPROVE = "#8a4b00"
#: Lines that carry no text: the boilerplate rule, column and widget borders, the selected passage's outline,
#: and the left border of a note (green when all is well, red when not).
RULE = "#ccc"
BORDER = "#ddd"
OUTLINE = "#000"
NOTE_OK, NOTE_NOT_OK = "#2e7d32", "#c62828"


def tint(colour: str) -> str:
    """A highlight colour as the viewer lays it under text: ``#rrggbbaa``.

    >>> tint("#E69F00") == "#E69F00" + TINT_ALPHA
    True
    """
    return colour + TINT_ALPHA


def text_colour_pairs() -> list[tuple[str, str, str]]:
    """Every (where, text colour, background) the kit's HTML shows, for the contrast test.

    All of the kit's text is normal size (the viewer's headline is 1.2em bold, under WCAG's "large").

    >>> ("work/_checks: hint on the 'wrong' box", MUTED, "#fff8e1") in text_colour_pairs()
    True
    """
    pairs = [("JupyterLab: body text", THEME_TEXT, PAGE),
             ("text/_render: provenance line; framing/_explore: concordance outlet; widgets: hints", MUTED, PAGE),
             ("text/_render and text/_spans: boilerplate and offsets", FAINT, PAGE),
             ("work/_viewer: boilerplate", FAINT_ON_HIGHLIGHT, PAGE),
             ("widgets: status 'saved'", GOOD, PAGE),
             ("widgets and work/_session: status 'not saved' and warnings", BAD, PAGE),
             ("widgets: other status", PLAIN, PAGE),
             ("writing/_export: explainer page text", PAGE_INK, PAGE),
             ("writing/_export: quotation in the explainer", QUOTATION, PAGE),
             ("writing/_feedback: 'What to improve'", TO_IMPROVE, PAGE)]
    for status, (background, _) in FEEDBACK.items():
        pairs += [(f"work/_checks: message on the {status!r} box", THEME_TEXT, background),
                  (f"work/_checks: hint on the {status!r} box", MUTED, background),
                  (f"work/_checks: warning on the {status!r} box", BAD, background)]
    for colour in HIGHLIGHTS:
        pairs += [(f"work/_viewer: text highlighted {colour}", THEME_TEXT, tint(colour)),
                  (f"work/_viewer: boilerplate highlighted {colour}", FAINT_ON_HIGHLIGHT, tint(colour))]
    return pairs


def palette() -> set[str]:
    """Every colour the kit's HTML may use, in lower case: text, backgrounds, highlights and lines.

    >>> "#555" in palette() and "#e69f00" in palette()
    True
    """
    colours = {PAGE, THEME_TEXT, MUTED, FAINT, FAINT_ON_HIGHLIGHT, GOOD, BAD, PLAIN, PAGE_INK, QUOTATION, TO_IMPROVE,
               RULE, BORDER, OUTLINE, NOTE_OK, NOTE_NOT_OK, *HIGHLIGHTS, *(c for pair in FEEDBACK.values() for c in pair)}
    return {c.lower() for c in colours}


# ---------------------------------------------------------------------------------------------------------------
# Figures with a text alternative. A chart drawn as pixels says nothing to a screen reader, so every figure the
# kit returns carries alt text (what the chart is) and a summary (what it shows, in sentences), printed under the
# image. The object still behaves as the matplotlib Figure it wraps: fig.savefig(...), fig.axes ...


class DescribedFigure:
    """A matplotlib figure with alt text and a printed summary, shown together in a notebook.

    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots(); plt.close(fig)
    >>> shown = DescribedFigure(fig, "An empty chart.", ["Nothing is plotted."])
    >>> shown
    An empty chart.
    - Nothing is plotted.
    >>> len(shown.axes)
    1
    """

    def __init__(self, figure, alt: str, summary=()):
        self.figure = figure
        self.alt = " ".join(str(alt).split())
        self.summary = [" ".join(str(line).split()) for line in summary]

    def __getattr__(self, name: str):
        if name.startswith("__") or name in {"figure", "alt", "summary"}:
            raise AttributeError(name)
        return getattr(self.figure, name)

    def __repr__(self) -> str:
        return "\n".join([self.alt, *(f"- {line}" for line in self.summary)])

    def _repr_html_(self) -> str:
        import base64
        import io
        from html import escape

        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
        data = base64.b64encode(buffer.getvalue()).decode("ascii")
        items = "".join(f"<li>{escape(line)}</li>" for line in self.summary)
        caption = f"<figcaption><p>{escape(self.alt)}</p>{f'<ul>{items}</ul>' if items else ''}</figcaption>"
        return (f"<figure style='margin:0'><img src='data:image/png;base64,{data}' alt='{escape(self.alt, quote=True)}' "
                f"style='max-width:100%'>{caption}</figure>")
