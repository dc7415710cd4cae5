"""Dependency rows -> decisions read from the parse of a trigger sentence.

Only sentences that hold a decision word are parsed (a small share of a
document), by a second, small spaCy pipeline (tok2vec, tagger and parser of the
same model) that `kzx.nlp.build_sentence_parser` loads once per process when the
pipeline file asks for it (`[outcomes] parse = true`).

The rows are spaCy DependencyMatcher patterns (models/patterns/outcomes/dependency.jsonl):
the trigger and its party node ("X and Y were sentenced": the passive subject;
"detained X": the object; "whom a court convicted": the relative pronoun; "the
conviction of X", "X's arrest"). The party node is then widened through the tree:
coordination ("X, Y, and Z"), apposition ("four prisoners, A, B and C", "his son,
Aset"), the antecedent of a relative pronoun, and the proper-noun compounds that
make a name ("local activist Zhambyl Kobeisinov"). A match is dropped under a
modal or a negation ("could be sentenced"), and inside a demand, a hypothesis or
reported speech ("asked that X be sentenced", "if convicted", "said he was arrested").

`read_doc` matches the rows (`matches`, the DependencyMatcher's semantics for the
operators the rows use) and turns a parsed Doc into plain `SyntaxMatch`es (character offsets in
the parsed text): records hold no spaCy objects. It works as well on a hand-built
parse (`Doc(vocab, words=..., heads=..., deps=..., tags=...)`), which is how the
rows are tested.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from operator import attrgetter

from kzx.extract.lexicon import load_rows

DEPENDENCY_ROWS = "outcomes/dependency.jsonl"

_RELATIVE = {"who", "whom", "that", "which"}
_PRONOUNS = {"he", "him", "she", "her", "they", "them", "his", "their"}
_BOTH = {"both"}
PARTY_WORDS = frozenset(_PRONOUNS | _BOTH)  # what a party node may be besides a name or a description
_MODALS = {"could", "may", "might", "would", "will", "shall", "should", "must", "can", "ca", "wo"}
_NEGATIONS = {"not", "n't", "never", "no"}
# Heads under which a decision is asked for, feared, denied or only reported.
_NOT_DECIDED = {
    "asked", "ask", "asking", "requested", "request", "demanded", "demand", "demanding", "sought",
    "seek", "seeking", "urged", "urge", "called", "call", "calling", "wanted", "want", "hoped", "hope",
    "threatened", "threaten", "faces", "face", "faced", "facing", "risk", "risks", "risked",
    "said", "says", "say", "claimed", "claims", "alleged", "stated", "told", "denied", "feared", "fear",
    "expected", "expect", "planned", "plan", "tried", "try", "attempted", "proposed", "recommended",
}
_RULINGS = {"ruling", "ruled", "decision", "decided", "order", "ordered", "verdict"}
_CONDITIONAL = {"if", "unless", "whether", "lest"}
_NAME_TAGS = {"NNP", "NNPS"}
# Words that make a proper-noun run an institution, not a person.
_INSTITUTION = re.compile(
    r"\b(?:court|courts|police|office|ministry|committee|department|prosecutor|prosecutors|service|agency|"
    r"government|authorities|party|union|council|parliament|administration|KNB|city|region|district)\b",
    re.IGNORECASE,
)
_OFFICIAL_WORDS = {"judge", "prosecutor", "investigator", "lawyer", "attorney"}


@dataclass(frozen=True)
class DependencyRow:
    id: str
    verdict: str
    slots: dict
    pattern: list
    example: str
    counter: str
    overrides: bool = False
    beside_surface: bool = False


@dataclass(frozen=True)
class PartySpan:
    """A stretch of the parsed text that names a party: a name or a pronoun."""

    start: int
    end: int
    kind: str  # "name", "pronoun", "phrase" ("the newspaper") or "both" (the two parties just decided about)
    text: str


@dataclass(frozen=True)
class SyntaxMatch:
    """One decision read from the tree: offsets index the parsed text."""

    rule: str
    verdict: str
    trigger: tuple[int, int]
    parties: tuple[PartySpan, ...]
    scope: tuple[int, int]  # the stretch that states its penalties and charges
    overrides: bool = False  # the tree's reading replaces a surface reading of the same trigger


@cache
def dependency_rows() -> tuple[DependencyRow, ...]:
    rows = []
    for raw in load_rows(DEPENDENCY_ROWS):
        missing = {"id", "verdict", "slots", "pattern", "example", "counter"} - raw.keys()
        if missing:
            raise ValueError(f"{DEPENDENCY_ROWS}: row {raw.get('id')!r} lacks {sorted(missing)}")
        nodes = {node["RIGHT_ID"] for node in raw["pattern"]}
        if not set(raw["slots"].values()) <= nodes:
            raise ValueError(f"{DEPENDENCY_ROWS}: row {raw['id']!r} names a slot node not in its pattern")
        rows.append(DependencyRow(raw["id"], raw["verdict"], raw["slots"], raw["pattern"],
                                  raw["example"], raw["counter"], bool(raw.get("overrides")),
                                  bool(raw.get("beside_surface"))))
    return tuple(rows)


@cache
def required_words() -> tuple[tuple[frozenset[str], ...], ...]:
    """For each row, the word sets its LOWER-constrained nodes need (one of each set)."""
    needs = []
    for row in dependency_rows():
        sets = []
        for node in row.pattern:
            lower = node["RIGHT_ATTRS"].get("LOWER")
            if lower is not None:
                sets.append(frozenset(lower["IN"] if isinstance(lower, dict) else [lower]))
        needs.append(tuple(sets))
    return tuple(needs)


def trigger_words() -> frozenset[str]:
    """The lowercase words a row's trigger node can be."""
    return frozenset(w for row in dependency_rows() for node in row.pattern if node["RIGHT_ID"] == "trigger"
                     for w in _lower_words(node))


