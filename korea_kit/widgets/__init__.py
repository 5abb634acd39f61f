"""The widgets students click: UI only, one module per widget.

Each widget is a thin ``VBox`` over a logic class that lives in the lens it
serves (``diplomacy.TimelineBrowser``, ``work.ArticleViewer``) and is tested
without a browser. Importing this package imports ipywidgets; ``import
korea_kit`` does not: ``kk.viewer`` and the others load it on first use.
Every control is a native form element (checkbox, menu, button), so the
widgets work from the keyboard: Tab moves between controls, Space or Enter
presses a button, Space opens a menu and the arrow keys move through it.
Every widget draws a thick outline on the control that has the focus
(``_focus``), so a keyboard user can see where they are.
"""

from ._brief_writer import BriefWriterView, brief_writer
from ._coder import FrameCoderView, frame_coder
from ._concordance import ConcordanceExplorerView, concordance_explorer
from ._entman import EntmanWorksheetView, entman_worksheet
from ._event_coder import EventCoderView, event_coder
from ._lenses import LensWorksheetView, lens_worksheet
from ._positions import PositionGridView, position_grid
from ._timeline import TimelineBrowserView, timeline_browser
from ._upload import UploadView, upload_work
from ._viewer import ArticleViewerView, quote_tagger, viewer

__all__ = ["timeline_browser", "TimelineBrowserView", "viewer", "quote_tagger", "ArticleViewerView", "upload_work",
           "UploadView", "concordance_explorer", "ConcordanceExplorerView", "frame_coder", "FrameCoderView",
           "entman_worksheet", "EntmanWorksheetView", "event_coder", "EventCoderView", "position_grid",
           "PositionGridView", "lens_worksheet", "LensWorksheetView", "brief_writer", "BriefWriterView"]
