"""Reading article files safely: size, encoding, binary and empty checks.

The policy, in one place:

* Files larger than :data:`MAX_BYTES` (1 MiB) are refused. A long news
  article is about 30 KB, so anything bigger is almost certainly not one.
* Text must be UTF-8 (a byte-order mark is allowed and removed). UTF-16 is
  accepted when it starts with its byte-order mark. Anything else (Latin-1,
  Windows-1252, EUC-KR ...) is refused with a message that says how to fix
  it, unless the caller names the encoding: ``load_article(path,
  encoding="cp1252")``. We never guess silently, because a wrong guess turns
  names and quotation marks into garbage without anyone noticing.
* Files that look binary (a NUL byte, a PDF/Word/image signature, or many
  control characters) are refused.
* Files with no visible characters are refused.
* Line endings become ``\\n`` (``\\r\\n`` and lone ``\\r`` alike). Nothing
  else in the text is touched.
"""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from .._errors import ArticleError, need_regular_file

__all__ = ["MAX_BYTES", "read_article_file", "clean_text", "INVISIBLE"]

MAX_BYTES = 1_048_576
"""The largest article file korea_kit will load, in bytes (1 MiB)."""

#: Characters that take up no visible room: zero-width spaces and joiners,
#: the word joiner and a stray byte-order mark inside the text.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"

_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a zip archive (a Word .docx or similar)",
    b"\xd0\xcf\x11\xe0": "an old Word or Excel document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"{\\rtf": "a rich-text (.rtf) document",
}


def read_article_file(path: Path | str, encoding: str | None = None) -> str:
    """Read ``path`` and return its text, or raise :class:`ArticleError`.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "note.txt"
    >>> _ = p.write_bytes(b"\\xef\\xbb\\xbfHeadline\\r\\n\\r\\nBody text.")
    >>> read_article_file(p)
    'Headline\\n\\nBody text.'
    """
    path = Path(path)
    name = str(path)
    if path.is_dir():
        raise ArticleError(f"{name} is a folder, not an article file. To load a folder, use load_corpus().")
    size = need_regular_file(path, ArticleError, "article file").st_size  # devices and pipes are never read
    if size > MAX_BYTES:
        raise ArticleError(
            f"{name} is too large for a teaching corpus: {size:,} bytes, and the limit is "
            f"{MAX_BYTES:,} bytes (1 MiB). A long news article is about 30 KB; is this really one article?"
        )
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)  # never more than the limit, even if the file grew meanwhile
    except OSError as exc:
        raise ArticleError(f"{name} could not be read ({exc.strerror or exc}).") from None
    if len(data) > MAX_BYTES:
        raise ArticleError(f"{name} grew past the limit of {MAX_BYTES:,} bytes (1 MiB) while it was being read.")
    text = decode_bytes(data, name, encoding)
    return clean_text(text, name, strip_bom=False)  # decoding removed the one byte-order mark there was


def decode_bytes(data: bytes, name: str, encoding: str | None = None) -> str:
    """Turn the file's bytes into text following the policy above."""
    for signature, what in _SIGNATURES.items():
        if data.startswith(signature):
            raise ArticleError(
                f"{name} looks like {what}, not plain text. Copy the article's words into a .txt "
                f"or .md file (saved as UTF-8) and load that instead."
            )
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise ArticleError(f"{name}: {encoding!r} is not an encoding Python knows.") from None
        try:
            return _strip_bom(data.decode(encoding))
        except UnicodeDecodeError as exc:
            raise ArticleError(
                f"{name} is not valid {encoding} text (the first bad byte is at position {exc.start})."
            ) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _strip_bom(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise ArticleError(f"{name} starts like UTF-16 text but is damaged further in.") from None
    if b"\x00" in data:
        raise ArticleError(
            f"{name} looks like a binary file (it contains NUL bytes), not an article saved as text."
        )
    try:
        return _strip_bom(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        guess = "Windows-1252 or Latin-1" if _looks_western(data) else "an older, non-Unicode encoding"
        raise ArticleError(
            f"{name} is not saved as UTF-8 (the first byte that does not fit is at position "
            f"{exc.start}); it is probably {guess}. Open it in a text editor and save it as UTF-8, "
            f"or, if you know its encoding, load it with encoding=\"cp1252\" (or the right name)."
        ) from None


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


def _looks_western(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def clean_text(text: str, name: str = "this text", *, strip_bom: bool = True) -> str:
    """Normalise line endings and refuse empty or binary-looking text.

    >>> clean_text("one\\r\\ntwo\\rthree")
    'one\\ntwo\\nthree'
    >>> clean_text(" \\u200b\\n\\t", "blank.txt")
    Traceback (most recent call last):
    ...
    korea_kit.ArticleError: blank.txt is empty: it has no visible text (only spaces, line breaks or invisible characters).
    """
    text = (_strip_bom(text) if strip_bom else text).replace("\r\n", "\n").replace("\r", "\n")
    visible = [c for c in text if not c.isspace() and c not in INVISIBLE]
    if not visible:
        raise ArticleError(
            f"{name} is empty: it has no visible text (only spaces, line breaks or invisible characters)."
        )
    controls = sum(1 for c in visible if unicodedata.category(c) == "Cc")
    if controls > max(3, len(visible) // 100):
        raise ArticleError(
            f"{name} looks like a binary file, not an article: {controls} of its characters are "
            f"control codes that never appear in ordinary text."
        )
    return text
