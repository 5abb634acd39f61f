"""quotes() does work in proportion to the length of the text (counted in Python line events, not in seconds)."""

import sys

import pytest

from korea_kit import Article, quotes
from korea_kit.sourcing import _extractor

SENTENCES = ('"We are ready to talk," said Kim Yong Chol. ', '"The talking is for Seoul," he added. ',
             'Critics argue that the offer is hollow and will not last. ', 'The talks will resume, officials said. ',
             'The ministry said: "Sanctions will continue until the end." ', 'According to Yonhap, the envoy left. ',
             '"It is a first step," she said. ', 'Ms Vance noted that the North had "never" said so before. ')


def one_paragraph(n: int) -> Article:
    return Article.from_text("Talks on\n\n" + "".join(SENTENCES[i % len(SENTENCES)] for i in range(n)).strip())


def many_paragraphs(n: int) -> Article:
    return Article.from_text("Talks on\n\n" + "\n\n".join("".join(SENTENCES).strip() for _ in range(n)))


def line_events(article: Article) -> int:
    """How many lines of the sourcing package run while quotes() reads ``article``."""
    count = 0
    folder = _extractor.__file__.rsplit("/", 1)[0]

    def tracer(frame, event, arg):
        nonlocal count
        if not frame.f_code.co_filename.startswith(folder):
            return None
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        _extractor.attributions(article)
    finally:
        sys.settrace(None)
    return count


@pytest.mark.parametrize("make, size", [(one_paragraph, 40), (many_paragraphs, 5)], ids=["one paragraph", "many"])
def test_four_times_the_text_runs_about_four_times_the_lines(make, size):
    quotes(make(2))  # read the data files first
    small, large = line_events(make(size)), line_events(make(size * 4))
    assert large <= 4.4 * small, (small, large)


def test_a_pathological_200_kb_paragraph_of_quotes_completes():
    article = one_paragraph(4600)
    assert len(article.text) > 200_000
    table = quotes(article)
    assert len(table) > 4000 and (table["speaker"] == "Kim Yong Chol").sum() > 500
