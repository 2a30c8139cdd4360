"""corroborate: many news reports in, one cited dossier per real-world event out."""

__version__ = "0.1.0"

from .errors import CorroborateError, InputError, StoreError
from .ingest import Limits
from .model import Article, Claim, Dossier, Event, Rejection, Removal, Sentence
from .pipeline import analyze, ingest_paths
from .render import to_dict, to_json, to_markdown
from .store import Store

__all__ = [
    "__version__",
    "Article",
    "Claim",
    "CorroborateError",
    "Dossier",
    "Event",
    "InputError",
    "Limits",
    "Rejection",
    "Removal",
    "Sentence",
    "Store",
    "StoreError",
    "analyze",
    "ingest_paths",
    "to_dict",
    "to_json",
    "to_markdown",
]