def _lower_words(node: dict) -> list[str]:
    lower = node["RIGHT_ATTRS"].get("LOWER")
    return [] if lower is None else lower["IN"] if isinstance(lower, dict) else [lower]


_WORD = re.compile(r"[^\W\d_]+")


def possible_rows(lowered: str) -> list[DependencyRow]:
    """The rows that may match a sentence (lowercased): every word their pattern requires
    occurs. A sentence without one is not parsed."""
    words = set(_WORD.findall(lowered))
    gate = gate_words()
    if gate is not None and gate.isdisjoint(words):
        return []  # most sentences: no row's first required word
    return [row for row, needs in zip(dependency_rows(), required_words())
            if all(not alternatives.isdisjoint(words) for alternatives in needs)]


@cache
def gate_words() -> frozenset[str] | None:
    """Words one of which every row requires (None when a row requires no word)."""
    needs = required_words()
    if any(not sets for sets in needs):
        return None
    return frozenset().union(*(sets[0] for sets in needs))


def build_matcher(vocab):
    """A spaCy DependencyMatcher holding every row: checks that the rows are valid
    DependencyMatcher patterns (a malformed row fails here, naming itself); `matches`
    does the matching, faster."""
    from spacy.matcher import DependencyMatcher

    matcher = DependencyMatcher(vocab, validate=True)
    for row in dependency_rows():
        try:
            matcher.add(row.id, [row.pattern])
        except Exception as exc:
            raise ValueError(f"{DEPENDENCY_ROWS}: row {row.id!r}: {exc}") from None
    return matcher


def read_doc(doc) -> list[SyntaxMatch]:
    """The decisions the rows read in a parsed Doc, one per trigger token and verdict."""
    found: dict[tuple[int, str], SyntaxMatch] = {}
    for row, nodes in matches(doc):
        trigger = nodes["trigger"]
        if not _decided(trigger):
            continue
        parties = party_spans(trigger, nodes[row.slots["party"]])
        if not parties:
            continue
        key = (trigger.i, row.verdict)
        if key in found:
            parties = tuple(dict.fromkeys(found[key].parties + parties))
        penalty = nodes.get(row.slots.get("penalty", ""))
        scope_tokens = list(penalty.subtree) if penalty is not None else list(trigger.subtree)
        scope = (min(t.idx for t in scope_tokens), max(t.idx + len(t) for t in scope_tokens))
        found[key] = SyntaxMatch(row.id, row.verdict, (trigger.idx, trigger.idx + len(trigger)), parties, scope,
                                 row.overrides)
    return sorted(found.values(), key=lambda m: m.trigger)


