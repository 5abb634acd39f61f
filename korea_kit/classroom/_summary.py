"""The one-screen view of a class for the instructor: numbers, progress per chapter, agreement, split passages.

Every piece of text a student wrote (names, file names, answers) is escaped before it goes into HTML.
The figure has two panels, in the Okabe-Ito colours with hatching (readable without colour): the share of
exercises tried and solved per chapter, and alpha per coded item with the 0.667 and 0.800 lines.
"""

from __future__ import annotations

from html import escape

__all__ = ["ClassSummary"]

_BLUE, _ORANGE, _GREEN, _GREY = "#0072B2", "#E69F00", "#009E73", "#999999"
_SPLIT_SHOWN = 5


def _short(text: str, width: int = 60) -> str:
    """A student-made name (an exercise or question id can be any text) cut to fit a table or an axis."""
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[:width - 1] + "…"


class ClassSummary:
    """What :meth:`ClassWork.summary` gives: ``numbers`` (a dict), ``progress``, ``agreement`` and ``split`` tables.

    Shown in a notebook as one screen of HTML; :meth:`figure` draws progress and alpha.
    """

    def __init__(self, work):
        self.numbers = {"students": work.students, "files read": len(work._files),
                        "files skipped": len(work._skipped), "briefs submitted": work.briefs()}
        self.progress = work.progress()
        self.agreement = work.agreement()
        self.split = work.disagreements(top=_SPLIT_SHOWN)
        alphas = self.agreement["alpha"].dropna()
        self.numbers["items coded"] = len(self.agreement)
        self.numbers["items reliable (alpha >= 0.800)"] = int((alphas >= 0.8).sum())
        self.numbers["items below 0.667"] = int((alphas < 0.667).sum())
        self.numbers["exercises attempted"] = int(self.progress["attempted"].sum())
        self.numbers["exercises correct"] = int(self.progress["correct"].sum())

    def _lines(self) -> list[str]:
        n = self.numbers
        lines = [f"{n['students']} students, from {n['files read']} files read ({n['files skipped']} skipped: "
                 "see .skipped).",
                 f"Briefs submitted: {n['briefs submitted']}. Exercises attempted: {n['exercises attempted']}, "
                 f"correct: {n['exercises correct']} (each student and exercise counted once).",
                 f"Coded items: {n['items coded']}; reliable (alpha 0.800 or more): "
                 f"{n['items reliable (alpha >= 0.800)']}; below 0.667: {n['items below 0.667']}."]
        return lines

    def __repr__(self) -> str:
        lines = ["Class summary", *self._lines(), "", "Progress per chapter:", self.progress.to_string(index=False)]
        if len(self.split):
            lines += ["", "The most split passages:"]
            for row in self.split.itertuples():
                where = row.passage if row.passage else row.article
                lines.append(f"- {_short(row.exercise)} {_short(row.question, 120)}: {where} -> {row.answers}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        numbers = "".join(f"<li>{escape(line)}</li>" for line in self._lines())
        head = "".join(f"<th>{escape(str(c))}</th>" for c in self.progress.columns)
        body = "".join("<tr>" + "".join(f"<td>{escape(str(v))}</td>" for v in row) + "</tr>"
                       for row in self.progress.itertuples(index=False))
        progress = f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        lowest = "".join(self._lowest_items())
        split = "".join(f"<li><b>{escape(_short(r.exercise))}</b> {escape(_short(r.question, 120))}: "
                        f"<i>{escape(r.passage if r.passage else r.article)}</i>"
                        f"{' (' + escape(r.article) + ')' if r.passage and r.article else ''} → {escape(r.answers)}</li>"
                        for r in self.split.itertuples())
        return ("<div><h4>Class summary</h4>"
                f"<ul>{numbers}</ul><h5>Exercises per chapter</h5>{progress}"
                "<h5>The least reliable items</h5><table><thead><tr><th>exercise</th><th>item</th><th>alpha</th>"
                f"<th>reading</th><th>coders</th></tr></thead><tbody>{lowest}</tbody></table>"
                f"<h5>The most split passages</h5><ul>{split}</ul></div>")

    def _lowest_items(self, count: int = 5) -> list[str]:
        table = self.agreement.sort_values(["alpha", "exercise", "item"], na_position="last").head(count)
        rows = []
        for row in table.itertuples():
            alpha = "n/a" if row.alpha != row.alpha else f"{row.alpha:.3f}"
            rows.append(f"<tr><td>{escape(_short(row.exercise))}</td><td>{escape(_short(row.item))}</td><td>{alpha}</td>"
                        f"<td>{escape(row.verdict or row.note)}</td><td>{row.n_coders}</td></tr>")
        return rows

    def figure(self):
        """Two panels: exercises tried and solved per chapter (share of students x exercises), alpha per item."""
        import matplotlib.pyplot as plt

        items = self.agreement.dropna(subset=["alpha"])
        height = max(4.0, 0.22 * len(items) + 1.5)
        fig, (left, right) = plt.subplots(1, 2, figsize=(11, height), layout="constrained",
                                          gridspec_kw={"width_ratios": [1, 1.4]})
        students = max(self.numbers["students"], 1)
        chapters = [str(c) for c in self.progress["chapter"]]
        possible = [max(e * students, 1) for e in self.progress["exercises"]]
        tried = [a / p for a, p in zip(self.progress["attempted"], possible)]
        solved = [c / p for c, p in zip(self.progress["correct"], possible)]
        places = list(range(len(chapters)))
        left.bar([p - 0.2 for p in places], tried, width=0.4, color=_BLUE, label="tried", edgecolor="white")
        left.bar([p + 0.2 for p in places], solved, width=0.4, color=_ORANGE, hatch="//", label="solved",
                 edgecolor="white")
        left.set_xticks(places, chapters, parse_math=False)
        left.set_ylim(0, 1)
        left.set_xlabel("chapter", parse_math=False)
        left.set_ylabel("share of (students x exercises)", parse_math=False)
        left.set_title("Exercises tried and solved", loc="left", parse_math=False)
        left.legend(frameon=False)
        labels = [_short(f"{e} {i}", 40) for e, i in zip(items["exercise"], items["item"])]
        rows = list(range(len(items)))
        colours = [_GREEN if a >= 0.8 else _ORANGE if a >= 0.667 else _GREY for a in items["alpha"]]
        right.barh(rows, [max(a, -0.2) for a in items["alpha"]], color=colours, edgecolor="white")
        right.set_yticks(rows, labels, fontsize=7, parse_math=False)
        right.invert_yaxis()
        right.set_xlim(-0.2, 1)
        for line in (0.667, 0.8):
            right.axvline(line, color="#000000", linewidth=0.8, linestyle=":")
        right.set_xlabel("Krippendorff's alpha (0.800 reliable; below 0.667 not)", parse_math=False)
        right.set_title("How far the class agrees, per item", loc="left", parse_math=False)
        if not len(items):
            right.text(0.5, 0.5, "no item coded by two or more students", ha="center", va="center",
                       transform=right.transAxes)
        for ax in (left, right):
            for side in ("top", "right"):
                ax.spines[side].set_visible(False)
        plt.close(fig)
        from .._display import DescribedFigure

        alt = (f"Two charts: the share of exercises tried and solved in each of {len(chapters)} chapters, and "
               f"Krippendorff's alpha for {len(items)} coded items (0.800 reliable, below 0.667 not).")
        summary = [f"Chapter {c}: {t:.0%} tried, {s:.0%} solved." for c, t, s in zip(chapters, tried, solved)]
        summary += [f"{label}: alpha {a:.3f}." for label, a in zip(labels, items["alpha"])]
        return DescribedFigure(fig, alt, summary)
