"""The content layer: library files into a model. Pure Python; never imports textual.

Names are loaded when first used (PEP 562), so a command that needs only the list
(`wellread list`) never imports the Markdown parser or YAML.
"""

from __future__ import annotations

import importlib

# Imported before the look at the library is forked (tui.look_ahead imports modules of
# this package): not typing at run time. The type checker reads it as TYPE_CHECKING.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from tui.content.check import check_library as check_library
    from tui.content.check import has_errors as has_errors
    from tui.content.entry import Entry as Entry
    from tui.content.folders import bundled_library as bundled_library
    from tui.content.folders import default_library as default_library
    from tui.content.library import Library as Library
    from tui.content.library import load_library as load_library
    from tui.content.model import Article as Article
    from tui.content.model import Document as Document
    from tui.content.model import Exercise as Exercise
    from tui.content.model import Reference as Reference
    from tui.content.model import Section as Section
    from tui.content.problems import ContentError as ContentError
    from tui.content.problems import Problem as Problem
    from tui.content.problems import Severity as Severity

_WHERE = {
    "check_library": "check",
    "has_errors": "check",
    "Library": "library",
    "bundled_library": "folders",
    "default_library": "folders",
    "load_library": "library",
    "Article": "model",
    "Document": "model",
    "Entry": "entry",
    "Exercise": "model",
    "Reference": "model",
    "Section": "model",
    "ContentError": "problems",
    "Problem": "problems",
    "Severity": "problems",
}

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


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'tui.content' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"tui.content.{module}"), name)
    globals()[name] = value
    return value