def matches(doc):
    """(row, {node name: token}) for every way a row's pattern matches the Doc.

    The same semantics as spaCy's DependencyMatcher for the operators the rows use
    (">", "<", ">>", "<<") and the attributes (LOWER, DEP, TAG), without its cost: a
    row is tried only at tokens its first node's words allow.
    """
    by_word = _rows_by_first_word()
    for token in doc:
        for row in by_word.get(token.lower_, []) + by_word.get("*", []):
            if _fits(token, row.pattern[0]["RIGHT_ATTRS"]):
                yield from ((row, nodes) for nodes in _extend(row.pattern, 1, {row.pattern[0]["RIGHT_ID"]: token}))


@cache
def _rows_by_first_word() -> dict[str, list[DependencyRow]]:
    """The rows by the words their first node allows ("*": any word)."""
    by_word: dict[str, list[DependencyRow]] = {}
    for row in dependency_rows():
        for word in _lower_words(row.pattern[0]) or ["*"]:
            by_word.setdefault(word, []).append(row)
    return by_word


def _extend(pattern: list, i: int, nodes: dict):
    if i == len(pattern):
        yield dict(nodes)
        return
    node = pattern[i]
    left = nodes[node["LEFT_ID"]]
    for token in _related(left, node["REL_OP"]):
        if token in nodes.values() or not _fits(token, node["RIGHT_ATTRS"]):
            continue
        nodes[node["RIGHT_ID"]] = token
        yield from _extend(pattern, i + 1, nodes)
        del nodes[node["RIGHT_ID"]]


def _related(token, op: str):
    if op == ">":
        return list(token.children)
    if op == "<":
        return [] if token.head is token else [token.head]
    if op == ">>":
        return [t for t in token.subtree if t is not token]
    if op == "<<":
        return list(token.ancestors)
    raise ValueError(f"{DEPENDENCY_ROWS}: operator {op!r} is not supported")


_TOKEN_ATTRS = {"LOWER": attrgetter("lower_"), "DEP": attrgetter("dep_"), "TAG": attrgetter("tag_"),
                "ORTH": attrgetter("text")}


def _fits(token, attrs: dict) -> bool:
    for name, wanted in attrs.items():
        value = _TOKEN_ATTRS[name](token)
        if isinstance(wanted, dict) and value not in wanted["IN"] or isinstance(wanted, str) and value != wanted:
            return False
    return True


def _decided(trigger) -> bool:
    """False under a modal or negation, or inside a demand, a condition or reported speech."""
    # "issued a ruling that she should be placed in a hospital": the modal is the ruling's.
    ruled = trigger.dep_ in ("ccomp", "acl") and trigger.head.lower_ in _RULINGS
    for child in trigger.children:
        if child.lower_ in _MODALS and child.dep_ in ("aux", "auxpass") and not ruled:
            return False
        if child.dep_ == "neg" or child.lower_ in _NEGATIONS and child.dep_ in ("advmod", "neg", "det"):
            return False
        if child.dep_ == "mark" and child.lower_ in _CONDITIONAL:
            return False
    token = trigger
    while token.dep_ not in ("ROOT", "relcl") and token.head is not token:
        if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL for c in token.children):
            return False
        if token.dep_ in ("ccomp", "xcomp", "pcomp", "dobj", "pobj", "advcl", "conj", "acl", "prep") and \
                token.head.lower_ in _NOT_DECIDED:
            return False
        if token.dep_ == "amod" and token.head.lower_ in _NOT_DECIDED:
            return False
        token = token.head
    return True


def party_spans(trigger, node) -> tuple[PartySpan, ...]:
    """The names (or pronouns) the party node stands for, widened through the tree."""
    if node.tag_.startswith("VB"):
        node = _subject_of(node)
        if node is None:
            return ()
    if node.lower_ in _RELATIVE and trigger.dep_ == "relcl":
        node = trigger.head
    elif node is trigger.head and trigger.dep_ in ("amod", "acl"):
        pass  # "Convicted leader X", "X, convicted in 2007": the noun the participle describes
    heads = _coordinated(node)
    spans: list[PartySpan] = []
    for head in heads:
        span = _name_of(head)
        if span is not None:
            spans.append(span)
    return tuple(dict.fromkeys(spans))


