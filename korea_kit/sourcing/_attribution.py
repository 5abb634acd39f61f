"""What the extractor finds: one :class:`Attribution` per quote or reported claim, and the table's columns."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Attribution", "COLUMNS", "EXTRA_COLUMNS", "KINDS", "SOURCE_TYPES", "CUE_KINDS"]

COLUMNS = ["speaker", "speaker_text", "text", "start", "end", "kind", "cue", "source_type"]
"""The fixed columns of :func:`quotes` (more follow them: tone, via, side, offsets of speaker and cue)."""
EXTRA_COLUMNS = ["tone", "via", "side", "speaker_start", "speaker_end", "cue_start", "cue_end", "cue_kind", "hedged"]
CUE_KINDS = ("speech", "belief", "intention", "document")
"""What a cue reports: words said or written, a belief ("thinks"), an intention ("plans to"), what a document shows."""
KINDS = ("direct", "partial", "indirect")
SOURCE_TYPES = ("official", "state_media", "wire", "other_media", "anonymous", "expert", "social_media", "document",
                "individual")
"""Kinds of source. ``individual`` is a named private person (a student, a witness)."""


@dataclass
class Attribution:
    """One attribution: CONTENT (start, end, kind), its CUE and its SOURCE.

    >>> Attribution(10, 30, "direct", cue="said").kind
    'direct'
    """

    start: int
    end: int
    kind: str
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker: str = ""
    source_type: str = ""
    tone: str = ""
    via: str | None = None
    side: str = ""
    entity: str = field(default="", repr=False)
    cue_kind: str = "speech"
    hedged: bool = False
    channel: str | None = field(default=None, repr=False)
    """For an embedded post: the platform it was posted on ("Twitter", or "social media")."""
