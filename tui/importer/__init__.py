"""Bring your own reading: a saved web page, a text dump or Markdown into a wellread article.

Pure Python like `tui.content`: it never imports textual or rich, and it never fetches
anything. HTML extraction needs the optional extra `wellread[import]`.
"""

from tui.importer.pipeline import ImportError_, ImportResult, import_source, suggest_slug

__all__ = ["ImportError_", "ImportResult", "import_source", "suggest_slug"]
