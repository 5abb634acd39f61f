"""Who the work belongs to: the student's name, shared logins, the work file's own id.

On Binder every student logs in as ``jovyan``, and many class servers use
``root``, ``user`` or ``student``: a login like that is not a name. The
student's name comes, in this order, from

1. ``student=`` given to :class:`~korea_kit.WorkStore` (or :func:`~korea_kit.set_name` later);
2. the ``KOREA_KIT_STUDENT`` environment variable (for instructors and tests);
3. the name kept in the work file (``kk.set_name("Kim Min-ji")`` writes it there);
4. the login name, unless it is a shared default (see :func:`is_shared_login`).

When none gives a name, the work is still owned: by the work file's own
random ``work_id``, which every work file gets when it is created.

>>> is_shared_login("jovyan"), is_shared_login("kimminji"), is_shared_login("김민지")
(True, False, True)
>>> file_slug("Kim Min-ji"), file_slug("José Núñez"), file_slug("김민지")
('kim-min-ji', 'jose-nunez', 'gimminji')
"""

from __future__ import annotations

import getpass
import json
import os
import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Any

from .._errors import KitTypeError, KitValueError, shown

__all__ = ["SHARED_LOGINS", "is_shared_login", "login_name", "student_from_env", "file_slug", "new_work_id",
           "source_for", "checked_name", "name_from_file", "name_for_set_name"]

SHARED_LOGINS = frozenset({"jovyan", "root", "user", "student", "admin", "ubuntu"})
"""Login names shared by many people, never taken as a student's name."""

_NAME_LIMIT = 100


def is_shared_login(login: str | None) -> bool:
    """True for an empty, non-ASCII or shared default login (``jovyan``, ``root``...)."""
    if not login or not login.strip() or not login.isascii():
        return True
    return login.strip().casefold() in SHARED_LOGINS


def login_name() -> str | None:
    """The operating system's login name, or ``None`` when it is unknown."""
    try:
        return getpass.getuser() or None
    except (OSError, KeyError, ImportError):  # no user name known to the OS
        return None


def student_from_env() -> str | None:
    """``$KOREA_KIT_STUDENT``, trimmed, or ``None`` when unset or blank."""
    chosen = os.environ.get("KOREA_KIT_STUDENT", "").strip()
    return chosen or None


@lru_cache(maxsize=1)
def _hangul_table() -> dict[str, list[str]]:
    return json.loads(resources.files("korea_kit").joinpath("data/hangul_romanization.json").read_text("utf-8"))


def _romanize_hangul(text: str) -> str:
    """Hangul syllables in Revised Romanization, letter by letter (김민지 -> gimminji); other characters unchanged.

    >>> _romanize_hangul("김민지"), _romanize_hangul("박 서준"), _romanize_hangul("Kim")
    ('gimminji', 'bak seojun', 'Kim')
    """
    table = _hangul_table()
    out = []
    for char in text:
        index = ord(char) - 0xAC00
        if 0 <= index < 11172:
            syllable, final = divmod(index, 28)
            initial, vowel = divmod(syllable, 21)
            out.append(table["initials"][initial] + table["vowels"][vowel] + table["finals"][final])
        else:
            out.append(char)
    return "".join(out)


def file_slug(name: str | None) -> str:
    """A safe ASCII form of a name for a file name: letters, digits and dashes, lower case.

    Accents are dropped (NFKD) and Hangul is romanized; a name with no ASCII form at all (Chinese, say)
    gives ``"student"``, and the work id in the file name still keeps it apart from every other.
    """
    ascii_form = unicodedata.normalize("NFKD", _romanize_hangul(name or "")).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_form.casefold()).strip("-")[:40].strip("-")
    return slug or "student"


def new_work_id() -> str:
    """A short random id (12 hex digits) that tells one work file from every other."""
    import secrets  # on first use: it loads OpenSSL's hashes, and `import korea_kit` stays light

    return secrets.token_hex(6)


def source_for(student: str | None, work_id: str) -> str:
    """The ``source`` of new records: ``student:<name>``, or ``student:unnamed-<work_id>`` before a name is known.

    >>> source_for("Kim Min-ji", "3f9a2c0d1e2f"), source_for(None, "3f9a2c0d1e2f")
    ('student:Kim Min-ji', 'student:unnamed-3f9a2c0d1e2f')
    """
    return f"student:{student}" if student else f"student:unnamed-{work_id}"


def checked_name(value: object) -> str | None:
    """``value`` as a student's name (trimmed), or ``None`` if it is not usable text."""
    if not isinstance(value, str):
        return None
    name = " ".join(value.split())
    if not name or len(name) > _NAME_LIMIT:
        return None
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return None
    return name


def name_from_file(value: str | None) -> str | None:
    """A name kept in a work file, unless it is a shared login written there by an earlier korea-kit."""
    name = checked_name(value)
    return None if name is None or name.casefold() in SHARED_LOGINS else name


def name_for_set_name(name: Any) -> str:
    """``name`` trimmed, or a KitError saying how to give a name.

    >>> name_for_set_name("  Kim   Min-ji ")
    'Kim Min-ji'
    """
    checked = checked_name(name)
    if checked is None:
        error = KitTypeError if not isinstance(name, str) else KitValueError
        raise error(f"set_name needs your name as text in quotes, like kk.set_name(\"Kim Min-ji\"), not {shown(name)}.")
    return checked
