"""The diplomacy lens: the timeline of the story (and, later, actors, events and claims).

``TimelineBrowser``, the logic of the timeline widget, needs traitlets and is
loaded on first use, so that ``import korea_kit`` stays light.
"""

from ._timeline import load_timeline, timeline_figure

__all__ = ["load_timeline", "timeline_figure", "TimelineBrowser"]


def __getattr__(name: str):
    if name == "TimelineBrowser":
        from ._browse import TimelineBrowser

        return TimelineBrowser
    raise AttributeError(f"module 'korea_kit.diplomacy' has no attribute {name!r}")
