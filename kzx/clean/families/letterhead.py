"""noise.letterhead: an organisation's officers, address, telephone and web
address printed above (or below) a release.

An officer line is a name (with an honorific or initials) and an office from
models/noise/letterhead.txt at its end ("Hon. Benjamin L. Cardin,
Co-Chairman"); a contact line holds telephone numbers, e-mail or web
addresses, a street or a ZIP code and is not a sentence. Both go at the
page's head or tail; officer lines also anywhere when the page has two or
more (a staff list, scattered by a PDF's columns); a block whose lines are mostly contact lines goes whole (a
publisher's sales notice).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kzx.clean.families.base import Family, Page, is_capitals, is_sentence, phrases

_PHONE = re.compile(r"(?<![0-9])(?:\+?[0-9]{1,3}[\s.-]?)?\(?[0-9]{3}\)?[\s.-]?[0-9]{3}[\s.-][0-9]{2,4}(?![0-9])")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|\[email(?:&#160;|\s)protected\]")
_WEB = re.compile(r"(?:https?://|www\.)\S+|(?<![\w@])[\w-]+\.(?:gov|org|com|net|int|kz|ru)\b(?!\.\w)", re.IGNORECASE)
_ZIP = re.compile(r"\b[A-Z]{2},? [0-9]{5}(?:-[0-9]{4})?\b")
_STREET = re.compile(r"\b[0-9]{1,5}\s(?:[NSEW]\.\s)?(?:[A-Z][\w.]*\s){1,3}(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Building|Bldg\.|Plaza|Square)|\bSuite\s#?\w+", )
_CONTACT_WORD = re.compile(r"\b(?:Tel|Phone|Fax|E-mail|Тел|Факс)\b\.?:?")
_DATE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? [0-9]{1,2}\b|\b(?:19|20)[0-9]{2}\b"
                   r"|[0-9]{1,2}[./][0-9]{1,2}[./][0-9]{2,4}")
_SIGNS = (_PHONE, _EMAIL, _WEB, _ZIP, _STREET, _CONTACT_WORD)
_NAME_TOKEN = re.compile(r"(?:Hon\.|Rep\.|Sen\.|Dr\.|Amb\.|Mr\.|Ms\.|Mrs\.|[A-ZА-ЯЁ]\.|[A-ZА-ЯЁ][\w'’-]+|[A-ZА-ЯЁ]{2,}),?|by|By|of|and|de|van|von")


def contact_signs(text: str) -> int:
    """How many pieces of contact information a line holds.

    >>> contact_signs("www.USCIRF.gov 732 N. Capitol Street, NW, Suite #A714 @USCIRF Washington, DC 20401")
    4
    >>> contact_signs("The ministry said on May 3 that 12 people were detained.")
    0
    """
    return sum(len(p.findall(text)) for p in _SIGNS)


def is_contact(text: str) -> bool:
    """A line of an address block, not a sentence that mentions an address."""
    if len(text) > 300:
        return False
    signs = contact_signs(text)
    if is_sentence(text):
        return signs >= 3
    if signs == 1 and len(text) <= 60 and (_ZIP.search(text) or _STREET.search(text)):
        return True  # "Washington, DC 20515", "234 Ford House Office Building"
    if signs == 1:  # one address: the line must be little more than it ("www.csce.gov", "Available via http://...")
        covered = sum(len(m.group()) for p in _SIGNS for m in p.finditer(text))
        return len(text) <= 40 and 2 * covered >= len(text) - text.count(" ")
    return signs >= 2


def is_officer(text: str) -> bool:
    """A name followed by an office: "Hon. Christopher H. Smith, Chairman".

    >>> [is_officer(t) for t in ("Hon. Christopher H. Smith, Chairman", "Erin D. Singshinsuk Executive Director",
    ...     "Tony Perkins By Jason Morton, Policy Analyst Chair")]
    [True, True, True]
    >>> [is_officer(t) for t in ("Office of the Director", "Chairman", "Bureau of Democracy, Human Rights, and Labor",
    ...     "The court fined the director.")]
    [False, False, False, False]
    """
    if len(text) > 90 or text.endswith((".", "!", "?")) and not text.endswith(("Jr.", "Sr.")):
        return False
    role = _ending_role(text)
    if role is None:
        return False
    head = text[:len(text) - len(role)].rstrip(" ,–-")
    tokens = head.split()
    return len(tokens) >= 2 and all(_NAME_TOKEN.fullmatch(t) for t in tokens) and sum(t[0].isupper() for t in tokens) >= 2


@lru_cache(maxsize=1)
def _roles_at_end() -> re.Pattern[str]:
    roles = sorted(phrases("letterhead.txt").entries("roles"), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(r) for r in roles) + r")$", re.IGNORECASE)


def _ending_role(text: str) -> str | None:
    """The longest office that `text` ends with."""
    match = _roles_at_end().search(text)
    return match.group() if match else None


@dataclass
class Letterhead(Family):
    name = "noise.letterhead"
    doc = "officers, address, telephone and web address of the issuing organisation"
    run_min: int = 2  # officer lines on a page that make a staff list wherever they stand
    address_signs: int = 3  # pieces of contact information that make a line an address wherever it is

    def decide(self, page: Page) -> list[int]:
        alive = page.alive()
        officer = {i for i in alive if is_officer(page.text(i))}
        contact = {i for i in alive if is_contact(page.text(i))}
        goes = set()
        for i in alive:
            if (i in officer or i in contact) and (page.in_head(i) or page.in_tail(i)):
                goes.add(i)
            elif i in contact and contact_signs(page.text(i)) >= self.address_signs:
                goes.add(i)  # web address, street and telephone together: never a sentence
        if len(officer) >= self.run_min:  # a staff list, even when a PDF's columns scatter it
            # (not a hearing's speaker headings in capitals: "STATEMENT OF HON. ..., ASSISTANT SECRETARY")
            goes.update(i for i in officer if not is_capitals(page.text(i)) or page.in_head(i) or page.in_tail(i))
        seen_blocks = set()
        for i in contact:
            block = tuple(page.block_of(i))
            if block in seen_blocks:
                continue
            seen_blocks.add(block)
            if len(block) >= 2 and 2 * sum(j in contact or j in officer for j in block) >= len(block):
                # ... all but a dateline: the release's date is the document's own.
                goes.update(j for j in block if j in alive and len(page.text(j)) <= 200 and not _DATE.search(page.text(j)))
        return sorted(goes)
