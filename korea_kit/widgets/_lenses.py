"""The lens worksheet: per IR lens, an article, a sentence as evidence and one sentence of answer."""

from __future__ import annotations

from html import escape

import ipywidgets as W

from ..diplomacy._event_coding import LensWorksheet
from ._focus import show_focus
from ._status import status_html

__all__ = ["lens_worksheet", "LensWorksheetView"]


class LensWorksheetView(W.VBox):
    """Per lens: its question and hint, an article menu, a sentence menu, a text box and a save button."""

    def __init__(self, logic: LensWorksheet):
        self.logic = logic
        self._articles, self._sentences, self._texts, self._buttons = {}, {}, {}, {}
        parts = [W.HTML("<h4>IR lenses</h4><p>For each lens, pick a sentence from a report as evidence and write "
                        "one sentence of your own. Press “Save this answer” for each.</p>")]
        for row in logic.lenses:
            lens, answer = row["lens"], logic.answers[row["lens"]]
            article = W.Dropdown(options=[(a.title, a.id) for a in logic.articles], value=answer["article_id"],
                                 description="Article", layout=W.Layout(width="60em"))
            sentence = W.Dropdown(options=self._sentence_options(answer["article_id"]), value=answer["sentence"],
                                  description="Evidence", layout=W.Layout(width="60em"))
            text = W.Textarea(value=answer["answer"], placeholder="One sentence of your own",
                              layout=W.Layout(width="60em"))
            button = W.Button(description="Save this answer", button_style="primary")
            article.observe(lambda c, lens=lens: self._article_changed(lens, c["new"]), "value")
            sentence.observe(lambda c, lens=lens: logic.set(lens, sentence=c["new"]), "value")
            text.observe(lambda c, lens=lens: logic.set(lens, answer=c["new"]), "value")
            button.on_click(lambda _, lens=lens: logic.save(lens))
            self._articles[lens], self._sentences[lens], self._texts[lens], self._buttons[lens] = (article, sentence,
                                                                                                  text, button)
            parts.append(W.VBox([W.HTML(f"<h5>{escape(row['name'])}</h5><p>{escape(row['question'])}</p>"
                                        f"<p style='color:#555'><i>Hint: {escape(row['hint'])}</i> "
                                        f"({escape(row['citation'])})</p>"), article, sentence, text, button]))
        self._status = W.HTML(status_html(logic.status))
        logic.observe(lambda c: setattr(self._status, "value", status_html(c["new"])), "status")
        super().__init__([*parts, self._status])
        show_focus(self)

    def _sentence_options(self, article_id: str):
        article = self.logic.article(article_id)
        lines = [" ".join(s.text.split()) for s in article.sentences]
        return [("(choose a sentence)", -1)] + [(f"{i + 1}. {t[:100]}", i) for i, t in enumerate(lines)]

    def _article_changed(self, lens: str, article_id: str) -> None:
        self.logic.set(lens, article_id=article_id)
        self._sentences[lens].options = self._sentence_options(article_id)
        self._sentences[lens].value = -1


def lens_worksheet(corpus, store=None) -> LensWorksheetView:
    """Look at the story through five IR lenses, each a question you answer with a sentence as evidence.

    Realism, liberalism, constructivism, costly and cheap signals, and
    two-level games (see kk.ir_lenses() for the questions and readings).
    Answers are saved with your work (exercise ``04.lens``) and come back
    when you open the worksheet again. ``store`` is your work (left out: this session's).
    """
    return LensWorksheetView(LensWorksheet(corpus, store=store))
