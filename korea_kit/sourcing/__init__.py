"""The sourcing lens: who speaks in a report, how they are quoted, and how well the kit finds them.

The extractor (PARC's SOURCE + CUE + CONTENT, rules and data only, linear in the length of the text):

* ``_extractor``: :func:`quotes` and :func:`attributions`, the extractor's shared state and input checks;
* ``_quotes``: quotation marks, who says a quote, quotes inside quotes, embedded posts;
* ``_indirect``: reported speech outside quotation marks;
* ``_subjects``: the speaker phrase before a cue; ``_names``: person and organisation names;
* ``_speakers``: canonical speaker, source type and go-between (``via``);
* ``_antecedents``: who "he", "the spokesman" or "the statement" is;
* ``_aliases``, ``_lexicon``: the alias table and the word lists, read from ``korea_kit/data``;
* ``_attribution``: the record of one attribution.

Around it:

* ``_voices``: voice share, source mix, attribution chains and their figures, quote tagging checked
  against gold;
* ``_scoring``: gold annotations and :func:`evaluate`.
"""

from ._extractor import COLUMNS, KINDS, SOURCE_TYPES, AliasTable, Attribution, attributions, load_aliases, quotes
from ._scoring import evaluate, load_gold
from ._voices import (QUOTE_LABELS, TagFeedback, annotate_quotes, attribution_chains, check_quote_tags,
                      compare_with_gold, quotes_table, source_mix, source_mix_figure, voice_share, voice_share_figure)

__all__ = ["quotes", "attributions", "Attribution", "AliasTable", "load_aliases", "COLUMNS", "KINDS", "SOURCE_TYPES",
           "evaluate", "load_gold", "quotes_table", "voice_share", "source_mix", "attribution_chains",
           "voice_share_figure", "source_mix_figure", "annotate_quotes", "compare_with_gold", "check_quote_tags",
           "QUOTE_LABELS", "TagFeedback"]