def _subject_of(verb):
    """The subject of a verb, or of the verb it is coordinated with ("X was forced onto a
    plane and flown home")."""
    while True:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
        if verb.dep_ != "conj" or verb.head is verb:
            return None
        verb = verb.head


def _coordinated(node) -> list:
    """The node, its conjuncts, and their appositions ("four prisoners, A, B, and C")."""
    seen: list = []
    todo = [node]
    while todo:
        token = todo.pop()
        if token in seen:
            continue
        seen.append(token)
        conjuncts = token.conjuncts
        # "X, Y, and Z"; a list without "and"/"or" is most often a misparse ("Kozlov, Rep. Smith").
        if any(c.dep_ == "cc" for t in (token, *conjuncts) for c in t.children):
            todo.extend(conjuncts)
        # "four prisoners, A, B": a noun renamed by names; two names in apposition are a
        # misparse of a list of different people ("Kozlov, Rep. Chris Smith (NJ-04)").
        todo.extend(c for c in token.children if c.dep_ == "appos"
                    and not (token.tag_ in _NAME_TAGS and c.tag_ in _NAME_TAGS))
        if token.tag_ not in _NAME_TAGS:
            for prep in token.children:
                if prep.dep_ != "prep" or prep.lower_ not in ("including", "of", "for"):
                    continue
                for obj in prep.children:
                    if obj.dep_ != "pobj":
                        continue
                    if prep.lower_ == "including":  # "five individuals including X"
                        todo.append(obj)
                    else:  # "the head of Rome’s Immigration Office, Maurizio Improta", "spokesman for X, Y"
                        todo.extend(c for c in obj.children if c.dep_ == "appos" and c.tag_ in _NAME_TAGS)
        if token.dep_ == "appos" and token.head not in seen and token.head.tag_ not in _NAME_TAGS:
            # "his son, Aset": from the name back to the noun it renames, for that noun's conjuncts
            todo.append(token.head)
    return sorted(seen, key=lambda t: t.i)


def _name_of(token) -> PartySpan | None:
    doc = token.doc
    if token.lower_ in _PRONOUNS and token.tag_ in ("PRP", "PRP$", ""):
        return PartySpan(token.idx, token.idx + len(token), "pronoun", token.lower_)
    if token.lower_ in _BOTH and not any(c.dep_ == "prep" for c in token.children):
        # "Both were charged with ...": the group just named, as "they" ("both of them" is not)
        return PartySpan(token.idx, token.idx + len(token), "both", "both")
    if token.tag_ not in _NAME_TAGS:
        # "local activist Zhambyl Kobeisinov" parses with the name as head; "leader Larisa
        # Kharkova" sometimes with the role word as a compound of the name.
        if token.dep_ == "compound" and token.head.tag_ in _NAME_TAGS:
            return _name_of(token.head)
        if token.tag_ in ("NN", "NNS") and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            # "the court fined the newspaper", "the blogger was detained": a description the
            # discourse resolves to the outlet or person it points back to
            first = min(c.i for c in token.children if c.dep_ in ("det", "amod", "compound") and c.i < token.i)
            words = doc[first : token.i + 1]
            return PartySpan(words.start_char, words.end_char, "phrase", words.text)
        return None
    first = token.i
    while first > 0 and doc[first - 1].tag_ in _NAME_TAGS and doc[first - 1].head.i in (token.i, first) \
            and doc[first - 1].dep_ in ("compound", "flat", "nmod"):
        first -= 1
    words = doc[first : token.i + 1]
    text = words.text
    if _INSTITUTION.search(text) or words[0].lower_ in _OFFICIAL_WORDS:
        return None
    if first > 0 and doc[first - 1].lower_ in _OFFICIAL_WORDS:
        return None  # "Judge Aliya Bekova": the decider, not the party
    return PartySpan(words.start_char, words.end_char, "name", text)


SentenceParser = Callable[[Sequence[str]], list[list[SyntaxMatch]]]
