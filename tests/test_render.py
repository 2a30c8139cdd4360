"""The dossier JSON writer: the same bytes as ``json.dumps(..., ensure_ascii=False, indent=2)``."""

import json
import math
from enum import IntEnum

import pytest

from corroborate import render


class Level(IntEnum):
    LOW = 1


class Tag(str):
    pass


VALUES = [
    {},
    [],
    "",
    None,
    True,
    0,
    -3,
    2.5,
    1e-7,
    1e300,
    math.inf,
    -math.inf,
    {"town": "Bexley Ford", "killed": 2, "injured": None, "quote": 'He said "run"\n\ttwice \u2014 café \\ ok'},
    {"nested": {"empty_list": [], "empty_dict": {}, "list": [1, [2, [3, {}]], {"a": []}]}},
    {7: "int key", 2.5: "float key", None: "none key"},
    {False: "bool key", True: "other bool key"},
    ("tuple", "as", "list"),
    [Level.LOW, Tag("a street"), {Tag("k"): Level.LOW}],
    {"emoji": "\U0001F600", "control": "\x00\x1f", "surrogate-free": "Zoë in Marlow Creek"},
]


@pytest.mark.parametrize("value", VALUES, ids=range(len(VALUES)))
def test_dumps_matches_the_standard_library(value):
    assert render._dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_nan_and_unknown_types_fall_back_to_the_standard_library():
    assert render._dumps(float("nan")) == "NaN"
    with pytest.raises(TypeError):
        render._dumps({"when": object()})
    loop: list = []
    loop.append(loop)
    with pytest.raises(ValueError):
        render._dumps(loop)
