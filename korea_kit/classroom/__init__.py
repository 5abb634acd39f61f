"""Class mode, for instructors: read a folder of student exports, see who handed in and how far the class agrees.

* ``_reading``: the folder, file by file: what is read, what is skipped and why, who is who (duplicates, merges);
* ``_codes``: what the class coded, gathered per item and unit (frame items, events, positions, passage tags);
* ``_class``: :func:`load_class` and :class:`ClassWork` (agreement, disagreements, quote tags against the gold);
* ``_summary``: the one-screen summary and its figure;
* ``_synthetic``: :func:`synthetic_class`, a seeded class in the real export format, for demos and tests.

See ``docs/class-mode.md`` for how to collect the exports.
"""

from ._class import ClassWork, load_class
from ._reading import SIZE_LIMIT_MB
from ._synthetic import synthetic_class

__all__ = ["load_class", "ClassWork", "synthetic_class", "SIZE_LIMIT_MB"]
