"""The diplomacy lens: actors and positions, coded events, claims checked across reports, the timeline.

* ``_cameo``: CAMEO codes with Goldstein weights and PLOVER classes (``data/cameo.csv``);
* ``_actors``: who is mentioned (``data/actors.csv``, keyed by the sourcing alias table) and who speaks;
* ``_events``, ``_event_rules``, ``_dates``: rule-based events from cue patterns (``data/event_cues.csv``;
  negation, plans, conditions and pronouns in ``data/event_words.csv``), dates resolved against the article's date; ``_event_gold``: gold events and scoring; ``_dyads``: the dyad figure;
* ``_claims``, ``_names``: checkable claims grouped across reports, with curated verdicts
  (``seeds/gold/claim_verdicts.json``); spellings of one name; ``_positions``: curated positions;
* ``_lenses``: IR lenses as guided questions; ``_event_coding``: the logic of the event coder, the position
  grid and the lens worksheet; ``_timeline``, ``_browse``: the background timeline and its browser.

The widgets' logic classes need traitlets and are loaded on first use, so that ``import korea_kit`` stays light.
"""

from ._actors import actors, voices_and_mentions
from ._cameo import cameo_codes
from ._dyads import dyad_figure
from ._event_gold import evaluate_events, events_table, load_event_gold
from ._events import events
from ._timeline import load_timeline, timeline_figure
from ._claims import claims, load_claim_verdicts
from ._names import name_variants
from ._positions import positions
from ._lenses import ir_lenses

__all__ = ["cameo_codes", "actors", "voices_and_mentions", "events", "events_table", "load_event_gold",
           "evaluate_events", "dyad_figure", "load_timeline", "timeline_figure", "claims", "load_claim_verdicts",
           "name_variants", "positions", "ir_lenses", "TimelineBrowser", "EventCoder", "PositionGrid", "LensWorksheet"]

#: Logic classes that need traitlets, loaded on first use: name -> the private module that defines it.
_LAZY = {"EventCoder": "._event_coding", "PositionGrid": "._event_coding", "LensWorksheet": "._event_coding",
         "TimelineBrowser": "._browse"}

def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name], __name__), name)
    raise AttributeError(f"module 'korea_kit.diplomacy' has no attribute {name!r}")
