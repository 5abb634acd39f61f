"""Upload an exported work file through the browser and merge it into the student's work."""

from __future__ import annotations

from html import escape

import ipywidgets as W

from .._errors import KitError, KitTypeError, shown
from ..work._session import import_bytes, store_or_session
from ._focus import show_focus

__all__ = ["upload_work", "UploadView"]


class UploadView(W.VBox):
    """A button to upload an exported work file, and a line saying what the import did."""

    def __init__(self, store=None, other_student: bool = False):
        self._store = store_or_session(store)
        if not isinstance(other_student, bool):
            raise KitTypeError(f"other_student should be True or False, not {shown(other_student)}.")
        self._other_student = other_student
        self._upload = W.FileUpload(accept=".json", multiple=False, description="Upload work file")
        self._status = W.HTML("Choose a korea-kit-work-….json file that you exported earlier.")
        self._upload.observe(self._uploaded, "value")
        super().__init__([self._upload, self._status])
        show_focus(self)

    def _uploaded(self, change) -> None:
        for item in change["new"]:
            try:
                summary = import_bytes(bytes(item["content"]), item["name"], store=self._store,
                                       other_student=self._other_student)
            except KitError as exc:
                self._status.value = f"⚠️ {escape(str(exc))}"
            else:
                self._status.value = summary._repr_html_()


def upload_work(store=None, *, other_student: bool = False) -> UploadView:
    """Upload an exported work file from your computer and merge it into your saved work.

    Another student's export is refused (the status line says why) unless
    ``other_student=True``, for an instructor: their work then keeps their name.
    """
    return UploadView(store, other_student)
