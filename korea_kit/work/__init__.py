"""The work room: what a student writes, kept safe; exercise checks and progress; export and import.

* ``_store``: :class:`WorkStore`, one JSON file written atomically under a lock, kept in memory when it cannot be;
* ``_records``: what a record is, its checks, merging, reading a damaged file record by record;
* ``_files``: atomic writes, the lock, moving a damaged file aside, reading only regular files;
* ``_queries`` and ``_exchange``: the reading and the export/import halves of the store; :func:`read_export`
  reads a classmate's export for class mode and reliability;
* ``_identity``: the student's name, shared logins, the work file's id;
* ``_session``: the session's shared store, :func:`set_name`, :func:`export_work` and :func:`import_work`;
* ``_checks``: :func:`check` and :func:`progress`;
* ``_viewer``: the logic of the article viewer, whose tags go to the store.
"""

from ._checks import Feedback, Progress, check, progress
from ._session import ExportLink, WorkSummary, export_work, import_work, set_name, work
from ._exchange import read_export
from ._store import SCHEMA_VERSION, WorkStore, default_work_path
from .._errors import WorkStoreError

__all__ = ["WorkStore", "WorkStoreError", "SCHEMA_VERSION", "default_work_path", "work", "set_name", "export_work",
           "import_work", "read_export", "check", "progress", "Feedback", "Progress", "ExportLink", "WorkSummary"]
