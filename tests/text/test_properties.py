"""Properties that must hold for any text at all (hypothesis)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from korea_kit import Article, ArticleError, load_article

NASTY = ["\u00a0", "\u200b", "\u200d", "\ufeff", "\r\n", "\r", "\n", "\n\n", "\u201c", "\u201d", '"', ".", " ", "\t", "Mr. ", "U.S.-"]

news_like = st.lists(
    st.one_of(st.text(min_size=1, max_size=12), st.sampled_from(NASTY), st.sampled_from(["Kim", "Moon", "said", "Talks"])),
    max_size=60,
).map("".join)
any_text = st.one_of(st.text(max_size=400), news_like)


def normalised(text: str) -> str:
    """What Article.text must be: one leading BOM dropped, line endings made \\n, nothing else."""
    text = text[1:] if text.startswith("\ufeff") else text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_invariants(article: Article) -> None:
    text = article.text
    for layer, spans in article.spans.items():
        for span in spans:
            assert 0 <= span.start <= span.end <= len(text), (layer, span)
            assert span.text == text[span.start : span.end]
    paragraphs = article.paragraphs
    for before, after in zip(paragraphs, paragraphs[1:]):
        assert before.end <= after.start
    for sentence in article.sentences:
        assert sentence.start < sentence.end
        assert any(p.contains(sentence) for p in paragraphs)


@given(any_text)
@settings(max_examples=300, deadline=None)
def test_every_span_is_the_slice_it_claims_for_any_text(text):
    try:
        article = Article.from_text(text)
    except ArticleError:
        return
    assert article.text == normalised(text)
    check_invariants(article)


@given(any_text, st.booleans(), st.booleans())
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_loading_a_file_keeps_the_text_except_bom_and_newlines(tmp_path, text, bom, crlf):
    body = text.replace("\n", "\r\n") if crlf else text
    path = tmp_path / "a.txt"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + body.encode("utf-8"))
    try:
        article = load_article(path)
    except ArticleError as exc:
        assert "a.txt" in str(exc)
        return
    # Exactly one byte-order mark is removed: the file's own, or else a U+FEFF the text starts with.
    assert article.text == (body.replace("\r\n", "\n").replace("\r", "\n") if bom else normalised(body))
    check_invariants(article)


@given(any_text, st.integers(0, 500), st.integers(0, 500), st.sampled_from(["strict", "expand", "contract"]))
@settings(max_examples=200, deadline=None)
def test_char_span_always_matches_its_slice(text, a, b, mode):
    try:
        article = Article.from_text(text)
    except ArticleError:
        return
    start, end = sorted((a % (len(article.text) + 1), b % (len(article.text) + 1)))
    span = article.char_span(start, end, "x", alignment_mode=mode)
    assert 0 <= span.start <= span.end <= len(article.text)
    assert span.text == article.text[span.start : span.end]
