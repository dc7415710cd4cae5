"""noise.telegram: the furniture of a diplomatic telegram as mirrors print it.

Routing and address lines in capitals (`FM AMEMBASSY ASTANA`, `TO
RUEHC/SECSTATE WASHDC PRIORITY 1234`, `INFO ...`, lines of routing
indicators), date-time groups (`P 221545Z OCT 07`), handling captions
(`SIPDIS`, `SENSITIVE`, `E.O. 12958: N/A`, `TAGS: ...`, `UNCLAS SECTION 02 OF
03 ASTANA 001234`, `REF: ...`, `Classified By: ...`, "Not for public
Internet."). The family runs only on a page that is a telegram, by three
different signs of one; the SUBJECT line and the numbered paragraphs stay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kzx.clean.families.base import Family, Page, is_capitals, phrases

_MONTHS = "JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC"
DTG = re.compile(rf"(?:[OPRZ]{{1,2}}\s+)?[0-9]{{6}}Z\s?(?:{_MONTHS})\s?[0-9]{{2,4}}", re.IGNORECASE)
_ADDRESS = re.compile(r"(?:FM|FROM|TO|INFO|CC|XMT|DE|ZEN|ACTION)\s+\S")
_ROUTING_TOKEN = re.compile(r"(?:RUE[A-Z]{2,}|RUC[A-Z]{2,}|RHE[A-Z]{2,}|RHM[A-Z]{2,}|VZCZC[A-Z0-9]+|[A-Z]{2,}/[A-Z/ ]+|PP|RR|OO|ZZ|#?[0-9]{3,}/[0-9]{2}|[0-9]{7})")
_EO = re.compile(r"E\.?\s?O\.?\s?1[0-9]{4}\b")
_CAPTION_FIELD = re.compile(r"(?:TAGS|REF|REFS|REFTEL|REF[ A-Z]{0,3}|CLASSIFIED BY|Classified By|DERIVED FROM|DECL|PASS TO|DEPT FOR|STATE FOR|DEPARTMENT FOR)\s?:?\s", )
_CLASSIFICATION = re.compile(
    r"(?:UNCLAS|UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE|C O N F I D E N T I A L|S E C R E T)"
    r"(?:\s?//\s?[A-Z ]+)?(?:\s+(?:E F T O|EFTO|SIPDIS|NOFORN))?(?:\s+SECTION\s+[0-9]{1,2}\s+OF\s+[0-9]{1,2})?(?:\s+[A-Z]+\s+[0-9]{3,})?\s*")
_SECTION_HEADER = re.compile(r"[A-Z]+(?: [A-Z]+)? 0*[0-9]{3,8} 0*[0-9]{1,3}(?:\.[0-9])? OF 0*[0-9]{1,3}")
_ROUTED = re.compile(r"R[A-Z]{4,}/\S+")  # "RUEHAST/USOFFICE ALMATY 0123": an addressee by routing indicator
_REF_ITEM = re.compile(r"[A-Z][.)]\s?\S.{0,60}")  # "B) 08 ASTANA 2345", "B. ASTANA 1655" under a REF line
_SUBJECT = re.compile(r"(?:SUBJECT|SUBJ)\s?:", re.IGNORECASE)


@dataclass
class Telegram(Family):
    name = "noise.telegram"
    doc = "routing lines, date-time groups and handling captions of a telegram"
    signs_min: int = 3  # different signs that make a page a telegram
    line_max: int = 200  # a routing or caption line; a paragraph is longer

    def signs(self, page: Page) -> set[str]:
        found = set()
        for unit in page.units:
            text = unit.text
            if len(text) > self.line_max:
                continue
            if DTG.fullmatch(text):
                found.add("dtg")
            elif _ADDRESS.match(text) and is_capitals(text):
                found.add(text.split()[0])
            elif _EO.match(text):
                found.add("eo")
            elif text.startswith("TAGS"):
                found.add("tags")
            elif _SUBJECT.match(text):
                found.add("subject")
            elif text == "SIPDIS":
                found.add("sipdis")
            elif _CLASSIFICATION.fullmatch(text):
                found.add("classification")
        return found

    def is_furniture(self, text: str) -> bool:
        """
        >>> t = Telegram()
        >>> [t.is_furniture(x) for x in ("P 221545Z OCT 07", "FM AMEMBASSY ASTANA", "E.O. 12958: N/A",
        ...     "UNCLAS SECTION 02 OF 03 ASTANA 001234", "RUEHAST/USOFFICE ALMATY PRIORITY 0123", "SIPDIS")]
        [True, True, True, True, True, True]
        >>> [t.is_furniture(x) for x in ("SUBJECT: KAZAKHSTAN: ACTIVIST SENTENCED", "1. (SBU) Summary: On October 19, police detained him.",
        ...     "TO SUM UP", "INFORMATION FREEDOM")]
        [False, False, False, False]
        """
        if len(text) > self.line_max or _SUBJECT.match(text):
            return False
        if DTG.fullmatch(text) or _EO.match(text) or _CAPTION_FIELD.match(text):
            return True
        if phrases("telegram.txt").matches("line", text):
            return True
        if not is_capitals(text, minimum=2):
            return False
        if _CLASSIFICATION.fullmatch(text) or _SECTION_HEADER.fullmatch(text):
            return True
        tokens = text.replace(",", " ").split()
        if _ROUTED.match(text):
            return True
        if _ADDRESS.match(text) and any("/" in t or t.startswith(("AMEMBASSY", "AMCONSUL", "SECSTATE", "USMISSION", "RUE"))
                                        for t in tokens):
            return True
        routing = sum(bool(_ROUTING_TOKEN.fullmatch(t)) for t in tokens)
        return routing >= max(1, len(tokens) // 2) and routing >= 1 and any(_ROUTING_TOKEN.fullmatch(t) and t[0].isalpha() for t in tokens)

    def decide(self, page: Page) -> list[int]:
        if len(self.signs(page)) < self.signs_min:
            return []
        goes = []
        for i in page.alive():
            text = page.text(i)
            if self.is_furniture(text):
                goes.append(i)
            elif goes and _REF_ITEM.fullmatch(text) and is_capitals(text) and page.text(goes[-1]).startswith("REF"):
                goes.append(i)  # a further reference of the REF line, on a line of its own
        return goes
