"""A saved HTML page into a draft (needs the `wellread[import]` extra).

Order matters: what a browser would not show is removed first; the reference list is
found anywhere on the page (it often sits outside the main text) and taken out; numbered
citation links are replaced by marks that survive extraction; then trafilatura extracts
the main text, and readability-lxml reads it instead when trafilatura kept no headings
(pages whose text is not in an <article> or <main>, such as Webflow rich-text blocks).
"""

from __future__ import annotations

import re
from typing import Any

import lxml.html
from lxml import etree

from tui.importer.boilerplate import is_boilerplate, is_site_disclaimer
from tui.importer.cite import CITE_MARK
from tui.importer.draft import Block, Draft, RawReference
from tui.importer.markdown_in import blocks_from_markdown

_INVISIBLE_TAGS = (
    "script",
    "style",
    "template",
    "noscript",
    "svg",
    "iframe",
    "object",
    "button",
    "select",
    "textarea",
    "input",
    "form",
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# Class names of messages and placeholders that stay hidden until something happens
# (Webflow's form status and empty-collection blocks, and the usual generic names).
_HIDDEN_CLASS = re.compile(
    r"(?:^|\s)(?:w-form-done|w-form-fail|w-dyn-empty|sr-only|visually-hidden|hidden|"
    r"mw-editsection|noprint|cookie\S*)(?:\s|$)",
    re.I,
)
_CITE_TEXT = re.compile(r"^\s*\[?\s*\d{1,3}\s*\]?\s*$")
_BACKLINK = re.compile(r"^\s*(?:\^|\u2191|jump up(?: to)?:?|back)\s*", re.I)


def _remove(element: Any) -> None:
    """Remove an element but keep the text that follows it (its tail)."""
    parent = element.getparent()
    if parent is None:
        return
    element.drop_tree()


def _text(element: Any) -> str:
    return " ".join(str(element.text_content()).split())


def _drop_invisible(root: Any, draft: Draft) -> None:
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        tag = element.tag.lower()
        hidden = (
            tag in _INVISIBLE_TAGS
            or element.get("hidden") is not None
            or element.get("aria-hidden", "").lower() == "true"
            or _HIDDEN_STYLE.search(element.get("style", "")) is not None
            or _HIDDEN_CLASS.search(element.get("class", "")) is not None
        )
        if hidden:
            text = _text(element)
            if text and tag not in ("script", "style", "svg", "template"):
                draft.dropped.append(text)
            _remove(element)
    for comment in root.iter(etree.Comment):
        _remove(comment)


def _citation_links(root: Any) -> dict[str, list[Any]]:
    """In-page links whose text is a number: citations, by the id they point at."""
    found: dict[str, list[Any]] = {}
    for link in root.iter("a"):
        href = link.get("href", "")
        if href.startswith("#") and len(href) > 1 and _CITE_TEXT.match(_text(link) or "x"):
            found.setdefault(href[1:], []).append(link)
    return found


def _reference_of(element: Any) -> RawReference:
    links = [str(a.get("href")) for a in element.iter("a") if a.get("href")]
    for backlink in list(element.iter("a")):
        href = backlink.get("href", "")
        if href.startswith("#") and _BACKLINK.match(_text(backlink) + " "):
            _remove(backlink)
    # Wikipedia keeps the citation itself in a span of its own.
    inner = element.find_class("reference-text")
    text = _text(inner[0] if inner else element)
    text = _BACKLINK.sub("", text)
    return RawReference(text, anchor=str(element.get("id") or ""), links=links)


def _reference_list(root: Any, draft: Draft, cited: dict[str, list[Any]]) -> None:
    by_id = {str(e.get("id")): e for e in root.iter() if isinstance(e.tag, str) and e.get("id")}
    items = [by_id[i] for i in cited if i in by_id]
    containers = []
    if items:
        draft.references = [_reference_of(item) for item in items]
        for item in items:
            parent = item.getparent()
            if parent is not None and parent not in containers:
                containers.append(parent)
    else:
        from tui.importer.refparse import reads_like_reference

        for candidate in root.iter("ol", "ul"):
            lis = [li for li in candidate if getattr(li, "tag", None) == "li"]
            if len(lis) >= 1 and sum(reads_like_reference(_text(li)) for li in lis) >= max(
                1, (len(lis) * 3 + 4) // 5
            ):
                draft.references.extend(_reference_of(li) for li in lis)
                containers.append(candidate)
    for container in containers:
        heading = container.getprevious()
        if (
            heading is not None
            and re.match(r"^h[1-6]$", str(heading.tag))
            and re.match(
                r"^\s*(references|sources|notes|bibliography|citations)\b", _text(heading), re.I
            )
        ):
            _remove(heading)
        if container.getparent() is not None:
            _remove(container)


def _mark_citations(cited: dict[str, list[Any]]) -> None:
    for anchor, links in cited.items():
        for link in links:
            mark = CITE_MARK.format(anchor)
            parent = link.getparent()
            # A <sup> around the link holds only the citation: replace it whole.
            target = (
                parent
                if parent is not None and parent.tag == "sup" and _CITE_TEXT.match(_text(parent))
                else link
            )
            tail = target.tail or ""
            replacement = etree.Element("span")
            replacement.text = mark
            replacement.tail = tail
            target.getparent().replace(target, replacement)


def _walk(element: Any, draft: Draft, title: str) -> None:
    for child in element:
        if not isinstance(child.tag, str):
            continue
        tag = child.tag.lower()
        text = _text(child)
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            if text and text != title:
                draft.blocks.append(Block("heading", text, level=2 if tag in ("h1", "h2") else 3))
        elif tag in ("ul", "ol"):
            items = [_text(li) for li in child if getattr(li, "tag", "") == "li"]
            items = [i for i in items if i and not is_boilerplate(i)]
            if items:
                draft.blocks.append(Block("list", items=items, ordered=tag == "ol"))
        elif tag == "table":
            rows = [
                "; ".join(_text(c) for c in tr if isinstance(c.tag, str) and _text(c))
                for tr in child.iter("tr")
            ]
            rows = [r for r in rows if r]
            if rows:
                draft.blocks.append(Block("list", items=rows))
        elif tag in ("p", "blockquote", "pre", "figcaption", "dd", "dt"):
            if is_boilerplate(text) or is_site_disclaimer(text):
                draft.dropped.append(text)
            elif text:
                draft.add_paragraph(text)
        elif tag in ("nav", "footer", "header", "aside"):
            if text:
                draft.dropped.append(text)
        else:
            block_children = any(
                isinstance(c.tag, str) and c.tag.lower() in _BLOCK_TAGS for c in child
            )
            if block_children:
                _walk(child, draft, title)
            elif text and tag not in ("img", "br", "hr"):
                if is_boilerplate(text) or is_site_disclaimer(text):
                    draft.dropped.append(text)
                else:
                    draft.add_paragraph(text)


_BLOCK_TAGS = frozenset(
    "p div section article main ul ol table h1 h2 h3 h4 h5 h6 blockquote pre figure "
    "header footer nav aside dl".split()
)


def _metadata(page: str, draft: Draft, root: Any) -> None:
    import trafilatura

    # Not extensive: its date search guesses from any number on the page (DOIs included),
    # and the date is read below from what the page states.
    meta = trafilatura.extract_metadata(root, extensive=False)
    if meta is not None:
        draft.title = str(meta.title or "")
        draft.description = str(meta.description or "")
        draft.site = str(meta.sitename or "")
        draft.url = str(meta.url or "")
    # Only a date the page states: a guessed one (trafilatura guesses from any number
    # in the text, DOIs included) would be provenance we cannot stand behind.
    for path in (
        './/meta[@property="article:published_time"]',
        './/meta[@name="date"]',
        './/meta[@name="citation_publication_date"]',
        ".//time[@datetime]",
    ):
        found = root.find(path)
        if found is not None:
            stated = str(found.get("content") or found.get("datetime") or "")
            if re.match(r"^\d{4}(-\d{2}){0,2}", stated):
                draft.date = stated[:10]
                break
    if not draft.title:
        heading = root.find(".//h1")
        draft.title = _text(heading) if heading is not None else ""


def read_html(page: str, title: str | None) -> Draft:
    draft = Draft()
    try:
        root = lxml.html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return draft
    _metadata(page, draft, root)
    if title:
        draft.title = title
    _drop_invisible(root, draft)
    cited = _citation_links(root)
    _reference_list(root, draft, cited)
    _mark_citations(cited)
    cleaned = lxml.html.tostring(root, encoding="unicode")

    import trafilatura

    extracted = trafilatura.extract(
        cleaned,
        output_format="markdown",
        include_formatting=True,
        include_tables=True,
        include_links=False,
        include_comments=False,
        favor_recall=True,
    )
    has_structure = bool(root.find(".//h2") is not None or root.find(".//h3") is not None)
    if extracted and (not has_structure or re.search(r"^#{1,6}\s", extracted, re.M)):
        draft.extractor = "trafilatura"
        title_now = draft.title
        blocks_from_markdown(extracted, draft)
        draft.title = title_now or draft.title
        return draft

    from readability import Document

    summary = Document(cleaned).summary(html_partial=True)
    draft.extractor = "readability"
    _walk(lxml.html.fragment_fromstring(summary, create_parent="div"), draft, draft.title)
    return draft
