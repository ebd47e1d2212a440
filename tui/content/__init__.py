"""The content layer: library files into a model. Pure Python; never imports textual."""

from tui.content.check import check_library, has_errors
from tui.content.library import Library, bundled_library, default_library, load_library
from tui.content.model import Article, Document, Entry, Exercise, Reference, Section
from tui.content.problems import ContentError, Problem, Severity

__all__ = [
    "Article",
    "ContentError",
    "Document",
    "Entry",
    "Exercise",
    "Library",
    "Problem",
    "Reference",
    "Section",
    "Severity",
    "bundled_library",
    "check_library",
    "default_library",
    "has_errors",
    "load_library",
]
