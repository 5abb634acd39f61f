"""The work room: what a student writes, kept safe; exercise checks and progress; export and import.

* ``_store``: :class:`WorkStore`, one JSON file written atomically under a lock;
* ``_session``: the session's shared store, :func:`export_work` and :func:`import_work`;
* ``_checks``: :func:`check` and :func:`progress`;
* ``_viewer``: the logic of the article viewer, whose tags go to the store.
"""

from ._checks import Feedback, Progress, check, progress
from ._session import ExportLink, WorkSummary, export_work, import_work, work
from ._store import SCHEMA_VERSION, WorkStore, default_work_path
from .._errors import WorkStoreError

__all__ = ["WorkStore", "WorkStoreError", "SCHEMA_VERSION", "default_work_path", "work", "export_work", "import_work",
           "check", "progress", "Feedback", "Progress", "ExportLink", "WorkSummary"]
