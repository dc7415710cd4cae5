"""Dependency rows (kzx.extract.outcomes.syntax) on hand-built parses, not model output.

Each family has sentences it must read and counter-examples that must give nothing.
A parse is written one token a line: word, tag, dependency, index of the head.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
import spacy

from kzx.extract.outcomes import OutcomeReader, find_outcomes, read_outcomes
from kzx.extract.outcomes.syntax import (PartySpan, SyntaxMatch, build_matcher, dependency_rows, matches,
                                         possible_rows, read_doc, trigger_words)
from kzx.records import Entity

VOCAB = spacy.blank("en").vocab
MATCHER = build_matcher(VOCAB)


def parsed(table: str) -> Doc:
    rows = [line.split() for line in table.strip().splitlines()]
    return Doc(VOCAB, words=[r[0] for r in rows], tags=[r[1] for r in rows], deps=[r[2] for r in rows],
               heads=[int(r[3]) for r in rows])


def read(table: str) -> set[tuple[str, str]]:
    return {(m.verdict, p.text) for m in read_doc(parsed(table)) for p in m.parties}


# ---------------------------------------------------------------- families

COORDINATED_PASSIVE = """
Stefano NNP compound 1
Leoni NNP nsubjpass 6
and CC cc 1
Vincenzo NNP compound 4
Tramma NNP conj 1
were VBD auxpass 6
sentenced VBN ROOT 6
to IN prep 6
four CD nummod 9
years NNS pobj 7
. . punct 6
"""

RELATIVE_CLAUSE_IN_APPOSITION = """
Authorities NNS nsubj 1
freed VBD ROOT 1
four CD nummod 4
political JJ amod 4
prisoners NNS dobj 1
, , punct 4
Abai NNP compound 7
Begimbetov NNP appos 4
, , punct 7
Kairat NNP compound 10
Klyshev NNP conj 7
, , punct 10
and CC cc 10
Askhat NNP compound 14
Zheksebayev NNP conj 10
, , punct 14
whom WP dobj 19
a DT det 18
court NN nsubj 19
convicted VBD relcl 14
in IN prep 19
October NNP pobj 20
. . punct 1
"""

SERVING = """
Zhovtis NNP nsubj 2
is VBZ aux 2
serving VBG ROOT 2
a DT det 7
four CD nummod 6
- HYPH punct 6
year NN compound 7
sentence NN dobj 2
for IN prep 7
manslaughter NN pobj 8
. . punct 2
"""

ATTRIBUTIVE = """
Convicted VBN amod 3
labor NN compound 2
union NN compound 3
leader NN compound 5
Larisa NNP compound 5
Kharkova NNP nsubj 6
remained VBD ROOT 6
at IN prep 6
home NN pobj 7
. . punct 6
"""

GIVEN_RESPECTIVELY = """
Leoni NNP nsubjpass 4
and CC cc 0
Tramma NNP conj 0
were VBD auxpass 4
given VBN ROOT 4
three CD nummod 6
years NNS dobj 4
and CC cc 6
four CD nummod 9
years NNS conj 6
, , punct 4
respectively RB advmod 4
. . punct 4
"""

NOMINAL_OF = """
They PRP nsubj 1
protested VBD ROOT 1
the DT det 3
conviction NN dobj 1
of IN prep 3
activist NN compound 7
Zhambyl NNP compound 7
Kobeisinov NNP pobj 4
. . punct 1
"""

OBJECT_WITH_JUDGE = """
Judge NNP compound 2
Aliya NNP compound 2
Bekova NNP nsubj 3
sentenced VBD ROOT 3
Nurlan NNP compound 5
Alimov NNP dobj 3
to IN prep 3
prison NN pobj 6
. . punct 3
"""

READS = [
    (COORDINATED_PASSIVE, {("sentenced", "Stefano Leoni"), ("sentenced", "Vincenzo Tramma")}),
    (RELATIVE_CLAUSE_IN_APPOSITION, {("convicted", "Abai Begimbetov"), ("convicted", "Kairat Klyshev"),
                                     ("convicted", "Askhat Zheksebayev"), ("released", "Abai Begimbetov"),
                                     ("released", "Kairat Klyshev"), ("released", "Askhat Zheksebayev")}),
    (SERVING, {("convicted", "Zhovtis")}),
    (ATTRIBUTIVE, {("convicted", "Larisa Kharkova")}),
    (GIVEN_RESPECTIVELY, {("sentenced", "Leoni"), ("sentenced", "Tramma")}),
    (NOMINAL_OF, {("convicted", "Zhambyl Kobeisinov")}),
    (OBJECT_WITH_JUDGE, {("sentenced", "Nurlan Alimov")}),  # the judge is the decider, not the party
]

ARRESTED_ON_CHARGES = """
Seitkazy NNP compound 1
Matayev NNP nsubjpass 3
was VBD auxpass 3
arrested VBN ROOT 3
in IN prep 3
Almaty NNP pobj 4
on IN prep 3
charges NNS pobj 6
of IN prep 7
tax NN compound 10
evasion NN pobj 8
. . punct 3
"""

REPLACED_TERM = """
a DT det 1
court NN nsubj 2
replaced VBD ROOT 2
Narymbayev NNP poss 5
’s POS case 3
term NN dobj 2
with IN prep 2
restriction NN pobj 6
. . punct 2
"""

SHARED_SUBJECT = """
he PRP nsubj 1
agreed VBD ROOT 1
to IN prep 1
a DT det 4
bargain NN pobj 2
and CC cc 1
was VBD auxpass 7
sentenced VBN conj 1
. . punct 1
"""

INCLUDING = """
a DT det 1
court NN nsubj 2
sentenced VBD ROOT 2
five CD nummod 4
individuals NNS dobj 2
including VBG prep 4
Baurzhan NNP compound 7
Mairikhov NNP pobj 5
to IN prep 2
prison NN pobj 8
. . punct 2
"""

RULING_THAT = """
the DT det 1
court NN nsubj 2
issued VBD ROOT 2
a DT det 4
ruling NN dobj 2
that IN mark 10
Ardak NNP compound 7
Ashim NNP nsubjpass 10
should MD aux 10
be VB auxpass 10
placed VBN acl 4
in IN prep 10
a DT det 13
hospital NN pobj 11
. . punct 2
"""

SERVED_PART = """
Zhovtis NNP nsubj 2
had VBD aux 2
served VBN ROOT 2
two CD nummod 4
years NNS dobj 2
of IN prep 4
a DT det 7
sentence NN pobj 5
. . punct 2
"""

ACCUSED_PASSIVE = """
Duman NNP compound 1
Mukhammedkarim NNP nsubjpass 3
was VBD auxpass 3
accused VBN ROOT 3
of IN prep 3
extremism NN pobj 4
. . punct 3
"""

ARRESTED_FOR_DAYS = """
Bekzat NNP compound 1
Maksutkhan NNP nsubjpass 3
was VBD auxpass 3
arrested VBN ROOT 3
for IN prep 3
15 CD nummod 6
days NNS pobj 4
. . punct 3
"""

SUIT_DISMISSED = """
The DT det 1
court NN nsubj 2
dismissed VBD ROOT 2
Kakimzhanov NNP poss 5
's POS case 3
lawsuit NN dobj 2
against IN prep 5
the DT det 8
newspaper NN pobj 6
. . punct 2
"""

SUIT_UPHELD_AGAINST = """
The DT det 1
court NN nsubj 2
upheld VBD ROOT 2
the DT det 4
lawsuit NN dobj 2
filed VBN acl 4
against IN prep 5
Aigul NNP compound 8
Nurlanova NNP pobj 6
. . punct 2
"""

ORDERED_TO_PAY = """
Aigul NNP compound 1
Nurlanova NNP nsubjpass 3
was VBD auxpass 3
ordered VBN ROOT 3
to TO aux 5
pay VB xcomp 3
damages NNS dobj 5
. . punct 3
"""

FINED_THE_NEWSPAPER = """
a DT det 1
court NN nsubj 2
fined VBD ROOT 2
the DT det 4
newspaper NN dobj 2
. . punct 2
"""

READS += [
    (FINED_THE_NEWSPAPER, {("fined", "the newspaper")}),
    (SUIT_DISMISSED, {("suit_dismissed", "Kakimzhanov")}),
    (SUIT_UPHELD_AGAINST, {("suit_upheld", "Aigul Nurlanova")}),
    (ORDERED_TO_PAY, {("suit_upheld", "Aigul Nurlanova")}),
    (ARRESTED_ON_CHARGES, {("arrested", "Seitkazy Matayev"), ("charged", "Seitkazy Matayev")}),
    (REPLACED_TERM, {("sentence_reduced", "Narymbayev")}),
    (SHARED_SUBJECT, {("sentenced", "he")}),
    (INCLUDING, {("sentenced", "Baurzhan Mairikhov")}),
    (RULING_THAT, {("detained", "Ardak Ashim")}),
    (SERVED_PART, {("convicted", "Zhovtis")}),
    (ACCUSED_PASSIVE, {("charged", "Duman Mukhammedkarim")}),
    (ARRESTED_FOR_DAYS, {("arrested", "Bekzat Maksutkhan"), ("sentenced", "Bekzat Maksutkhan")}),
]


@pytest.mark.parametrize("table,expected", READS, ids=[f"reads-{i}" for i in range(len(READS))])
def test_rows_read_the_party_through_the_tree(table, expected):
    assert read(table) == expected


# ---------------------------------------------------------------- counter-examples

MODAL = """
Leoni NNP nsubjpass 3
could MD aux 3
be VB auxpass 3
sentenced VBN ROOT 3
. . punct 3
"""

DEMAND = """
Prosecutors NNS nsubj 1
asked VBD ROOT 1
that IN mark 5
Leoni NNP nsubjpass 5
be VB auxpass 5
sentenced VBN ccomp 1
. . punct 1
"""

CONDITION = """
If IN mark 1
convicted VBN advcl 4
, , punct 4
Improta NNP nsubj 4
faces VBZ ROOT 4
prison NN dobj 4
. . punct 4
"""

NEGATED = """
Mamay NNP nsubjpass 3
was VBD auxpass 3
not RB neg 3
detained VBN ROOT 3
. . punct 3
"""

REPORTED = """
Mamay NNP nsubj 1
said VBD ROOT 1
he PRP nsubjpass 4
was VBD auxpass 4
arrested VBN ccomp 1
. . punct 1
"""

UNNAMED = """
Five CD nummod 1
activists NNS nsubjpass 3
were VBD auxpass 3
detained VBN ROOT 3
. . punct 3
"""

STATUTORY_MAXIMUM = """
Insult NN nsubj 1
is VBZ ROOT 1
punishable JJ acomp 1
by IN prep 2
up IN quantmod 6
to IN quantmod 6
five CD nummod 7
years NNS pobj 3
. . punct 1
"""

GIVEN_NO_SENTENCE = """
Leoni NNP nsubjpass 2
was VBD auxpass 2
given VBN ROOT 2
a DT det 4
warning NN dobj 2
. . punct 2
"""

SERVED_AS = """
Zhovtis NNP nsubj 1
served VBD ROOT 1
as IN prep 1
chairman NN pobj 2
. . punct 1
"""

COUNTERS = {
    "modal": MODAL, "demand": DEMAND, "condition": CONDITION, "negated": NEGATED,
    "reported speech": REPORTED, "unnamed people": UNNAMED, "statutory maximum": STATUTORY_MAXIMUM,
    "given no sentence": GIVEN_NO_SENTENCE, "served as": SERVED_AS,
}

ACCUSED_BY_A_PERSON = """
Duvanov NNP nsubj 1
accused VBD ROOT 1
Nurlan NNP compound 3
Alimov NNP dobj 1
of IN prep 1
lying NN pobj 4
. . punct 1
"""

FEARED_HOSPITAL = """
Ashim NNP nsubj 1
feared VBD ROOT 1
she PRP nsubjpass 5
would MD aux 5
be VB auxpass 5
placed VBN ccomp 1
in IN prep 5
a DT det 8
hospital NN pobj 6
. . punct 1
"""

ASKED_TO_REPLACE = """
lawyers NNS nsubj 1
asked VBD ROOT 1
the DT det 3
court NN dobj 1
to TO aux 5
replace VB xcomp 1
Narymbayev NNP poss 8
’s POS case 6
term NN dobj 5
. . punct 1
"""

SUIT_FILED = """
Kakimzhanov NNP nsubj 1
filed VBD ROOT 1
a DT det 3
lawsuit NN dobj 1
against IN prep 3
Aigul NNP compound 6
Nurlanova NNP pobj 4
. . punct 1
"""

DISMISSED_AGAINST = """
The DT det 1
court NN nsubj 2
dismissed VBD ROOT 2
the DT det 4
lawsuit NN dobj 2
against IN prep 4
Aigul NNP compound 7
Nurlanova NNP pobj 5
. . punct 2
"""

COUNTERS.update({"suit filed, not decided": SUIT_FILED, "dismissed suit against a winner": DISMISSED_AGAINST})
COUNTERS.update({"accused by a person": ACCUSED_BY_A_PERSON, "feared placement": FEARED_HOSPITAL,
                 "asked to replace": ASKED_TO_REPLACE})


@pytest.mark.parametrize("name", list(COUNTERS))
def test_counter_examples_give_nothing(name):
    assert read(COUNTERS[name]) == set()


# ---------------------------------------------------------------- rows as data

@pytest.mark.parametrize("table", [t for t, _ in READS] + list(COUNTERS.values()))
def test_rows_match_as_spacys_dependency_matcher_does(table):
    doc = parsed(table)
    rows = {row.id: row for row in dependency_rows()}
    spacy_matches = {(VOCAB.strings[match_id], tuple(ids)) for match_id, ids in MATCHER(doc)}
    ours = {(row.id, tuple(nodes[n["RIGHT_ID"]].i for n in row.pattern)) for row, nodes in matches(doc)}
    assert ours == spacy_matches and all(r in rows for r, _ in ours)


def test_dependency_rows_are_well_formed():
    rows = dependency_rows()
    assert len({row.id for row in rows}) == len(rows)
    for row in rows:
        assert row.example and row.counter, row.id
        assert "party" in row.slots and row.pattern[0]["RIGHT_ID"] in ("trigger", "party"), row.id
        assert any(node["RIGHT_ID"] == "trigger" for node in row.pattern), row.id
    assert {"sentenced", "convicted", "serving", "conviction"} <= trigger_words()


# ---------------------------------------------------------------- the frame reads syntax matches

SENTENCE = "Authorities detained Zhanbolat Mamay on February 26."


def fake_parse(texts):
    return [[SyntaxMatch("detained-object", "detained", (12, 20),
                         (PartySpan(21, 36, "name", "Zhanbolat Mamay"),), (0, len(t)))] for t in texts]


def test_a_name_the_ner_took_for_a_place_is_a_party_through_the_parse():
    place = [Entity(label="GPE", text="Zhanbolat Mamay", start=21, end=36)]
    without = find_outcomes(SENTENCE, [(0, len(SENTENCE))], place, [], [])
    read_with = read_outcomes(SENTENCE, [(0, len(SENTENCE))], place, [], [], fake_parse)
    assert without == []
    assert [(o.person, o.verdict) for o, _ in read_with] == [("Zhanbolat Mamay", "detained")]
    assert read_with[0][1] == ["syntax:detained-object"]


def test_an_organisation_is_no_party_through_the_parse():
    org = [Entity(label="ORG", text="Zhanbolat Mamay", start=21, end=36)]
    assert find_outcomes(SENTENCE, [(0, len(SENTENCE))], org, [], [], fake_parse) == []


def test_an_administrative_arrest_read_by_the_tree_replaces_the_surface_arrest():
    text = "Bekzat Maksutkhan was arrested for 15 days."
    person = [Entity(label="PERSON", text="Bekzat Maksutkhan", start=0, end=17)]

    def parse(texts):
        return [[SyntaxMatch("sentenced-arrested-for-days", "sentenced", (22, 30),
                             (PartySpan(0, 17, "name", "Bekzat Maksutkhan"),), (31, 42), overrides=True)]]

    surface = find_outcomes(text, [(0, len(text))], person, [], [])
    both = find_outcomes(text, [(0, len(text))], person, [], [], parse)
    assert [o.verdict for o in surface] == ["arrested"]
    assert [(o.verdict, [(p.kind, p.duration) for p in o.penalties]) for o in both] == [("sentenced", [("prison", "P15D")])]


def test_both_stands_for_the_two_people_just_decided_about():
    text = ("Abzal Dostiyarov was jailed for 20 days, while Bekzat Maksutkhan was jailed for 15 days. "
            "Both were charged with violating the law on assemblies.")
    people = [Entity(label="PERSON", text="Abzal Dostiyarov", start=0, end=16),
              Entity(label="PERSON", text="Bekzat Maksutkhan", start=47, end=64)]
    both_at = text.index("Both")
    first = text.index(".") + 1

    def parse(texts):
        return [[SyntaxMatch("charged-passive", "charged", (10, 17), (PartySpan(0, 4, "both", "both"),),
                             (0, len(t)))] if t.strip().startswith("Both") else [] for t in texts]

    charged = [o.person for o in find_outcomes(text, [(0, first), (first + 1, len(text))], people, [], [], parse)
               if o.verdict == "charged"]
    assert both_at > first and charged == ["Abzal Dostiyarov", "Bekzat Maksutkhan"]


def test_kzx_show_explain_names_the_row_that_read_each_outcome():
    from kzx.show import outcome_table, readings_of

    text = SENTENCE
    place = [Entity(label="GPE", text="Zhanbolat Mamay", start=21, end=36)]
    outcomes = find_outcomes(text, [(0, len(text))], place, [], [], fake_parse)
    record = {"text": text, "sentences": [{"start": 0, "end": len(text)}],
              "entities": [e.model_dump() for e in place], "dates": [], "money": [],
              "outcomes": [o.model_dump() for o in outcomes]}
    readings = readings_of(record, fake_parse)
    assert readings == ["syntax:detained-object"]
    assert readings_of(record) == [""]  # re-read without the parse: no such outcome
    assert [c.header for c in outcome_table(record, readings).columns][-1] == "read by"


def test_a_description_in_the_tree_points_back_to_the_outlet_named_before():
    from kzx.extract.outcomes.frame import Reader

    text = ("The newspaper Uralskaya Nedelya published the article in March. "
            "On May 5, a court fined the newspaper 100,000 tenge.")
    second = text.index("On May")
    at = text.index("the newspaper", second)
    reader = Reader(text, [(0, second - 1), (second, len(text))], [], [], [])
    reader.read()
    match = SyntaxMatch("fined-object", "fined", (at - 6, at - 1), (PartySpan(at, at + 13, "phrase", "the newspaper"),),
                        (second, len(text)))
    parties, _ = reader._syntax_parties(match)
    assert [(p.name, p.kind) for p in parties] == [("Uralskaya Nedelya", "outlet")]


# ---------------------------------------------------------------- which sentences are parsed

@pytest.mark.parametrize("sentence,persons", [
    ("Eighteen persons were convicted of belonging to a banned group.", []),
    ("Authorities often briefly detained and fined organizers of unsanctioned gatherings.", []),
    ("The law penalizes insults with imprisonment for up to five years if convicted.", []),
    ("Police arrested five protesters in Almaty.", [Entity(label="GPE", text="Almaty", start=34, end=40)]),
])
def test_a_decision_sentence_without_anything_a_party_could_be_is_not_parsed(sentence, persons):
    assert OutcomeReader(sentence, [(0, len(sentence))], persons, [], []).to_parse() == []


@pytest.mark.parametrize("sentence,persons", [
    ("Police arrested Max Bokayev in Atyrau.", [Entity(label="PERSON", text="Max Bokayev", start=16, end=27)]),
    ("His prison term was replaced with a one-year restriction of freedom.", []),  # a possessive
    ("On July 12, the court suspended her sentence.", []),
    ("Both were charged with violating the law on assemblies.", []),
    (SENTENCE, [Entity(label="GPE", text="Zhanbolat Mamay", start=21, end=36)]),  # a name taken for a place
    ("The newspaper closed in June after Mamay’s arrest.", []),  # a surname, possessive
])
def test_a_decision_sentence_naming_a_possible_party_is_parsed(sentence, persons):
    assert OutcomeReader(sentence, [(0, len(sentence))], persons, [], []).to_parse() == [sentence]


def test_a_name_inside_an_organisation_is_no_reason_to_parse():
    sentence = "The Kazakhstan International Bureau was fined."
    org = [Entity(label="ORG", text="Kazakhstan International Bureau", start=4, end=35)]
    assert OutcomeReader(sentence, [(0, len(sentence))], org, [], []).to_parse() == []


@pytest.mark.parametrize("row", dependency_rows(), ids=lambda row: row.id)
def test_each_rows_own_example_is_a_sentence_worth_parsing_for_it(row):
    assert row in possible_rows(row.example.lower())


def test_a_sentence_without_a_decision_word_is_worth_no_parse():
    assert possible_rows("the law requires public associations to define their activities.") == []
