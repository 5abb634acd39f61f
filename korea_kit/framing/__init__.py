"""The framing lens: how a report frames an event, and how reliably people code frames.

* ``_reliability``: Krippendorff's alpha, percent agreement and Cohen's kappa.
"""

from ._reliability import LEVELS, cohen_kappa, krippendorff_alpha, percent_agreement, read_alpha

__all__ = ["krippendorff_alpha", "percent_agreement", "cohen_kappa", "read_alpha", "LEVELS"]
