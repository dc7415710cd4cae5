"""Court outcome extraction (kzx.extract.outcomes) on hand-made mentions.

Sentences are of our own making in the style of the reports (State Department,
Forum 18, RFE/RL, HRW, Adil Soz), grouped by family, each family with its
counter-examples. A new trigger or charge is a line in models/patterns/ plus a
row here.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzx.extract.lexicon import PATTERNS_DIR, check_linear, load_rows
from kzx.extract.outcomes import find_outcomes, shift_date
from kzx.extract.outcomes.discourse import Canon
from kzx.records import DateMention, Entity, MoneyMention, Outcome, Penalty

# ---------------------------------------------------------------- helpers


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Rough sentences: a stop before white space and a capital, or a newline."""
    spans, start = [], 0
    for match in re.finditer(r"[.!?][”\"’]?(?=\s+[A-Z“\"])|\n", text):
        spans.append((start, match.end()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def mentions(text, persons=(), orgs=(), dates=None, money=None):
    """Entities, dates and money located in `text` as the other extractors would give them."""
    canon = Canon([p for p in persons if " " in p] + list(persons))
    entities, taken = [], []
    for name in sorted(set(persons), key=len, reverse=True):
        for match in re.finditer(re.escape(name), text):
            a, b = match.span()
            if not any(a < y and x < b for x, y in taken):
                entities.append(Entity(label="PERSON", text=name, start=a, end=b, canonical=canon(name)))
                taken.append((a, b))
    for name in orgs:
        for match in re.finditer(re.escape(name), text):
            entities.append(Entity(label="ORG", text=name, start=match.start(), end=match.end()))
    date_mentions = []
    for written, value in (dates or {}).items():
        start = text.index(written)
        granularity = {2: "day", 1: "month", 0: "year"}[value.count("-")]
        date_mentions.append(DateMention(text=written, start=start, end=start + len(written), value=value,
                                         granularity=granularity, year_source="text"))
    money_mentions = []
    for written, (amount, currency) in (money or {}).items():
        start = text.index(written)
        money_mentions.append(MoneyMention(text=written, start=start, end=start + len(written),
                                           amount=Decimal(str(amount)), currency=currency))
    entities.sort(key=lambda e: e.start)
    return entities, date_mentions, money_mentions


def extract(text, persons=(), orgs=(), dates=None, money=None) -> list[Outcome]:
    entities, date_mentions, money_mentions = mentions(text, persons, orgs, dates, money)
    return find_outcomes(text, sentence_spans(text), entities, date_mentions, money_mentions)


def verdict_key(verdict: str) -> str:
    """The scorer counts a conviction and its sentence as one verdict."""
    return "convicted" if verdict == "sentenced" else verdict


@dataclass
class Case:
    text: str
    expect: list[tuple] = field(default_factory=list)  # (person, verdict[, {field: value}])
    persons: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()
    dates: dict[str, str] = field(default_factory=dict)
    money: dict[str, tuple] = field(default_factory=dict)


def check(case: Case) -> None:
    outcomes = extract(case.text, case.persons, case.orgs, case.dates, case.money)
    got = sorted((o.person, verdict_key(o.verdict)) for o in outcomes)
    want = sorted((e[0], verdict_key(e[1])) for e in case.expect)
    assert got == want, [o.model_dump(exclude={"evidence"}) for o in outcomes]
    seen: dict[tuple, int] = {}
    for expected in case.expect:
        key = (expected[0], verdict_key(expected[1]))
        same = [o for o in outcomes if (o.person, verdict_key(o.verdict)) == key]
        outcome = same[seen.get(key, 0)]  # the n-th expectation of a key is its n-th outcome
        seen[key] = seen.get(key, 0) + 1
        if len(expected) < 3:
            continue
        for key, value in expected[2].items():
            if key == "penalties":
                actual = sorted((p.kind, p.duration or (str(p.amount) if p.amount is not None else None))
                                for p in outcome.penalties)
                assert actual == sorted(value), (key, outcome)
            else:
                assert getattr(outcome, key) == value, (key, outcome)
    for outcome in outcomes:
        assert case.text[outcome.evidence.start : outcome.evidence.end] == outcome.evidence.text


def cases(*rows: Case):
    return pytest.mark.parametrize("case", rows, ids=[row.text[:60] for row in rows])


# ---------------------------------------------------------------- convictions and sentences


@cases(
    Case("On March 5, the Almaty City Court sentenced activist Max Bokayev to five years in prison for inciting "
         "social discord.",
         [("Max Bokayev", "sentenced", {"date": "XXXX-03-05", "court": "Almaty City Court",
                                        "charges": ["inciting social discord"], "penalties": [("prison", "P5Y")]})],
         persons=("Max Bokayev",), dates={"March 5": "XXXX-03-05"}),
    Case("In November 2016, a court in Atyrau convicted Max Bokayev and Talgat Ayan of inciting social discord "
         "and sentenced them to five years in prison.",
         [("Max Bokayev", "convicted", {"penalties": [("prison", "P5Y")], "court": "court in Atyrau"}),
          ("Talgat Ayan", "convicted", {"penalties": [("prison", "P5Y")], "date": "2016-11"})],
         persons=("Max Bokayev", "Talgat Ayan"), dates={"November 2016": "2016-11"}),
    Case("Journalist Seitkazy Matayev was sentenced to six years in prison on charges of embezzlement and tax "
         "evasion.",
         [("Seitkazy Matayev", "sentenced", {"charges": ["embezzlement", "tax evasion"],
                                             "penalties": [("prison", "P6Y")]})],
         persons=("Seitkazy Matayev",)),
    Case("Kozlov was sentenced to 7 ½ years in prison and confiscation of property, while his codefendants "
         "Akzhanat Aminov and Serik Sapargali received suspended sentences.",
         [("Kozlov", "sentenced", {"penalties": [("prison", "P7Y6M"), ("confiscation", None)]}),
          ("Akzhanat Aminov", "sentenced", {"penalties": [("probation", None)]}),
          ("Serik Sapargali", "sentenced", {"penalties": [("probation", None)]})],
         persons=("Kozlov", "Akzhanat Aminov", "Serik Sapargali")),
    Case("In September, a court in Shymkent handed Muratbek Tungishbayev a three-year suspended sentence.",
         [("Muratbek Tungishbayev", "sentenced", {"penalties": [("probation", "P3Y")], "date": "XXXX-09"})],
         persons=("Muratbek Tungishbayev",), dates={"September": "XXXX-09"}),
    Case("A court in Taraz sentenced Baptist pastor Bakhytzhan Kashkumbayev to four years' probation.",
         [("Bakhytzhan Kashkumbayev", "sentenced", {"penalties": [("probation", "P4Y")]})],
         persons=("Bakhytzhan Kashkumbayev",)),
    Case("Zhanbolat Mamay was sentenced to three years of restricted freedom and banned from journalism for "
         "three years.",
         [("Zhanbolat Mamay", "sentenced", {"penalties": [("restriction_of_freedom", "P3Y"),
                                                            ("activity_ban", "P3Y")]})],
         persons=("Zhanbolat Mamay",)),
    Case("Aron Atabek received an 18-year prison sentence in 2007.",
         [("Aron Atabek", "sentenced", {"penalties": [("prison", "P18Y")], "date": "2007"})],
         persons=("Aron Atabek",), dates={"2007": "2007"}),
    Case("Mukhammedkarim was handed a seven-year prison term.",
         [("Mukhammedkarim", "sentenced", {"penalties": [("prison", "P7Y")]})], persons=("Mukhammedkarim",)),
    Case("On 26 November, Almaty's Medeu District Court jailed Baptist Yklas Kabduakasov for two years for "
         "\"inciting religious discord\".",
         [("Yklas Kabduakasov", "sentenced", {"penalties": [("prison", "P2Y")], "date": "XXXX-11-26",
                                              "charges": ["inciting religious discord"]})],
         persons=("Yklas Kabduakasov",), dates={"26 November": "XXXX-11-26"}),
    Case("Max Bokayev and Talgat Ayan were each sentenced to five years in prison.",
         [("Max Bokayev", "sentenced"), ("Talgat Ayan", "sentenced")], persons=("Max Bokayev", "Talgat Ayan")),
    Case("A court in Almaty sentenced opposition activists Marat Zhylanbayev and Nurzhan Mukhammedov to seven "
         "years and two years respectively.",
         [("Marat Zhylanbayev", "sentenced", {"penalties": [("prison", "P7Y")]}),
          ("Nurzhan Mukhammedov", "sentenced", {"penalties": [("prison", "P2Y")]})],
         persons=("Marat Zhylanbayev", "Nurzhan Mukhammedov")),
    Case("Vadim Kuramshin, sentenced to 12 years in 2012, remains in prison.",
         [("Vadim Kuramshin", "sentenced", {"date": "2012", "penalties": [("prison", "P12Y")]})],
         persons=("Vadim Kuramshin",), dates={"2012": "2012"}),
    Case("Taraz City Court Number 2 had previously convicted Uzhanov in September 2011 of practicing "
         "psychotherapy without registration after a parishioner complained.",
         [("Yerzhan Ushanov", "convicted", {"date": "2011-09", "court": "Taraz City Court Number 2",
                                            "charges": ["practicing psychotherapy without registration"]})],
         persons=("Yerzhan Ushanov", "Uzhanov"), dates={"September 2011": "2011-09"}),
    Case("The Supreme Court upheld the conviction of opposition politician Vladimir Kozlov.",
         [("Vladimir Kozlov", "convicted", {"court": "Supreme Court"})], persons=("Vladimir Kozlov",)),
    # An appeal rejected leaves the decision standing: no new conviction, and the decision keeps its date.
    Case("Kozlov was sentenced to seven years in October. In November the Supreme Court rejected Kozlov's appeal.",
         [("Kozlov", "sentenced", {"date": "XXXX-10", "penalties": [("prison", "P7Y")], "court": None})],
         persons=("Kozlov",), dates={"October": "XXXX-10", "November": "XXXX-11"}),
)
def test_convictions_and_sentences(case):
    check(case)


@cases(
    # "sentenced X to A and Y to B": each party its own penalty.
    Case("The Almalinskii District Court in Almaty sentenced Narymbaev to three years in prison and Mambetalin to "
         "two years and barred both from civic activities for five years.",
         [("Narymbaev", "sentenced", {"penalties": [("prison", "P3Y"), ("activity_ban", "P5Y")]}),
          ("Mambetalin", "sentenced", {"penalties": [("prison", "P2Y"), ("activity_ban", "P5Y")]})],
         persons=("Narymbaev", "Mambetalin")),
    Case("The Petropavl City Court on November 2 also barred Nurbol Onerkhan from taking part in any social or "
         "political activity.",
         [("Nurbol Onerkhan", "sentenced", {"penalties": [("activity_ban", None)], "date": "XXXX-11-02",
                                            "court": "Petropavl City Court"})],
         persons=("Nurbol Onerkhan",), dates={"November 2": "XXXX-11-02"}),
    # The ban told in a later paragraph belongs to the same conviction.
    Case("The Saryarqa district court sentenced Alia Zhaqypova on August 11 after finding her guilty of "
         "distributing videos.\n\nZhaqypova was also banned from taking part in public events and expressing her "
         "views on the Internet for three years.",
         [("Alia Zhaqypova", "sentenced", {"date": "XXXX-08-11", "penalties": [("activity_ban", "P3Y")]})],
         persons=("Alia Zhaqypova", "Zhaqypova"), dates={"August 11": "XXXX-08-11"}),
    Case("Trade union activists Amin Eleusinov and Nurbek Kushakbayev have been put in prison.",
         [("Amin Eleusinov", "sentenced", {"penalties": [("prison", None)]}),
          ("Nurbek Kushakbayev", "sentenced", {"penalties": [("prison", None)]})],
         persons=("Amin Eleusinov", "Nurbek Kushakbayev")),
    Case("The day before, a court in Turkistan sent activist Sabit Syzdyqbek to prison for violating the "
         "sentence he was handed in March.",
         [("Sabit Syzdyqbek", "sentenced", {"date": None, "court": "court in Turkistan"})],
         persons=("Sabit Syzdyqbek",), dates={"March": "XXXX-03"}),
    # A name the NER missed after the full name was given.
    Case("A court in Almaty found Ulasbek Akhmetov guilty in August.\n\nAkhmetov was initially sentenced on "
         "August 31 to two years in a colony settlement.",
         [("Ulasbek Akhmetov", "convicted", {"penalties": [("prison", "P2Y")]})],
         persons=("Ulasbek Akhmetov",), dates={"August 31": "XXXX-08-31"}),
    Case("Baptist leader Nikolai Popov was imprisoned for 48 hours for refusing to pay fines.",
         [("Nikolai Popov", "sentenced", {"penalties": [("prison", None)],
                                          "charges": ["refusing to pay fines"]})],
         persons=("Nikolai Popov",)),
    Case("Maksim Volikov was fined the equivalent of one month's average salary for offering religious literature.",
         [("Maksim Volikov", "fined", {"penalties": [("fine", None)]})], persons=("Maksim Volikov",)),
)
def test_gapping_bans_and_later_paragraphs(case):
    check(case)


@cases(
    # A verdict and the sentence stated after it in the same paragraph are one decision.
    Case("On January 24, the Astana city court found the chief editor of Central Asia Monitor newspaper "
         "Bigeldy Gabdullin guilty of extortion. Gabdullin admitted his guilt in full. The court sentenced "
         "Gabdullin to five years of probation.",
         [("Bigeldy Gabdullin", "convicted", {"date": "XXXX-01-24", "court": "Astana city court",
                                              "charges": ["extortion"], "penalties": [("probation", "P5Y")]})],
         persons=("Bigeldy Gabdullin", "Gabdullin"), dates={"January 24": "XXXX-01-24"}),
    Case("Kozlov leads the Alga party. He and his codefendants Akzhanat Aminov and Serik Sapargali were found "
         "guilty on October 8 of forming an illegal group and inciting social hatred. Kozlov was sentenced to "
         "seven and a half years in prison, while his codefendants received suspended sentences.",
         [("Vladimir Kozlov", "convicted", {"date": "XXXX-10-08", "penalties": [("prison", "P7Y6M")]}),
          ("Akzhanat Aminov", "convicted", {"penalties": [("probation", None)]}),
          ("Serik Sapargali", "convicted", {"penalties": [("probation", None)]})],
         persons=("Vladimir Kozlov", "Kozlov", "Akzhanat Aminov", "Serik Sapargali"),
         dates={"October 8": "XXXX-10-08"}),
    Case("Dosmagambetov was arrested on December 5 and later charged with inciting discord. On April 1 he was "
         "found guilty and sentenced to five years' imprisonment.",
         [("Dosmagambetov", "arrested", {"date": "XXXX-12-05"}),
          ("Dosmagambetov", "charged", {"date": "XXXX-12-05", "charges": ["inciting discord"]}),
          ("Dosmagambetov", "convicted", {"date": "XXXX-04-01", "penalties": [("prison", "P5Y")]})],
         persons=("Dosmagambetov",), dates={"December 5": "XXXX-12-05", "April 1": "XXXX-04-01"}),
    # Two convictions years apart stay two outcomes.
    Case("Blogger Yermek Narymbaev was convicted in January 2016. He was convicted again in March 2018.",
         [("Yermek Narymbaev", "convicted", {"date": "2016-01"}), ("Yermek Narymbaev", "convicted",
                                                                   {"date": "2018-03"})],
         persons=("Yermek Narymbaev",), dates={"January 2016": "2016-01", "March 2018": "2018-03"}),
)
def test_verdict_and_sentence_merge(case):
    check(case)


# ---------------------------------------------------------------- fines


@cases(
    Case("On January 10, a court in Almaty found activist Zhanar Akhmet guilty of illegally organizing a rally. "
         "She posted a call to her followers. Zhanar Akhmet was found guilty and punished by an administrative "
         "fine of 113,450 tenge ($350).",
         [("Zhanar Akhmet", "fined", {"date": "XXXX-01-10", "court": "court in Almaty",
                                      "charges": ["illegally organizing a rally"],
                                      "penalties": [("administrative_fine", "113450")]})],
         persons=("Zhanar Akhmet",), dates={"January 10": "XXXX-01-10"},
         money={"113,450 tenge ($350)": (113450, "KZT")}),
    Case("On 14 March, Judge Aidos Shaimerdenov of Almaty's Specialised Inter-District Administrative Court "
         "found Baptist Ivan Ivanov guilty under Administrative Code Article 489 and fined him 212,100 Tenge.",
         [("Ivan Ivanov", "fined", {"penalties": [("administrative_fine", "212100")], "date": "XXXX-03-14"})],
         persons=("Aidos Shaimerdenov", "Ivan Ivanov"), dates={"14 March": "XXXX-03-14"},
         money={"212,100 Tenge": (212100, "KZT")}),
    Case("The newspaper Uralskaya Nedelya was fined 250,000 tenge for failing to publish a correction.",
         [("Uralskaya Nedelya", "fined", {"penalties": [("fine", "250000")]})],
         money={"250,000 tenge": (250000, "KZT")}),
    Case("On June 15, police in Uralsk detained civil activists Alma Nurshayeva and Yerlan Kaliev. A court "
         "fined each of them for participating in an unsanctioned rally.",
         [("Alma Nurshayeva", "detained", {"court": "police in Uralsk", "date": "XXXX-06-15"}),
          ("Yerlan Kaliev", "detained"), ("Alma Nurshayeva", "fined"), ("Yerlan Kaliev", "fined")],
         persons=("Alma Nurshayeva", "Yerlan Kaliev"), dates={"June 15": "XXXX-06-15"}),
    Case("Activist Yerlan Kaliev received an administrative fine of 50 MCI.",
         [("Yerlan Kaliev", "fined", {"penalties": [("administrative_fine", None)]})], persons=("Yerlan Kaliev",)),
    # Administrative arrest is a term served, not a fine.
    Case("Blogger Aigerim Tleuzhan was given 10 days of administrative arrest.",
         [("Aigerim Tleuzhan", "sentenced", {"penalties": [("prison", "P10D")]})], persons=("Aigerim Tleuzhan",)),
)
def test_fines(case):
    check(case)


# ---------------------------------------------------------------- civil suits


@cases(
    Case("On April 4, a district court in Almaty ruled in favor of ex-minister Zeinulla Kakimzhanov's lawsuit "
         "claims against Forbes Kazakhstanmagazine and news site Ratel.kz, assigning 50.2 million tenge "
         "($155,000) in damages.",
         [("Forbes Kazakhstan", "suit_upheld", {"penalties": [("damages", "50200000")],
                                                "court": "district court in Almaty"}),
          ("Ratel.kz", "suit_upheld", {"penalties": [("damages", "50200000")], "date": "XXXX-04-04"})],
         persons=("Zeinulla Kakimzhanov",), dates={"April 4": "XXXX-04-04"},
         money={"50.2 million tenge ($155,000)": (50200000, "KZT")}),
    Case("On June 2, the Medeu District Court ordered the newspaper Respublika to pay 50 million tenge in moral "
         "damages to BTA Bank. On appeal, the Almaty City Court reduced the damages to 10 million tenge.",
         [("Respublika", "suit_upheld", {"penalties": [("damages", "50000000")], "date": "XXXX-06-02"}),
          ("Respublika", "suit_upheld", {"penalties": [("damages", "10000000")], "court": "Almaty City Court"})],
         orgs=("BTA Bank",), dates={"June 2": "XXXX-06-02"},
         money={"50 million tenge": (50000000, "KZT"), "10 million tenge": (10000000, "KZT")}),
    Case("According to the Bureau, the suit was considered in the court of the city of Pavlodar, where on May 12 "
         "the decision was made not in favor of Semenova on the claim of another correctional institution.",
         [("Elena Semenova", "suit_upheld", {"date": "XXXX-05-12", "court": "court of the city of Pavlodar"})],
         persons=("Elena Semenova", "Semenova"), dates={"May 12": "XXXX-05-12"}),
    Case("The plaintiff demanded that Semenova refute the information. The court rejected her petition to call "
         "a witness. Despite the testimony, the judge Isenova made the decision to satisfy the claims of the "
         "colony in full.",
         [("Elena Semenova", "suit_upheld")], persons=("Elena Semenova", "Semenova", "Isenova")),
    Case("In January, the Specialized Interdistrict Economic Court of Almaty ordered the Tengrinews.kz website "
         "to pay 10 million tenge ($30,000) to businessman Kairat Satybaldy for damaging his reputation.",
         [("Tengrinews.kz", "suit_upheld", {"penalties": [("damages", "10000000")]})],
         persons=("Kairat Satybaldy",), dates={"January": "XXXX-01"},
         money={"10 million tenge ($30,000)": (10000000, "KZT")}),
    Case("The court of Semey recovered 2 million tenge from journalist Aigerim Tleuzhan in favor of the akim.",
         [("Aigerim Tleuzhan", "suit_upheld", {"penalties": [("damages", "2000000")]})],
         persons=("Aigerim Tleuzhan",), money={"2 million tenge": (2000000, "KZT")}),
    Case("The newspaper \"Uralskaya Nedelya\" (\"Uralsk Weekly\") in western Kazakhstan has been ordered to pay KZT 20 "
         "million in damages to a construction company.",
         [("Uralskaya Nedelya", "suit_upheld", {"penalties": [("damages", "20000000")]})],
         money={"KZT 20 million": (20000000, "KZT")}),
    Case("A court in Almaty has found the independent weekly \"Alma-Ata Info\" guilty of libel and ordered it to "
         "pay damages.",
         [("Alma-Ata Info", "suit_upheld", {"charges": ["libel"]})]),
    Case("The ruling ordering the Tribuna/Ashyk Alan newspaper to pay nearly $15,000 in damages was the latest "
         "in a series of lawsuits.",
         [("Tribuna/Ashyk Alan", "suit_upheld", {"penalties": [("damages", "15000")]})],
         money={"$15,000": (15000, "USD")}),
    Case("Judge R. Aliyeva found Radio Azattyk guilty of disseminating false information. The court imposed a "
         "fine in the form of an administrative penalty amounting to 30 MCI (103,500 tenge).",
         [("Radio Azattyk", "fined", {"penalties": [("administrative_fine", "103500")]})],
         persons=("R. Aliyeva",), money={"30 MCI (103,500 tenge)": (103500, "KZT")}),
    # Dismissed suits: the plaintiff where named, else the defendant the suit was against.
    Case("The Almaty city court rejected the lawsuit of the akim of Almaty against journalist Lukpan "
         "Akhmedyarov.",
         [("Lukpan Akhmedyarov", "suit_dismissed")], persons=("Lukpan Akhmedyarov",)),
    Case("The court dismissed the claim of akim Serik Akhmetov against the newspaper Uralskaya Nedelya.",
         [("Serik Akhmetov", "suit_dismissed")], persons=("Serik Akhmetov",)),
    Case("Akim Serik Akhmetov filed a defamation lawsuit against journalist Gulnara Bazhkenova. In May the court "
         "ruled in favor of Bazhkenova.",
         [("Gulnara Bazhkenova", "suit_dismissed", {"date": "XXXX-05"})],
         persons=("Serik Akhmetov", "Gulnara Bazhkenova", "Bazhkenova"), dates={"May": "XXXX-05"}),
    # The winner of a suit against someone unnamed gets no outcome.
    Case("In 2015, Akhmedyarov won his libel suit against the akim.", [], persons=("Akhmedyarov",)),
    Case("The akimat filed a lawsuit against the newspaper Uralskaya Nedelya. In May the court ruled in favor of "
         "the plaintiff.",
         [("Uralskaya Nedelya", "suit_upheld", {"date": "XXXX-05"})], dates={"May": "XXXX-05"}),
)
def test_civil_suits(case):
    check(case)


# ---------------------------------------------------------------- releases and reductions


@cases(
    Case("On March 2, the Kapshagay city court ruled that, pursuant to the amnesty law, the prison term for the "
         "president of the Kazakhstan Union of Journalists, Seitkazy Matayev, should be cut in half. On November "
         "16, the Kapshagay city court ruled to release Matayev, and he was released from prison on December 4.",
         [("Seitkazy Matayev", "sentence_reduced", {"date": "XXXX-03-02", "penalties": [],
                                                    "court": "Kapshagay city court"}),
          ("Seitkazy Matayev", "released", {"date": "XXXX-11-16"})],
         persons=("Seitkazy Matayev", "Matayev"),
         dates={"March 2": "XXXX-03-02", "November 16": "XXXX-11-16", "December 4": "XXXX-12-04"}),
    Case("Aset Abishev was released from prison on March 3 after serving his sentence.",
         [("Aset Abishev", "released", {"date": "XXXX-03-03"})], persons=("Aset Abishev",),
         dates={"March 3": "XXXX-03-03"}),
    Case("In February, the Supreme Court reduced Bokayev's sentence to three years.",
         [("Bokayev", "sentence_reduced", {"penalties": [("prison", "P3Y")]})], persons=("Bokayev",)),
    Case("Bokayev was sentenced to five years. In February the court reduced his sentence to three years.",
         [("Bokayev", "sentenced", {"penalties": [("prison", "P5Y")]}),
          ("Bokayev", "sentence_reduced", {"penalties": [("prison", "P3Y")], "date": "XXXX-02"})],
         persons=("Bokayev",), dates={"February": "XXXX-02"}),
    Case("President Nazarbayev pardoned journalist Ramazan Yesergepov in 2011.",
         [("Ramazan Yesergepov", "released", {"date": "2011"})], persons=("Nazarbayev", "Ramazan Yesergepov"),
         dates={"2011": "2011"}),
    Case("Tulesova was sentenced to 15 days of administrative detention and released on June 21.",
         [("Asya Tulesova", "sentenced", {"date": None, "penalties": [("prison", "P15D")]}),
          ("Asya Tulesova", "released", {"date": "XXXX-06-21"})],
         persons=("Asya Tulesova", "Tulesova"), dates={"June 21": "XXXX-06-21"}),
    Case("Ushanov's conviction was overturned in May.",
         [("Ushanov", "acquitted", {"date": "XXXX-05"})], persons=("Ushanov",), dates={"May": "XXXX-05"}),
)
def test_releases_and_reductions(case):
    check(case)


# ---------------------------------------------------------------- arrests, detentions, charges


@cases(
    Case("The Independent Tribuna newspaper's chief editor, Zhanbolat Mamay, was arrested on February 10 and "
         "charged with money laundering.",
         [("Zhanbolat Mamay", "arrested", {"date": "XXXX-02-10", "charges": []}),
          ("Zhanbolat Mamay", "charged", {"date": "XXXX-02-10", "charges": ["money laundering"]})],
         orgs=("Zhanbolat Mamay",), dates={"February 10": "XXXX-02-10"}),
    Case("On February 17, police stopped the Aktau reporter of Radio Azattyk, Sania Toiken, under the pretext "
         "she did not have a seat belt fastened. Police took her to a station for interrogation. Police held her "
         "in the station for two hours.",
         [("Sania Toiken", "detained", {"date": "XXXX-02-17", "court": "police"})],
         persons=("Sania Toiken",), dates={"February 17": "XXXX-02-17"}),
    Case("In July Uralsk police opened a criminal investigation against blogger Aibolat Bukenov for allegedly "
         "disseminating false information presenting a danger to the public order.",
         [("Aibolat Bukenov", "charged", {"court": "Uralsk police", "date": "XXXX-07",
                                          "charges": ["disseminating false information"]})],
         orgs=("Aibolat Bukenov",), dates={"July": "XXXX-07"}),
    Case("Police detained Zhanbolat Mamay and Serik Sapargali in Almaty on January 12.",
         [("Zhanbolat Mamay", "detained"), ("Serik Sapargali", "detained")],
         persons=("Zhanbolat Mamay", "Serik Sapargali"), dates={"January 12": "XXXX-01-12"}),
    Case("Activist Erlan Kaliev was detained by Almaty police on May 9 and held for 10 days.",
         [("Erlan Kaliev", "detained", {"court": "Almaty police", "date": "XXXX-05-09"})],
         persons=("Erlan Kaliev",), dates={"May 9": "XXXX-05-09"}),
    Case("The court placed Max Bokayev in pretrial detention for two months.",
         [("Max Bokayev", "arrested")], persons=("Max Bokayev",)),
    Case("A criminal case was opened against blogger Duman Mukhammedkarim for participating in an extremist "
         "organization.",
         [("Duman Mukhammedkarim", "charged", {"charges": ["participating in an extremist organization"]})],
         persons=("Duman Mukhammedkarim",)),
    Case("Prosecutors charged Aigul Utepova with membership of a banned organization.",
         [("Aigul Utepova", "charged")], persons=("Aigul Utepova",)),
    Case("Prosecutors opened a criminal case against Kazis Toguzbayev under Article 174 (\"inciting discord\").",
         [("Kazis Toguzbayev", "charged", {"charges": ["inciting discord"]})], persons=("Kazis Toguzbayev",)),
    Case("They were arrested after an almost year-long strike which government forces put down in December 2011.",
         [], persons=()),
)
def test_arrests_detentions_and_charges(case):
    check(case)


# ---------------------------------------------------------------- outlets


@cases(
    Case("The Tribuna newspaper has been a target of litigation since 2012. The newspaper closed in June after "
         "Mamay's arrest.",
         [("Tribuna", "closed", {"date": "XXXX-06", "court": None})],
         persons=("Mamay",), dates={"2012": "2012", "June": "XXXX-06"}),
    Case("According to Adil Soz, the internet portal Zhumyrtka.kz News closed on January 24 as a result of "
         "threats of criminal persecution and prison sentences for their publications.",
         [("Zhumyrtka.kz News", "closed", {"date": "XXXX-01-24", "penalties": []})],
         dates={"January 24": "XXXX-01-24"}),
    Case("On June 15, James Palmer, a reporter for Foreign Policymagazine, published an article. Two days later, "
         "the magazine's website was blocked in Kazakhstan. The Minister published a statement denying the "
         "government blocked the website.",
         [("Foreign Policy", "blocked", {"date": "XXXX-06-17", "court": None})],
         persons=("James Palmer",), dates={"June 15": "XXXX-06-15"}),
    Case("In March, a court in Almaty ordered the closure of the newspaper Golos Respubliki.",
         [("Golos Respubliki", "closed", {"court": "court in Almaty"})], dates={"March": "XXXX-03"}),
    Case("Authorities blocked access to the news site Ratel.kz in October.",
         [("Ratel.kz", "blocked", {"date": "XXXX-10"})], dates={"October": "XXXX-10"}),
    Case("The Ministry of Information and Communication suspended the news portal Ratel.kz for three months.",
         [("Ratel.kz", "closed")]),
    # Unnamed outlets, a category of sites, and a report of disrupted access are not decisions about an outlet.
    Case("NGO Adil Soz reported that courts blocked 55 websites for propaganda of religious extremism.", []),
    Case("Citizens reported that access to social media, including Facebook and YouTube, was blocked.", []),
    Case("Bloggers reported anecdotally their sites were periodically blocked.", []),
    Case("Political parties and public associations may be suspended or closed should they obstruct the "
         "efforts of security forces.", []),
)
def test_closures_and_blocking(case):
    check(case)


# ---------------------------------------------------------------- who: pronouns, groups, descriptions


@cases(
    Case("The newspaper's editor Zhanbolat Mamay was arrested in February. On September 7, the Medeu district "
         "court in Almaty found him guilty of money laundering and sentenced him to three years of restriction "
         "of freedom, confiscation of property, and a three-year ban on journalistic activity.",
         [("Zhanbolat Mamay", "arrested"),
          ("Zhanbolat Mamay", "convicted", {"court": "Medeu district court in Almaty", "date": "XXXX-09-07",
                                            "penalties": [("restriction_of_freedom", "P3Y"), ("confiscation", None),
                                                          ("activity_ban", "P3Y")]})],
         persons=("Zhanbolat Mamay",), dates={"September 7": "XXXX-09-07", "February": "XXXX-02"}),
    Case("The trial against Mr. Kozlov and his codefendants Akzhanat Aminov and Serik Sapargali was unfair. "
         "They were arrested after the strike.",
         [("Kozlov", "arrested"), ("Akzhanat Aminov", "arrested"), ("Serik Sapargali", "arrested")],
         persons=("Kozlov", "Akzhanat Aminov", "Serik Sapargali")),
    Case("Activist Max Bokayev was detained in May. In November the court sentenced the activist to five years "
         "in prison.",
         [("Max Bokayev", "detained"), ("Max Bokayev", "sentenced", {"penalties": [("prison", "P5Y")]})],
         persons=("Max Bokayev",)),
    Case("Yerlan Kaliev, a blogger from Uralsk, posted a video. The blogger was fined 50 MCI.",
         [("Yerlan Kaliev", "fined")], persons=("Yerlan Kaliev",)),
    Case("Ushanov appealed. In May, the Supreme Court overturned his conviction.",
         [("Ushanov", "acquitted", {"court": "Supreme Court", "date": "XXXX-05"})],
         persons=("Ushanov",), dates={"May": "XXXX-05"}),
    Case("In May, the Supreme Court overturned the conviction of New Life Protestant Church leader Yerzhan "
         "Ushanov. Taraz City Court Number 2 had previously convicted him of practicing psychotherapy without "
         "registration.",
         [("Yerzhan Ushanov", "acquitted", {"charges": ["practicing psychotherapy without registration"]}),
          ("Yerzhan Ushanov", "convicted")],
         persons=("Yerzhan Ushanov",), dates={"May": "XXXX-05"}),
    # A lawyer's or a supporter's arrest is not the client's.
    Case("Bokayev's lawyer was detained.", [], persons=("Bokayev",)),
    Case("Kozlov's supporters were detained outside the courthouse.", [], persons=("Kozlov",)),
    Case("Unknown assailants attacked a journalist in Almaty. Police detained the journalist's attackers.", []),
    # Unnamed people get no outcome.
    Case("Eighteen persons were convicted of belonging to the banned religious group Tablighi Jamaat and given "
         "sentences ranging from probation to imprisonment for four years and eight months.", [],
         persons=("Tablighi Jamaat",)),
    Case("In June, a district court upheld the sentences of nine members of a Sufi group found guilty in "
         "October 2011 of religious extremism.", []),
)
def test_party_resolution(case):
    check(case)


# ---------------------------------------------------------------- not decisions


@cases(
    Case("The law penalizes intentionally spreading false information with fines of up to 12.96 million tenge "
         "($40,000) and imprisonment for up to 10 years.", [],
         money={"12.96 million tenge ($40,000)": (12960000, "KZT")}),
    Case("In Uzbekistan homosexuality is illegal and punishable by up to three years in prison.", []),
    Case("If convicted, Bokayev could face up to ten years in prison.", [], persons=("Bokayev",)),
    Case("Kozlov faces up to 12 years in prison if found guilty.", [], persons=("Kozlov",)),
    Case("Zhovtis may be sentenced to up to four years.", [], persons=("Zhovtis",)),
    Case("Prosecutors asked for seven years in prison for Zhovtis.", [], persons=("Zhovtis",)),
    Case("Prosecutors asked the court to sentence Zhovtis to seven years in prison.", [], persons=("Zhovtis",)),
    Case("The prosecutor demanded that Bokayev be sentenced to seven years.", [], persons=("Bokayev",)),
    Case("Human rights groups called for the release of Max Bokayev.", [], persons=("Max Bokayev",)),
    Case("The European Parliament urged Kazakhstan to release Vladimir Kozlov.", [], persons=("Vladimir Kozlov",)),
    Case("Amnesty International demanded that authorities release Max Bokayev immediately.", [],
         persons=("Max Bokayev",)),
    Case("Zhovtis is expected to be released next month.", [], persons=("Zhovtis",)),
    Case("Police threatened to detain journalist Saniya Toiken.", [], persons=("Saniya Toiken",)),
    Case("Kozlov was not arrested.", [], persons=("Kozlov",)),
    Case("The government denied that it had blocked the website Ratel.kz.", []),
    Case("Responding to the sentencing of Vladimir Kozlov, Rep. Chris Smith criticized the trial.", [],
         persons=("Vladimir Kozlov", "Chris Smith")),
    Case("The convicted activist Max Bokayev remains in prison.", [], persons=("Max Bokayev",)),
    Case("In addition, she petitioned to involve convicted Kureish Daurbekov as a third party.", [],
         persons=("Kureish Daurbekov",)),
    Case("Gabdullin admitted his guilt in full, repented, and restituted the injured parties' losses.", [],
         persons=("Gabdullin",)),
    Case("Seven members of the group received sentences ranging from two to nine years.", []),
    Case("Zhovtis himself said before being hauled off to a prison colony that the trial was a setup.", [],
         persons=("Zhovtis",)),
)
def test_not_decisions(case):
    check(case)


# ---------------------------------------------------------------- who: relations, judges, names the NER missed


@cases(
    # "X's associate, Y" and "the lawyer of X, Y" name Y; "X's lawyer" alone names nobody.
    Case("A court in Shymkent has sentenced civil rights activist Max Bokayev's associate, Talgat Ayanov, to five "
         "years in prison.",
         [("Talgat Ayanov", "sentenced", {"penalties": [("prison", "P5Y")]})], persons=("Max Bokayev", "Talgat Ayanov")),
    Case("Police detained Max Bokayev's lawyer, Amanzhol Mukhamejanov, on 2 June.",
         [("Amanzhol Mukhamejanov", "detained", {"date": "XXXX-06-02"})],
         persons=("Max Bokayev", "Amanzhol Mukhamejanov"), dates={"2 June": "XXXX-06-02"}),
    Case("Police detained the lawyer of Max Bokayev, Amanzhol Mukhamejanov, outside the court.",
         [("Amanzhol Mukhamejanov", "detained")], persons=("Max Bokayev", "Amanzhol Mukhamejanov")),
    Case("Talgat Ayanov, Max Bokayev's associate, was sentenced to five years.",
         [("Talgat Ayanov", "sentenced")], persons=("Talgat Ayanov", "Max Bokayev")),
    Case("Prosecutors charged Zhanbolat Mamay's colleague Nurlan Sadykov with extortion.",
         [("Nurlan Sadykov", "charged", {"charges": ["extortion"]})], persons=("Zhanbolat Mamay", "Nurlan Sadykov")),
    Case("The court fined the newspaper's editor Gulnara Bazhkenova 200,000 tenge.",
         [("Gulnara Bazhkenova", "fined", {"penalties": [("fine", "200000")]})], persons=("Gulnara Bazhkenova",),
         money={"200,000 tenge": (200000, "KZT")}),
    Case("Police detained Max Bokayev's wife on 2 June.", [], persons=("Max Bokayev",), dates={"2 June": "XXXX-06-02"}),
    Case("Police arrested the son of opposition leader Bolat Abilov.", [], persons=("Bolat Abilov",)),
    Case("Police arrested Bolat Abilov's son.", [], persons=("Bolat Abilov",)),
    Case("On 15 May, Talgat Ayanov and his lawyer Amanzhol Mukhamejanov were detained.",
         [("Talgat Ayanov", "detained"), ("Amanzhol Mukhamejanov", "detained")],
         persons=("Talgat Ayanov", "Amanzhol Mukhamejanov"), dates={"15 May": "XXXX-05-15"}),
    # A relation of an organisation ("leader of ... movement") describes the person named after it.
    Case("Police detained the leader of banned opposition movement Mukhtar Ablyazov.",
         [("Mukhtar Ablyazov", "detained")], persons=("Mukhtar Ablyazov",)),
    # "of jailed activist X": a participle used as an adjective states no decision.
    Case("Police detained the wife of jailed activist Max Bokayev.", [], persons=("Max Bokayev",)),
    Case("Activists held a picket in support of imprisoned journalist Makhambet Abzhan.", [],
         persons=("Makhambet Abzhan",)),
    Case("Police arrested and jailed Aigerim Tleuzhan.",
         [("Aigerim Tleuzhan", "arrested"), ("Aigerim Tleuzhan", "sentenced")], persons=("Aigerim Tleuzhan",)),
    # A description of the person, not a relation: the named person is the party.
    Case("The court sentenced the leader of the banned Alga party Vladimir Kozlov to seven years.",
         [("Vladimir Kozlov", "sentenced", {"charges": [], "penalties": [("prison", "P7Y")]})],
         persons=("Vladimir Kozlov",)),
)
def test_relations_name_someone_else(case):
    check(case)


@cases(
    # A judge or prosecutor, once so titled, is not whom "him" or "her" points back to.
    Case("Judge Bakhyt Kemelbekov heard the case of Pyotr Sadovsky. Kemelbekov fined him 101,000 Tenge.",
         [("Pyotr Sadovsky", "fined", {"penalties": [("fine", "101000")]})],
         persons=("Bakhyt Kemelbekov", "Pyotr Sadovsky", "Kemelbekov"), money={"101,000 Tenge": (101000, "KZT")}),
    Case("Prosecutor Serik Abenov opened the case against Pyotr Sadovsky. On 3 May Abenov charged him with "
         "inciting discord.",
         [("Pyotr Sadovsky", "charged", {"charges": ["inciting discord"]})],
         persons=("Serik Abenov", "Pyotr Sadovsky", "Abenov"), dates={"3 May": "XXXX-05-03"}),
    Case("On 14 March 2019 Judge Aigul Zhunusova of Oral Specialised Inter-District Administrative Court fined "
         "Baptist Pyotr Sadovsky 101,000 Tenge (about 1,850 Norwegian Kroner, 210 Euros or 265 US Dollars) for "
         "leading an unregistered meeting for worship.",
         [("Pyotr Sadovsky", "fined", {"date": "2019-03-14", "court": "Oral Specialised Inter-District Administrative Court",
                                       "penalties": [("administrative_fine", "101000")],
                                       "charges": ["leading an unregistered meeting for worship"]})],
         persons=("Aigul Zhunusova", "Pyotr Sadovsky"), dates={"14 March 2019": "2019-03-14"},
         money={"101,000 Tenge (about 1,850 Norwegian Kroner, 210 Euros or 265 US Dollars)": (101000, "KZT")}),
    # A judge can be the party where the decision names the judge.
    Case("Former judge Serik Nurpeisov was sentenced to eight years for bribery.",
         [("Serik Nurpeisov", "sentenced", {"penalties": [("prison", "P8Y")], "charges": ["bribery"]})],
         persons=("Serik Nurpeisov",)),
    Case("Judge Aigul Zhunusova fined him 50 MCI.", [], persons=("Aigul Zhunusova",)),
)
def test_judges_are_not_the_party(case):
    check(case)


@cases(
    # The NER saw only "Asya" (as a place): the name is taken by its shape.
    Case("Police detained Asya Tulesova during a rally on June 6. She was sentenced to 15 days in jail, and released "
         "on June 21.",
         [("Asya Tulesova", "detained", {"date": "XXXX-06-06"}), ("Asya Tulesova", "sentenced",
                                                                  {"penalties": [("prison", "P15D")]}),
          ("Asya Tulesova", "released", {"date": "XXXX-06-21"})],
         orgs=("Asya",), dates={"June 6": "XXXX-06-06", "June 21": "XXXX-06-21"}),
    # "Central Asian" has a surname's ending but is no name.
    Case("Police detained Central Asian migrants near the border.", []),
    # After "the newspaper" a name the NER took for a person's is the outlet's ...
    Case("The court partially satisfied the lawsuit of akim Serik Zhumangarin against the newspaper Ak Zhayik and "
         "ordered the newspaper to pay 1 million tenge in moral damages.",
         [("Ak Zhayik", "suit_upheld", {"penalties": [("damages", "1000000")]})],
         persons=("Serik Zhumangarin", "Ak Zhayik"), money={"1 million tenge": (1000000, "KZT")}),
    # ... unless it is shaped like a person's name.
    Case("He told the newspaper Vladimir Kozlov was arrested in January.",
         [("Vladimir Kozlov", "arrested", {"date": "XXXX-01"})], persons=("Vladimir Kozlov",),
         dates={"January": "XXXX-01"}),
    # An outlet's name stops before an amount; a number in a name stays.
    Case("In October, a district court in Astana fined the independent newspaper Sayasat 3 million tenge -- about "
         "$9,000 -- for libel.",
         [("Sayasat", "fined", {"penalties": [("fine", "3000000")], "court": "district court in Astana",
                                "charges": ["libel"]})],
         dates={"October": "XXXX-10"}, money={"3 million tenge": (3000000, "KZT")}),
    Case("In 2016 Respublika newspaper was closed.", [("Respublika", "closed", {"date": "2016"})],
         dates={"2016": "2016"}),
    Case("The TV channel Channel 31 was fined 5 million tenge.",
         [("Channel 31", "fined", {"penalties": [("fine", "5000000")]})], money={"5 million tenge": (5000000, "KZT")}),
)
def test_names_the_ner_missed_or_cut(case):
    check(case)


# ---------------------------------------------------------------- one decision told several times


@cases(
    # An appeal rejected or a conviction upheld leaves the decision standing: no outcome of its own ...
    Case("On 14 March Judge Aigul Zhunusova fined Baptist Pyotr Sadovsky 101,000 Tenge.\n\nSadovsky told Forum 18 "
         "that he will not pay. On 2 April, Judge Bakhyt Kemelbekov of West Kazakhstan Regional Court rejected his "
         "appeal.",
         [("Pyotr Sadovsky", "fined", {"date": "XXXX-03-14", "court": None, "penalties": [("fine", "101000")]})],
         persons=("Aigul Zhunusova", "Pyotr Sadovsky", "Sadovsky", "Bakhyt Kemelbekov"),
         dates={"14 March": "XXXX-03-14", "2 April": "XXXX-04-02"}, money={"101,000 Tenge": (101000, "KZT")}),
    Case("Dimash Alzhanov was fined 50 MCI on 12 June. Alzhanov's appeal was rejected on 30 June.",
         [("Dimash Alzhanov", "fined", {"date": "XXXX-06-12"})], persons=("Dimash Alzhanov", "Alzhanov"),
         dates={"12 June": "XXXX-06-12", "30 June": "XXXX-06-30"}),
    Case("In May the appeals court rejected the appeal of Max Bokayev. Bokayev had been sentenced in November "
         "to five years in prison.",
         [("Max Bokayev", "sentenced", {"date": "XXXX-11", "penalties": [("prison", "P5Y")]})],
         persons=("Max Bokayev", "Bokayev"), dates={"May": "XXXX-05", "November": "XXXX-11"}),
    Case("Aset Abishev was sentenced to four years in November. In March the regional court upheld the sentence.",
         [("Aset Abishev", "sentenced", {"date": "XXXX-11", "court": None})], persons=("Aset Abishev",),
         dates={"November": "XXXX-11", "March": "XXXX-03"}),
    # ... but it is the only word of a conviction where none is told.
    Case("In 2013 the Supreme Court rejected Kozlov's appeal.",
         [("Kozlov", "convicted", {"date": "2013", "court": "Supreme Court"})], persons=("Kozlov",),
         dates={"2013": "2013"}),
    # An appeal against pre-trial detention is no conviction.
    Case("The court rejected Bokayev's appeal against his pre-trial detention.", [], persons=("Bokayev",)),
    # "handed down the verdict on ..." gives the decision its date and court.
    Case("A court in Shymkent has sentenced activist Talgat Ayanov to five years in prison.\n\nThe Shymkent City "
         "Court handed down the verdict on November 28, 2016.",
         [("Talgat Ayanov", "sentenced", {"date": "2016-11-28", "court": "court in Shymkent"})],
         persons=("Talgat Ayanov",), dates={"November 28, 2016": "2016-11-28"}),
    Case("A court in Kazakhstan's capital has sentenced activist Alnur Ilyashev to three years of restricted freedom."
         "\n\nThe Saryarqa district court handed down the sentence on June 22.",
         [("Alnur Ilyashev", "sentenced", {"date": "XXXX-06-22", "court": "Saryarqa district court",
                                           "penalties": [("restriction_of_freedom", "P3Y")]})],
         persons=("Alnur Ilyashev",), dates={"June 22": "XXXX-06-22"}),
    Case("The verdict was announced on 5 September.", [], dates={"5 September": "XXXX-09-05"}),
    # Damages and bans told with a sentence, or with "also", are penalties of that sentence.
    Case("A court sentenced Talgat Ayanov to five years in prison.\n\nAyanov was also banned from public "
         "activities for three years and ordered to pay 25.8 million tenge ($77,000) in damages to the state.",
         [("Talgat Ayanov", "sentenced", {"penalties": [("prison", "P5Y"), ("activity_ban", "P3Y"),
                                                        ("damages", "25800000")]})],
         persons=("Talgat Ayanov", "Ayanov"), money={"25.8 million tenge ($77,000)": (25800000, "KZT")}),
    Case("Zhovtis was sentenced to four years and ordered to pay 1 million tenge in compensation to the family.",
         [("Zhovtis", "sentenced", {"penalties": [("prison", "P4Y"), ("damages", "1000000")]})],
         persons=("Zhovtis",), money={"1 million tenge": (1000000, "KZT")}),
    Case("Ablyazov was sentenced to 20 years in absentia. The court also ordered Ablyazov to pay 10 million tenge "
         "to the bank.",
         [("Ablyazov", "sentenced", {"penalties": [("prison", "P20Y"), ("damages", "10000000")]})],
         persons=("Ablyazov",), money={"10 million tenge": (10000000, "KZT")}),
    # A civil suit of its own stays a suit; damages of another party are that party's.
    Case("Aigerim Tleuzhan was sentenced to four years in March.\n\nIn a separate civil case in June, Tleuzhan was "
         "ordered to pay 2 million tenge in damages to the akim.",
         [("Aigerim Tleuzhan", "sentenced", {"date": "XXXX-03"}),
          ("Aigerim Tleuzhan", "suit_upheld", {"penalties": [("damages", "2000000")], "date": "XXXX-06"})],
         persons=("Aigerim Tleuzhan", "Tleuzhan"), dates={"March": "XXXX-03", "June": "XXXX-06"},
         money={"2 million tenge": (2000000, "KZT")}),
    Case("The court sentenced Max Bokayev to five years and ordered the newspaper Ak Zhayik to pay 1 million tenge.",
         [("Max Bokayev", "sentenced", {"penalties": [("prison", "P5Y")]}),
          ("Ak Zhayik", "suit_upheld", {"penalties": [("damages", "1000000")]})],
         persons=("Max Bokayev",), money={"1 million tenge": (1000000, "KZT")}),
)
def test_one_decision_told_several_times(case):
    check(case)


# ---------------------------------------------------------------- headlines


@cases(
    # A headline tells the story the article tells: no court nor outcome of its own.
    Case("Kazakh Court Sentences Activist To Prison For 'Spreading False Information'\n\nALMATY -- A court in "
         "Kazakhstan's southern city of Shymkent has sentenced activist Talgat Ayanov to five years in prison.",
         [("Talgat Ayanov", "sentenced", {"court": None, "penalties": [("prison", "P5Y")]})],
         persons=("Talgat Ayanov",)),
    Case("KAZAKHSTAN: Police detained Baptist Pyotr Sadovsky\n\nBy Felix Corley, Forum 18", [],
         persons=("Pyotr Sadovsky",)),
    Case("Police Detained Max Bokayev In Atyrau\n\nThe appeal will be heard in May.", [], persons=("Max Bokayev",)),
    # A sentence that only lacks its full stop is still read.
    Case("On March 5 the Almaty City Court sentenced Max Bokayev to five years in prison\n\nHe appealed.",
         [("Max Bokayev", "sentenced", {"court": "Almaty City Court"})], persons=("Max Bokayev",)),
)
def test_headlines(case):
    check(case)


# ---------------------------------------------------------------- more phrasings (State Department, Forum 18,
# RFE/RL and Azattyq, HRW, Adil Soz, KIBHR)


@cases(
    Case("Exiled banker Mukhtar Ablyazov was sentenced in absentia to 20 years in prison.",
         [("Mukhtar Ablyazov", "sentenced", {"penalties": [("prison", "P20Y")]})], persons=("Mukhtar Ablyazov",)),
    Case("Journalist Amangeldy Batyrbekov received a two-year suspended sentence.",
         [("Amangeldy Batyrbekov", "sentenced", {"penalties": [("probation", "P2Y")]})],
         persons=("Amangeldy Batyrbekov",)),
    Case("Activist Asya Tulesova was given a restricted freedom sentence of one year.",
         [("Asya Tulesova", "sentenced", {"penalties": [("restriction_of_freedom", "P1Y")]})],
         persons=("Asya Tulesova",)),
    Case("Blogger Aigerim Tleuzhan was placed under house arrest for two months.",
         [("Aigerim Tleuzhan", "arrested")], persons=("Aigerim Tleuzhan",)),
    Case("On 18 March activist Makhambet Abzhan was detained for 10 days for petty hooliganism.",
         [("Makhambet Abzhan", "detained", {"date": "XXXX-03-18"})], persons=("Makhambet Abzhan",),
         dates={"18 March": "XXXX-03-18"}),
    Case("Activist Yerlan Kaliev was fined 50 MCI (126,250 tenge) for taking part in a rally.",
         [("Yerlan Kaliev", "fined", {"penalties": [("fine", "126250")], "charges": ["taking part in a rally"]})],
         persons=("Yerlan Kaliev",), money={"50 MCI (126,250 tenge)": (126250, "KZT")}),
    Case("Blogger Aigerim Tleuzhan was ordered to pay 2 million tenge in moral damages to businessman Kairat "
         "Satybaldy.",
         [("Aigerim Tleuzhan", "suit_upheld", {"penalties": [("damages", "2000000")]})],
         persons=("Aigerim Tleuzhan", "Kairat Satybaldy"), money={"2 million tenge": (2000000, "KZT")}),
    Case("On May 4, the Bostandyk district court partially satisfied the lawsuit and ordered the newspaper Adam Bol "
         "to pay 1 million tenge.",
         [("Adam Bol", "suit_upheld", {"penalties": [("damages", "1000000")], "date": "XXXX-05-04",
                                       "court": "Bostandyk district court"})],
         dates={"May 4": "XXXX-05-04"}, money={"1 million tenge": (1000000, "KZT")}),
    Case("The Almaty city court dismissed the defamation claim against blogger Arman Shoraev in March.",
         [("Arman Shoraev", "suit_dismissed", {"date": "XXXX-03", "court": "Almaty city court"})],
         persons=("Arman Shoraev",), dates={"March": "XXXX-03"}),
    Case("The court dismissed the claim against the news site Ratel.kz.", [("Ratel.kz", "suit_dismissed")]),
    Case("Bokayev was sentenced to five years in November. In February the appeals court reduced the sentence to "
         "three years.",
         [("Bokayev", "sentenced", {"penalties": [("prison", "P5Y")], "date": "XXXX-11"}),
          ("Bokayev", "sentence_reduced", {"penalties": [("prison", "P3Y")], "date": "XXXX-02",
                                           "court": "appeals court"})],
         persons=("Bokayev",), dates={"November": "XXXX-11", "February": "XXXX-02"}),
    Case("In 2017, Vladimir Kozlov was pardoned by the president.",
         [("Vladimir Kozlov", "released", {"date": "2017"})], persons=("Vladimir Kozlov",), dates={"2017": "2017"}),
    Case("Journalist Ramazan Yesergepov was released under an amnesty in January.",
         [("Ramazan Yesergepov", "released", {"date": "XXXX-01"})], persons=("Ramazan Yesergepov",),
         dates={"January": "XXXX-01"}),
    Case("Uzbek refugee Ahmed Bakirov was deported to Uzbekistan in June.",
         [("Ahmed Bakirov", "sentenced", {"penalties": [("deportation", None)], "date": "XXXX-06"})],
         persons=("Ahmed Bakirov",), dates={"June": "XXXX-06"}),
    Case("Authorities deported Uzbek refugee Ahmed Bakirov to Uzbekistan.",
         [("Ahmed Bakirov", "sentenced", {"penalties": [("deportation", None)]})], persons=("Ahmed Bakirov",)),
    Case("Student Ahmed Bakirov was expelled from the university.", [], persons=("Ahmed Bakirov",)),
    Case("Authorities blocked the website Respublika.", [("Respublika", "blocked")]),
    Case("The Ministry of Information suspended the newspaper Pravdivaya Gazeta for three months.",
         [("Pravdivaya Gazeta", "closed", {"court": "Ministry of Information"})]),
    Case("On 3 March, police charged Makhambet Abzhan with inciting social discord.",
         [("Makhambet Abzhan", "charged", {"court": "police", "date": "XXXX-03-03",
                                           "charges": ["inciting social discord"]})],
         persons=("Makhambet Abzhan",), dates={"3 March": "XXXX-03-03"}),
    # Pronouns.
    Case("Journalist Asel Zhakupova published an article about the akim. In May she was fined 100 MCI for spreading "
         "false information.",
         [("Asel Zhakupova", "fined", {"date": "XXXX-05", "charges": ["spreading false information"]})],
         persons=("Asel Zhakupova",), dates={"May": "XXXX-05"}),
    Case("Activist Max Bokayev met journalist Asel Zhakupova in Atyrau. On 2 June she was detained by police.",
         [("Asel Zhakupova", "detained", {"date": "XXXX-06-02", "court": "police"})],
         persons=("Max Bokayev", "Asel Zhakupova"), dates={"2 June": "XXXX-06-02"}),
    Case("Activists Max Bokayev and Talgat Ayanov organised the land protests. In November they were sentenced to "
         "five years in prison.",
         [("Max Bokayev", "sentenced", {"date": "XXXX-11"}), ("Talgat Ayanov", "sentenced", {"date": "XXXX-11"})],
         persons=("Max Bokayev", "Talgat Ayanov"), dates={"November": "XXXX-11"}),
    # Two people, each with a penalty of their own.
    Case("The Atyrau court sentenced Max Bokayev to five years and Talgat Ayanov to three years.",
         [("Max Bokayev", "sentenced", {"penalties": [("prison", "P5Y")]}),
          ("Talgat Ayanov", "sentenced", {"penalties": [("prison", "P3Y")]})],
         persons=("Max Bokayev", "Talgat Ayanov")),
    Case("The court fined Max Bokayev 100,000 tenge and Talgat Ayanov 50,000 tenge.",
         [("Max Bokayev", "fined", {"penalties": [("fine", "100000")]}),
          ("Talgat Ayanov", "fined", {"penalties": [("fine", "50000")]})],
         persons=("Max Bokayev", "Talgat Ayanov"), money={"100,000 tenge": (100000, "KZT"),
                                                          "50,000 tenge": (50000, "KZT")}),
)
def test_more_phrasings(case):
    check(case)


@cases(
    Case("Activist Max Bokayev faces up to seven years if convicted.", [], persons=("Max Bokayev",)),
    Case("Prosecutors demanded a six-year sentence for Talgat Ayanov.", [], persons=("Talgat Ayanov",)),
    Case("Prosecutors had demanded a six-year prison sentence for blogger Arman Shoraev, who denied the charges.", [],
         persons=("Arman Shoraev",)),
    Case("The law provides for fines of up to 2,000 MCI or up to seven years' imprisonment.", []),
    Case("Activists called for his release. Max Bokayev remains in prison.", [], persons=("Max Bokayev",)),
    Case("Journalist Asel Zhakupova denies wrongdoing. If found guilty, she could be sentenced to up to ten years "
         "in prison.", [], persons=("Asel Zhakupova",)),
    Case("Talgat Ayanov denied the charges.", [], persons=("Talgat Ayanov",)),
    Case("Was Mukhtar Ablyazov acquitted in absentia?", [], persons=("Mukhtar Ablyazov",)),
    Case("It is unclear whether Mukhtar Ablyazov was acquitted in absentia.", [], persons=("Mukhtar Ablyazov",)),
    Case("Ablyazov has never been convicted.", [], persons=("Ablyazov",)),
    Case("Supporters fear that Bokayev will be jailed.", [], persons=("Bokayev",)),
    Case("The prosecutor asked the court to fine the newspaper Uralskaya Nedelya 10 million tenge.", [],
         money={"10 million tenge": (10000000, "KZT")}),
    Case("The newspaper Adam Bol risks being closed.", []),
    Case("If the outlet fails to pay, it could be closed.", []),
    Case("Police sought to detain activist Aset Abishev.", [], persons=("Aset Abishev",)),
    Case("Bokayev appealed against his conviction.", [], persons=("Bokayev",)),
    Case("The court refused to release Bokayev on bail.", [], persons=("Bokayev",)),
)
def test_more_not_decisions(case):
    check(case)


@cases(
    # "a court" points back to no court named before; "the court" to one named for the same story.
    Case("On 22 April, police detained Aset Abishev in the Esil District Court building. On May 3, a court placed "
         "him under house arrest.",
         [("Aset Abishev", "detained"), ("Aset Abishev", "arrested", {"court": None, "date": "XXXX-05-03"})],
         persons=("Aset Abishev",), dates={"22 April": "XXXX-04-22", "May 3": "XXXX-05-03"}),
    Case("On June 12, the Specialized Interdistrict Administrative Court fined activist Dimash Alzhanov 50 MCI."
         "\n\nIn August, Serikzhan Bilash was released. The court fined him and banned him from activism for "
         "seven years.",
         [("Dimash Alzhanov", "fined", {"court": "Specialized Interdistrict Administrative Court"}),
          ("Serikzhan Bilash", "released"),
          ("Serikzhan Bilash", "fined", {"court": None, "penalties": [("fine", None), ("activity_ban", "P7Y")]})],
         persons=("Dimash Alzhanov", "Serikzhan Bilash"), dates={"June 12": "XXXX-06-12", "August": "XXXX-08"}),
    Case("The Pavlodar court heard the suit against Elena Semenova.\n\nSemenova presented a recording.\n\n"
         "The judge made the decision to satisfy the claims of the colony in full.",
         [("Elena Semenova", "suit_upheld", {"court": "Pavlodar court"})], persons=("Elena Semenova", "Semenova")),
)
def test_the_court_points_back_within_the_story(case):
    check(case)


# ---------------------------------------------------------------- dates and courts


@cases(
    # A date inside a phrase of its own is not the decision's.
    Case("Today a court outside of Almaty sentenced Yevgeny Zhovtis to four years in prison on charges of "
         "manslaughter and traffic violations related to a July 26 accident.",
         [("Yevgeny Zhovtis", "sentenced", {"date": None, "court": "court outside of Almaty",
                                            "charges": ["manslaughter", "traffic violations"],
                                            "penalties": [("prison", "P4Y")]})],
         persons=("Yevgeny Zhovtis",), dates={"July 26": "XXXX-07-26"}),
    Case("After being detained in March 2015, Narymbaev was sentenced in May.",
         [("Narymbaev", "detained", {"date": "2015-03"}), ("Narymbaev", "sentenced", {"date": "XXXX-05"})],
         persons=("Narymbaev",), dates={"March 2015": "2015-03", "May": "XXXX-05"}),
    Case("Bokayev was detained on May 17. He was released two days later.",
         [("Bokayev", "detained", {"date": "XXXX-05-17"}), ("Bokayev", "released", {"date": "XXXX-05-19"})],
         persons=("Bokayev",), dates={"May 17": "XXXX-05-17"}),
    # "the court" points back to the court named before it.
    Case("The Pavlodar city court heard the case of Ermek Narymbayev in March. On April 2, the court found him "
         "guilty of libel.",
         [("Ermek Narymbayev", "convicted", {"court": "Pavlodar city court", "date": "XXXX-04-02",
                                             "charges": ["libel"]})],
         persons=("Ermek Narymbayev",), dates={"March": "XXXX-03", "April 2": "XXXX-04-02"}),
)
def test_dates_and_courts(case):
    check(case)


def test_shift_date():
    assert shift_date("XXXX-12-31", 1) == "XXXX-01-01"
    assert shift_date("2016-06-15", 14) == "2016-06-29"


# ---------------------------------------------------------------- the dev documents' hard cases, whole


def test_evidence_is_the_clause_of_the_decision():
    text = ("On November 16, the Kapshagay city court ruled to release Matayev, and he was released from prison "
            "on December 4.")
    (outcome,) = extract(text, persons=("Matayev",), dates={"November 16": "XXXX-11-16", "December 4": "XXXX-12-04"})
    assert outcome.evidence.text == "On November 16, the Kapshagay city court ruled to release Matayev"
    assert text[outcome.evidence.start : outcome.evidence.end] == outcome.evidence.text


def test_no_mentions_no_sentences():
    assert find_outcomes("", [], [], [], []) == []
    assert find_outcomes("Kozlov was arrested.", [], [], [], []) == []


# ---------------------------------------------------------------- lexicons as data


@pytest.mark.parametrize("name", ["outcome_triggers.jsonl", "outcome_blockers.jsonl", "charges.jsonl",
                                  "penalty_kinds.jsonl", "courts.jsonl", "outlets.jsonl", "parties.jsonl"])
def test_lexicon_patterns_are_linear(name):
    for row in load_rows(name):
        for key in ("pattern", "close", "agent", "context", "unless"):
            if row.get(key):
                check_linear(row[key])


def test_trigger_rows_are_well_formed():
    verdicts = set(Outcome.model_fields["verdict"].annotation.__args__)
    slots = {"subject", "object", "between", "against", "favor", "suit", "context"}
    known = {"verdict", "slot", "pattern", "close", "window", "parties", "agent", "context", "unless", "possessive",
             "carrying_out", "inherit", "separate", "confirms", "restates", "penalty", "example"}
    for row in load_rows("outcome_triggers.jsonl"):
        assert row["verdict"] in verdicts and row["slot"] in slots, row
        assert set(row) <= known, row
        assert row.get("parties", "person") in ("person", "outlet", "any"), row
        assert row.get("penalty") in (None, *Penalty.model_fields["kind"].annotation.__args__), row
        assert row.get("example"), row
        if row["slot"] == "between":
            assert row.get("close"), row


def test_every_trigger_example_matches_its_row():
    for row in load_rows("outcome_triggers.jsonl"):
        assert re.search(row["pattern"], row["example"], re.IGNORECASE), row


def test_code_regexes_are_linear():
    """Module-level regexes of the outcome modules obey the same rule as the data."""
    import importlib
    import pkgutil

    import kzx.extract.outcomes

    modules = [importlib.import_module(info.name)
               for info in pkgutil.walk_packages(kzx.extract.outcomes.__path__, "kzx.extract.outcomes.")]
    assert len(modules) >= 10, modules
    for module in modules:
        for value in vars(module).values():
            if isinstance(value, re.Pattern):
                check_linear(value.pattern)


def test_data_files_are_json_lines():
    for path in PATTERNS_DIR.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("//"):
                json.loads(line)


# ---------------------------------------------------------------- robustness


HOSTILE = [
    "found " * 30_000 + "guilty",
    "sentenced " * 20_000,
    "Kozlov, " * 25_000 + "was arrested",
    "(((( " * 40_000,
    "Ratel.kz" * 25_000,
    " " * 200_000,
    ("was were found guilty of the newspaper against in favor of Aaa Bbb Ccc 's , , and up to could "
     "seven and a half years prison fined satisfied the claims Radio Court court police stopped ") * 1_500,
]


@pytest.mark.parametrize("text", HOSTILE, ids=[f"hostile{i}" for i in range(len(HOSTILE))])
def test_hostile_text_finishes_fast(text):
    text = text[:200_000]
    persons = [Entity(label="PERSON", text="Kozlov", start=m.start(), end=m.end(), canonical="Kozlov")
               for m in re.finditer("Kozlov", text)][:2000]
    started = time.perf_counter()
    outcomes = find_outcomes(text, [(0, len(text))], persons, [], [])
    assert time.perf_counter() - started < 20
    for outcome in outcomes:
        assert text[outcome.evidence.start : outcome.evidence.end] == outcome.evidence.text


def _many_people(count: int) -> tuple[str, list[tuple[int, int]], list[Entity]]:
    """A long report about `count` different people, one short paragraph each."""
    syllables = ["ka", "za", "bo", "ta", "li", "me", "nu", "ra", "sa", "ye", "zh", "ma", "ke", "ar", "da", "ba"]
    paragraphs, sentences, entities, cursor = [], [], [], 0
    for i in range(count):
        first = (syllables[i % 16] + syllables[i // 16 % 16]).capitalize()
        last = (syllables[i // 7 % 16] + syllables[i % 13] + syllables[i // 3 % 11]).capitalize() + "ov"
        paragraph = (f"Item {i}. On March 5 the district court sentenced activist {first} {last} to five years "
                     f"for inciting discord. {last} denied the charges. The court also fined him.")
        a = cursor + paragraph.index(first)
        entities.append(Entity(label="PERSON", text=f"{first} {last}", start=a, end=a + len(first) + len(last) + 1,
                               canonical=f"{first} {last}"))
        b = cursor + paragraph.index(f". {last}") + 2
        entities.append(Entity(label="PERSON", text=last, start=b, end=b + len(last), canonical=last))
        start = 0
        for match in re.finditer(r"\. ", paragraph):
            sentences.append((cursor + start, cursor + match.end()))
            start = match.end()
        sentences.append((cursor + start, cursor + len(paragraph)))
        paragraphs.append(paragraph)
        cursor += len(paragraph) + 2
    return "\n\n".join(paragraphs), sentences, entities


def test_many_people_stay_linear():
    """Names, merging and courts are indexed: thousands of different people (the old
    pairwise loops took about 20 s here) take a second or two."""
    text, sentences, entities = _many_people(2000)
    started = time.perf_counter()
    outcomes = find_outcomes(text, sentences, entities, [], [])
    assert time.perf_counter() - started < 10
    assert len({o.person for o in outcomes if o.verdict == "sentenced"}) > 1500


def test_one_party_with_many_decisions_in_one_paragraph():
    """Merging looks back over a bounded number of one party's decisions."""
    parts, dates = [], []
    for year in range(1000, 9000):
        sentence = f"Kozlov was detained in {year}. "
        at = sum(map(len, parts)) + sentence.index(str(year))
        dates.append(DateMention(text=str(year), start=at, end=at + 4, value=str(year), granularity="year",
                                 year_source="text"))
        parts.append(sentence)
    text = "".join(parts)
    persons = [Entity(label="PERSON", text="Kozlov", start=m.start(), end=m.end(), canonical="Kozlov")
               for m in re.finditer("Kozlov", text)]
    started = time.perf_counter()
    outcomes = find_outcomes(text, sentence_spans(text), persons, dates, [])
    assert time.perf_counter() - started < 20
    assert len(outcomes) == 8000


def _sample_texts() -> list[str]:
    from .conftest import RAW

    return [path.read_text(encoding="utf-8") for path in sorted(RAW.glob("*.txt"))] + HOSTILE[-1:]


def test_literal_prefilters_are_exact():
    """Every lexicon pattern found through its required words finds what a full scan finds."""
    from kzx.extract.outcomes.slots.court import _heads, court_words, find_courts
    from kzx.extract.lexicon import fold_case, gated_finditer, spans_holding
    from kzx.extract.outcomes.discourse import _outlet_cues
    from kzx.extract.outcomes.triggers import likely_specs, trigger_specs

    patterns = [cue.pattern for cue in _outlet_cues()] + [spec.pattern for spec in trigger_specs()] + [_heads().pattern]
    for text in _sample_texts():
        lowered = fold_case(text)
        for pattern in patterns:
            assert [m.span() for m in gated_finditer(pattern, text, lowered)] == \
                [m.span() for m in pattern.finditer(text)], pattern.pattern
        spans = sentence_spans(text)
        likely = likely_specs(text, spans, lowered)
        with_courts = spans_holding(lowered, court_words(), spans)
        for index, (a, b) in enumerate(spans):
            for spec in trigger_specs():
                if spec.pattern.search(text, a, b):
                    assert spec in likely[index], (spec.pattern.pattern, text[a:b])
            if find_courts(text, a, b):
                assert with_courts is None or index in with_courts, text[a:b]


@settings(max_examples=300, deadline=None)
@given(st.sets(st.text("KZAkzlov-’", min_size=1, max_size=6).map(lambda w: "K" + w), min_size=1, max_size=6),
       st.lists(st.sampled_from(["Kozlov", "KKz", "Kz-lo", "K’o", " ", "-", "a", "Kozlova", ".", "_", "é"]),
                max_size=30))
def test_whole_word_lookup_matches_the_alternation(words, pieces):
    from kzx.extract.lexicon import alternation
    from kzx.extract.outcomes.discourse import _find_words

    text = "".join(pieces) + " " + " ".join(sorted(words))
    assert _find_words(text, words) == [m.span() for m in re.finditer(alternation(words), text)]


WORDS = st.sampled_from([
    "Kozlov", "was", "were", "found", "guilty", "sentenced", "him", "her", "they", "the", "newspaper",
    "Tribuna", "against", "in favor of", ",", ".", "and", "of", "to", "five years", "in prison", "fined",
    "100 tenge", "court", "police", "arrested", "released", "up to", "could", "not", "\n\n", "’s",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=60))
def test_any_text_gives_valid_outcomes(words):
    text = " ".join(words)
    entities = [Entity(label="PERSON", text="Kozlov", start=m.start(), end=m.end(), canonical="Vladimir Kozlov")
                for m in re.finditer("Kozlov", text)]
    money = [MoneyMention(text="100 tenge", start=m.start(), end=m.end(), amount=Decimal(100), currency="KZT")
             for m in re.finditer("100 tenge", text)]
    for outcome in find_outcomes(text, sentence_spans(text), entities, [], money):
        assert text[outcome.evidence.start : outcome.evidence.end] == outcome.evidence.text
        assert outcome.person


# ---------------------------------------------------------------- descriptions and repeated charges

def _people(text: str, full: str, *short: str) -> list[Entity]:
    found = []
    for name in (full, *short):
        start = 0
        while (start := text.find(name, start)) >= 0:
            if not any(e.start <= start < e.end for e in found):
                found.append(Entity(label="PERSON", text=name, start=start, end=start + len(name), canonical=full))
            start += len(name)
    return found


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for i, char in enumerate(text):
        if char == "." and (i + 1 == len(text) or text[i + 1] == " "):
            spans.append((start, i + 1))
            start = i + 2
    return spans


@pytest.mark.parametrize("text,full,expected", [
    # "X, leader of ...": the role without an article still introduces the description
    ("Vladimir Kozlov, leader of the Alga party, spoke in January. The opposition leader was charged "
     "with inciting social hatred.", "Vladimir Kozlov", [("Vladimir Kozlov", "charged")]),
    # counter: "X, then head of ..." does not make X "the head of the office"
    ("Giuseppe Procaccini, then head of cabinet, met the envoy. The head of the office was convicted "
     "of abuse of office.", "Giuseppe Procaccini", []),
    # two accusations with nothing in common are two decisions; the same one told twice is one
    ("Sergei Duvanov was charged with rape. He denied it. Duvanov had been charged in July with insulting "
     "the president.", "Sergei Duvanov", [("Sergei Duvanov", "charged"), ("Sergei Duvanov", "charged")]),
    ("Sergei Duvanov was charged with rape. He denied it. Duvanov was charged with rape and fraud.",
     "Sergei Duvanov", [("Sergei Duvanov", "charged")]),
])
def test_descriptions_and_repeated_charges(text, full, expected):
    people = _people(text, full, full.split()[-1])
    assert [(o.person, o.verdict) for o in find_outcomes(text, _sentences(text), people, [], [])] == expected
