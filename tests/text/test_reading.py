"""Hostile and awkward files: every one gets a clear ArticleError naming it, or loads faithfully."""

import pytest

from korea_kit import ArticleError, load_article
from korea_kit.text._reading import MAX_BYTES


def error_for(path, **kwargs) -> str:
    with pytest.raises(ArticleError) as info:
        load_article(path, **kwargs)
    message = str(info.value)
    assert path.name in message
    return message


def test_empty_file_is_refused(write):
    assert "empty" in error_for(write("empty.txt", b""))


def test_whitespace_only_file_is_refused(write):
    assert "empty" in error_for(write("blank.txt", " \n\t\u00a0\n"))


def test_invisible_characters_only_is_refused(write):
    assert "empty" in error_for(write("zw.txt", "\u200b\u200d\ufeff\n"))


def test_nul_bytes_mean_binary(write):
    assert "binary" in error_for(write("blob.txt", b"abc\x00\x01\x02def"))


def test_pdf_is_named_as_a_pdf(write):
    assert "PDF" in error_for(write("report.txt", b"%PDF-1.7\n%\xe2\xe3"))


def test_word_document_is_named(write):
    assert "Word" in error_for(write("story.txt", b"PK\x03\x04\x14\x00rest"))


def test_many_control_characters_mean_binary(write):
    assert "binary" in error_for(write("ctl.txt", "ok " + "\x01\x02\x03\x04\x05" * 4))


def test_latin1_is_refused_with_a_fix(write):
    message = error_for(write("latin.txt", "Caf\u00e9 talks in S\u00e9oul".encode("latin-1")))
    assert "UTF-8" in message and 'encoding="cp1252"' in message


def test_latin1_loads_when_the_encoding_is_named(write):
    path = write("latin.txt", "Caf\u00e9 talks\n\nKim met Moon.".encode("latin-1"))
    assert load_article(path, encoding="latin-1").text.startswith("Caf\u00e9")


def test_unknown_encoding_name_is_explained(write):
    assert "encoding" in error_for(write("a.txt", b"Head"), encoding="klingon")


def test_crlf_and_bom_are_normalised(write):
    path = write("win.txt", b"\xef\xbb\xbfHeadline\r\n\r\nFirst line.\rSecond line.")
    assert load_article(path).text == "Headline\n\nFirst line.\nSecond line."


def test_utf16_with_bom_loads(write):
    path = write("u16.txt", "Headline\n\nBody.".encode("utf-16"))
    assert load_article(path).text == "Headline\n\nBody."


def test_file_over_the_limit_is_refused_before_reading(write):
    path = write("huge.txt", b"")
    with path.open("r+b") as handle:
        handle.truncate(MAX_BYTES + 1)
    assert "too large" in error_for(path)


def test_missing_file_is_explained(tmp_path):
    assert "no file" in error_for(tmp_path / "nowhere.txt")


def test_folder_is_not_an_article(tmp_path):
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert "load_corpus" in error_for(folder)


def test_html_tags_load_as_plain_text(write):
    text = "<h1>Head</h1>\n\n<script>alert('x')</script> Kim met Moon."
    assert load_article(write("tags.txt", text)).text == text


def test_only_one_leading_byte_order_mark_is_removed(write):
    # A second U+FEFF is a character of the text (a zero-width no-break space), not a second mark.
    assert load_article(write("twice.txt", b"\xef\xbb\xbf\xef\xbb\xbfHeadline\n\nBody.")).text == "\ufeffHeadline\n\nBody."
