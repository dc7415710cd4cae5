"""Saved HTML pages: the main text, without the site around it.

1. Decode: a byte-order mark, else valid UTF-8 (a page that decodes as UTF-8 is
   UTF-8, whatever its <meta> says: saved pages often keep a stale
   declaration), else the declared charset, else charset-normalizer's guess.
2. Parse with lxml (it repairs malformed and truncated markup as browsers do)
   and drop the page's chrome by element, not by phrase: navigation, asides,
   forms, site header and footer, ARIA banner/navigation/search/complementary
   regions, buttons, scripts, styles. Saved pages with unclosed tags can nest the
   whole content inside a header or a menu; such an element keeps the main
   content it wraps and loses the rest.
3. Take the page's declared main content (<main>, <article>, role=main: the
   largest, when it holds a fair share of the page's text) as a document of its
   own, and let trafilatura extract its text: paragraphs, headings, list items
   and tables in reading order, entities decoded. trafilatura picks one subtree
   of a page, and on the State Department's report pages, whose sections are
   sibling elements, its own choice fails (it falls back to a single flat line of
   the whole article with the site menus in it); given the main element, it keeps
   every section. A page too short for trafilatura gets the text of its block
   elements.
4. The blocks are joined with a blank line between them, after the page's
   title (its first <h1>, else <title>) when the text does not start with it.
"""

from __future__ import annotations

import codecs
import re

import lxml.etree
import lxml.html

from kzx.formats import FormatError
from kzx.io import DecodeError, decode

# A page larger than this (inline data: images not counted) is refused, not parsed:
# saved report pages are well under 1 MB, and extraction time grows faster than
# the page (about 3 s for 4 MB of paragraphs, over a minute for 20 MB).
MAX_HTML_BYTES = 8_000_000
# A header or footer inside an article with more of its text in links than this is chrome.
MAX_LINK_SHARE = 0.5
# The main element is used when it holds at least this share of the page's text.
MIN_MAIN_SHARE = 0.3

CHROME_XPATH = (
    "//nav|//aside|//form|//header|//footer|//button|//select|//dialog|//template"
    "|//script|//style|//noscript|//iframe|//svg"
    "|//*[@role='navigation' or @role='banner' or @role='search' or @role='complementary'"
    " or @role='contentinfo' or @aria-hidden='true']"
)
MAIN_XPATH = ".//main|.//article|.//*[@role='main']"
BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "td", "th", "dt", "dd",
              "caption", "figcaption")

_META_CHARSET = re.compile(rb"<meta[^>]{0,300}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.IGNORECASE)
_INLINE_DATA = re.compile(rb"data:[a-z]{1,20}/[a-z0-9.+-]{1,40};base64,[A-Za-z0-9+/=\s]{256,}", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]{0,200}>")
_SPACES = re.compile(r"\s+")


def read_html(data: bytes) -> tuple[str, str]:
    """(main text, encoding) of a saved page."""
    size = len(data) - sum(len(m.group()) for m in _INLINE_DATA.finditer(data))
    if size > MAX_HTML_BYTES:
        raise FormatError(
            f"HTML page too large ({size / 1e6:.1f} MB without inline images; "
            f"the limit is {MAX_HTML_BYTES / 1e6:.0f} MB)"
        )
    markup, encoding = decode_html(data)
    try:
        return main_text(markup), encoding
    except RecursionError:
        raise FormatError("HTML page nested too deeply to extract its text") from None


def decode_html(data: bytes) -> tuple[str, str]:
    """The page's characters and their encoding.

    >>> decode_html('<meta charset="iso-8859-1"><p>Алматы</p>'.encode("utf-8"))[1]
    'utf-8'
    >>> decode_html('<meta charset="windows-1251"><p>Алматы</p>'.encode("cp1251"))
    ('<meta charset="windows-1251"><p>Алматы</p>', 'cp1251')
    """
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        decoded = decode(data)
        return decoded.text, decoded.encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:8192])
    if declared:
        try:
            codec = codecs.lookup(declared.group(1).decode("ascii"))
            if codec.name not in ("utf-8", "utf-16", "utf-32"):
                return data.decode(codec.name), codec.name
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        decoded = decode(data)
    except DecodeError as exc:
        raise FormatError(f"HTML page: {exc}", exc.encoding) from None
    return decoded.text, decoded.encoding


