"""Reuse rules on short texts: light edits still count, shared quotes do not, direction, independence."""

from __future__ import annotations

import random

from conftest import SEEDS, needs_seeds

from corroborate import analyze
from corroborate.clean import clean
from corroborate.model import Article
from corroborate.reuse import (claim_origin, find_reuse, independent_sources, origins, sentence_shingles,
                              wire_mentions)


def art(id_: str, text: str, published: str | None = "2021-03-10T08:00:00+00:00", wire: str | None = None,
        outlet: str | None = None) -> Article:
    a = clean(Article(input=id_, title="", raw_text=text, published=published, outlet=outlet))
    a.id, a.wire = id_, wire
    return a


WIRE = ("A car packed with explosives blew up at a crowded livestock market in the northern city of Gao on Tuesday. "
        "At least 12 people were killed and 23 wounded, a regional health official said. "
        "Traders from Niger and Algeria gather at the cattle pens on market days, witnesses said. "
        "The United Nations mission condemned the attack and helped evacuate the wounded.")


def test_light_edits_still_count_as_reuse():
    edited = ("A car packed with explosives exploded at a busy livestock market in the northern city of Gao on Tuesday. "
              "At least twelve people were killed and 23 wounded, a regional health official said! "
              "Traders from Niger and Algeria gather at the cattle pens on market days, witnesses told reporters.")
    [r] = find_reuse([art("w", WIRE, wire="Reuters"), art("c", edited)])
    assert (r.a, r.b, r.origin) == ("c", "w", "w")  # pairs are oriented by article id
    assert len(r.passages) == 3
    assert r.share_a == 1.0 and 0.6 < r.share_b < 1.0  # the copy cut the wire's last sentence


def test_month_abbreviation_and_quote_marks_do_not_hide_a_copy():
    a = art("a", "Thirty-eight Malian soldiers were killed on Sept. 30 in coordinated attacks on two army bases, officials said.")
    b = art("b", "Thirty-eight Malian soldiers were killed on September 30 in coordinated attacks on two army bases, officials said.")
    [r] = find_reuse([a, b])
    assert r.passages == [(0, 0)]


def test_different_reports_of_the_same_facts_are_not_reuse():
    other = ("Twelve people died when a bomb hidden in a parked car went off beside the Gao cattle market. "
             "Hospital staff said more than twenty people were being treated for burns.")
    assert find_reuse([art("w", WIRE), art("o", other)]) == []


def test_shared_quotation_alone_is_not_copying():
    a = art("a", '"The bomb was hidden in a car parked beside the water trough since dawn, then it exploded," '
                 "Toure told Reuters.")
    b = art("b", 'He further informed: "The bomb was hidden in a car parked beside the water trough since dawn, '
                 'then it exploded".')
    [r] = find_reuse([a, b])
    assert r.passages == [] and r.quotes == [(0, 0)]
    assert r.origin == "unknown"
    assert independent_sources([a, b], [r]) == 2


def test_shingles_made_beforehand_give_the_same_pairs():
    a = art("a", 'A grain silo collapsed in Bexley Ford on Sunday, burying two trucks, the county sheriff said. '
                 '"We heard a roar like a train and then the dust came over the whole street," one farmer said. '
                 "Short one.")
    b = art("b", "A grain silo collapsed in Bexley Ford on Sunday, burying two trucks, the county sheriff said. "
                 '“We heard a roar like a train and then the dust came over the whole street,” a neighbour recalled.')
    c = art("c", "Nobody was hurt when the old mill in Quenby Hollow caught fire late on Friday night.")
    fresh = find_reuse([a, b, c])
    assert fresh and fresh == find_reuse([a, b, c], {x.id: sentence_shingles(x) for x in (a, b)})  # c made here
    indexes, quoted, frame_is_all, lengths, hashes = sentence_shingles(a)
    assert indexes == [0, 1] and quoted == [False, True] and frame_is_all == [True, False]  # "Short one." too short
    assert sum(lengths) == len(hashes)


def test_shared_quotation_with_the_same_framing_is_reuse():
    a = art("a", '"Rescue teams counted twelve bodies, including two children, and 23 wounded, and found heavy '
                 'damage," the governor said on the radio late on Tuesday.')
    b = art("b", '“Rescue teams counted twelve bodies, including two children, and 23 wounded and found heavy '
                 'damage,” the governor said on the radio late on Tuesday.')
    [r] = find_reuse([a, b])
    assert r.passages == [(0, 0)]


