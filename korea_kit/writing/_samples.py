"""Sample drafts for chapter 05: a weak first draft and its revision, kept as Markdown in ``data/drafts/``."""

from __future__ import annotations

from importlib import resources

from .._errors import KitValueError, did_you_mean, need_text

__all__ = ["sample_draft", "SAMPLES"]

#: The sample drafts, by name: what each one is for.
SAMPLES = {
    "weak": "a first draft with the usual faults (a headline surer than the facts, loaded words, an invented quotation)",
    "revised": "the same story rewritten in the brief writer's template, every quotation traced and attributed",
}


def sample_draft(name: str = "weak") -> str:
    """The text of a sample explainer, to run :func:`~korea_kit.brief_feedback` on and to revise.

    >>> sample_draft("weak").splitlines()[0]
    '# North Korea Finally Caves In To Trump'
    >>> sample_draft("strong")
    Traceback (most recent call last):
    ...
    korea_kit.KitValueError: sample_draft: there is no sample draft called 'strong'. Choose 'weak' or 'revised'.
    """
    need_text(name, "name", "sample_draft", "weak")
    if name not in SAMPLES:
        raise KitValueError(f"sample_draft: there is no sample draft called {name!r}. Choose 'weak' or 'revised'."
                            + did_you_mean(name, SAMPLES))
    return resources.files("korea_kit").joinpath(f"data/drafts/{name}.md").read_text("utf-8")