def main_text(markup: str) -> str:
    """The main text of a page's markup, blocks separated by blank lines.

    >>> page = ('<html><head><title>Site</title></head><body><header><nav><a>Home</a></nav></header>'
    ...         '<main><h1>Kazakhstan 2020</h1><p>On May 3 a court fined A&amp;B.</p>'
    ...         '<ul><li>First item</li></ul></main><footer>Contact us</footer></body></html>')
    >>> print(main_text(page))
    Kazakhstan 2020
    <BLANKLINE>
    On May 3 a court fined A&B.
    <BLANKLINE>
    - First item
    """
    markup = _XML_DECLARATION.sub("", markup, count=1)
    if not markup.strip():
        return ""
    # huge_tree: pages nested deeper than libxml2's default 256 levels (generated
    # tables) parse up to its hard limit; beyond it parsing stops, which is an error,
    # not a silently shortened text.
    parser = lxml.html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(markup, parser=parser)
    except (lxml.etree.ParserError, ValueError):  # nothing parseable: no element at all
        return ""
    limit = next((e for e in parser.error_log if e.type_name == "ERR_RESOURCE_LIMIT"), None)
    if limit is not None:
        raise FormatError(f"HTML page beyond the parser's limits: {limit.message}")
    drop_chrome(root)
    title = _page_title(root)
    content = _main_element(root)
    blocks = _extract_blocks(content)
    if title and not (blocks and _squeeze(blocks[0]).startswith(_squeeze(title))):
        if not any(_squeeze(title) == _squeeze(b) for b in blocks[:5]):
            blocks.insert(0, title)
    return "\n\n".join(blocks)


def drop_chrome(root: lxml.html.HtmlElement) -> None:
    """Remove the page's chrome elements in place; one that wraps the main content keeps only it.

    A <header> or <footer> inside an article is the article's own (its title, byline,
    date) unless it is mostly links, like a site footer that unclosed tags put there.
    """
    for element in root.xpath(CHROME_XPATH):
        if not _attached(element, root):
            continue  # inside chrome already removed
        if element.tag in ("header", "footer") and _article_part(element):
            continue
        wrapped = element.xpath(MAIN_XPATH)
        if wrapped:
            _keep_only(element, wrapped)
        else:
            element.drop_tree()


def _article_part(element) -> bool:
    if not element.xpath("ancestor::article|ancestor::main|ancestor::*[@role='main']"):
        return False
    text = _SPACES.sub("", element.text_content())
    links = sum(len(_SPACES.sub("", a.text_content())) for a in element.iter("a"))
    return bool(text) and links < MAX_LINK_SHARE * len(text)


def _attached(element, root) -> bool:
    for ancestor in element.iterancestors():
        if ancestor is root:
            return True
    return element is root


def _keep_only(element, wrapped: list) -> None:
    """Strip `element` down to the elements of `wrapped` and the path to them."""
    inner = set(wrapped)
    path = set()
    for item in wrapped:
        for ancestor in item.iterancestors():
            if ancestor is element:
                break
            path.add(ancestor)
    stack = [element]
    while stack:
        node = stack.pop()
        node.text = None
        for child in list(node):
            if child in inner:
                child.tail = None
            elif child in path:
                child.tail = None
                stack.append(child)
            else:
                node.remove(child)


def _main_element(root):
    body = root.find("body")
    body = body if body is not None else root
    candidates = root.xpath(MAIN_XPATH)
    if not candidates:
        return body
    sizes = [(len(_text_of(c)), i) for i, c in enumerate(candidates)]
    size, index = max(sizes, key=lambda s: (s[0], -s[1]))
    if size >= MIN_MAIN_SHARE * len(_text_of(body)):
        return candidates[index]
    return body


def _extract_blocks(content) -> list[str]:
    import trafilatura

    document = lxml.html.Element("html")
    lxml.etree.SubElement(document, "body").append(content)
    extracted = trafilatura.extract(
        document, include_tables=True, include_comments=False, favor_recall=True, deduplicate=False
    )
    if extracted:
        return [line.strip() for line in extracted.splitlines() if line.strip()]
    return _block_texts(content)


def _block_texts(content) -> list[str]:
    """The text of each innermost block element, or of the whole element when it has none."""
    blocks = []
    for element in content.iter(*BLOCK_TAGS):
        if any(True for _ in element.iterdescendants(*BLOCK_TAGS)):
            continue
        text = _SPACES.sub(" ", element.text_content()).strip()
        if text:
            blocks.append(text)
    if not blocks:
        text = _SPACES.sub(" ", content.text_content()).strip()
        return [text] if text else []
    return blocks


def _page_title(root) -> str:
    for path in ("//h1", "//title"):
        for element in root.xpath(path):
            text = _SPACES.sub(" ", element.text_content()).strip()
            if text:
                return text
    return ""


def _text_of(element) -> str:
    return element.text_content() if element is not None else ""


def _squeeze(text: str) -> str:
    return "".join(text.split())