def test_credited_wire_is_the_origin_even_when_published_later():
    w = art("w", WIRE, published="2021-03-10T12:00:00+00:00", wire="AFP")
    c = art("c", WIRE, published="2021-03-10T09:00:00+00:00")
    [r] = find_reuse([w, c])
    assert r.origin == "w"


def test_two_copies_of_one_wire_link_to_the_wire_when_its_own_article_is_absent():
    x = art("x", WIRE, wire="AP")
    y = art("y", WIRE, wire="AP", published="2021-03-10T09:30:00+00:00")
    [r] = find_reuse([x, y])
    assert r.origin == "wire:AP"
    assert origins([x, y], [r]) == {"x": "wire:AP", "y": "wire:AP"}


def test_in_text_wire_sourcing_links_an_uncredited_copy_to_the_wire():
    origin = art("o", WIRE, outlet="Reuters", published=None)
    copy = art("c", WIRE + " The toll could rise, a doctor told Reuters.", published=None)
    assert wire_mentions(copy) == ["Reuters"]
    [r] = find_reuse([origin, copy])
    assert r.origin == "o"


def test_earlier_publication_is_the_origin_and_no_order_means_unknown():
    a = art("a", WIRE, published="2021-03-10T10:00:00+00:00")
    b = art("b", WIRE, published="2021-03-10T08:00:00+00:00")
    assert find_reuse([a, b])[0].origin == "b"
    assert find_reuse([art("a", WIRE, published=None), art("b", WIRE, published=None)])[0].origin == "unknown"


def test_copies_collapse_into_one_origin_and_own_reporting_stays_independent():
    w = art("w", WIRE, wire="Reuters")
    copy_plus = art("g", WIRE + " Local media reported that only 20 soldiers of the garrison survived the assault that night.")
    alone = art("i", "An independent reporter in Gao counted fifteen bodies at the morgue on Wednesday morning.")
    pairs = find_reuse([w, copy_plus, alone])
    labels = origins([w, copy_plus, alone], pairs)
    assert labels["w"] == labels["g"] == "wire:Reuters" and labels["i"] == "i"
    assert independent_sources([w, copy_plus, alone], pairs) == 2
    copied, own = 0, len(copy_plus.sentences) - 1
    assert claim_origin(copy_plus, copied, pairs, labels) == "wire:Reuters"
    assert claim_origin(copy_plus, own, pairs, labels) == "g"


def test_result_does_not_depend_on_input_order():
    arts = [art(str(i), WIRE if i % 2 else WIRE.replace("Gao", "Kidal"), published=f"2021-03-1{i}") for i in range(6)]
    first = find_reuse(arts)
    shuffled = arts[:]
    random.Random(3).shuffle(shuffled)
    assert find_reuse(shuffled) == first


def test_stock_sentence_across_months_is_not_reuse():
    stock = "There was a problem saving your settings and the page could not be refreshed, please try again later."
    arts = [art(f"s{i}", f"Story number {i} about a fire in town {i} that burned {i} houses overnight. {stock}",
                published=f"2016-{i + 1:02d}-10") for i in range(4)]
    assert all(not r.passages for r in find_reuse(arts))


@needs_seeds
def test_seed_copies_and_independence():
    d = analyze([SEEDS])
    by = {a.input.rsplit("/", 1)[-1][:3]: a.id for a in d.articles}
    pairs = {(r.a, r.b): r for r in d.reuse if r.passages}
    key = lambda x, y: (x, y) if (x, y) in pairs else (y, x)  # noqa: E731
    reuters_guardian = pairs[key(by["000"], by["003"])]
    afp_aljazeera = pairs[key(by["001"], by["004"])]
    assert reuters_guardian.origin == by["000"] and len(reuters_guardian.passages) >= 3
    assert afp_aljazeera.origin == by["001"] and len(afp_aljazeera.passages) >= 3
    ibtimes = by["002"]
    assert not any(ibtimes in pair for pair in pairs)
    reuters_group, afp_group = {by["000"], by["003"]}, {by["001"], by["004"]}
    assert not any({r.a, r.b} & reuters_group and {r.a, r.b} & afp_group for r in pairs.values())
    assert len(set(d.origins.values())) == 3
