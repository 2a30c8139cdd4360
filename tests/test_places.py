"""The event's place: names read as a careful coder would, on short reports written for these tests."""

from __future__ import annotations

from corroborate import places
from corroborate.model import Article
from corroborate.pipeline import process


def report(text: str, title: str = "", url: str | None = None) -> Article:
    article = process(Article(input="test.txt", title=title, raw_text=text, published="2021-03-06",
                              format="text", url=url))
    assert isinstance(article, Article), article
    return article


def place(article: Article) -> tuple | None:
    found = [c.value for c in article.claims if c.kind == "place"]
    return (found[0]["name"], found[0]["admin1"]) if found else None


def test_town_named_with_its_state():
    a = report("A man was shot in Springfield, Ohio, on Friday night, police said.")
    assert place(a) == ("Springfield", "Ohio")
    b = report("A woman was wounded Tuesday in Dayton, Ohio. The shooter fled on foot.")
    assert place(b) == ("Dayton", "Ohio")


def test_postal_and_dotted_state_after_a_dateline():
    a = report("FARMINGTON, N.M. (KXYZ) - A woman was shot at a home on Friday, deputies said.")
    assert place(a) == ("Farmington", "New Mexico")
    b = report("LEXINGTON, KY (WXYZ) - Two men were shot outside a store on Friday, police said.")
    assert place(b) == ("Lexington", "Kentucky")


def test_dateline_after_a_line_of_page_furniture():
    a = report("Posted: Friday, March 5, 2021 9:00 PM\n\nNEW ORLEANS (AP) - A man was arrested after his son "
               "shot himself with a gun he found at home.")
    assert place(a) == ("New Orleans", "Louisiana")


def test_person_names_are_not_towns():
    a = report("A boy was hurt when a gun went off on Friday. Tyler Ortiz, 7, was taken to a hospital. "
               "Tyler had found the pistol in a closet, according to Maria Beaumont, a spokeswoman. "
               "Beaumont said no one has been charged.")
    assert place(a) is None or place(a)[0] not in ("Tyler", "Beaumont")


def test_agency_named_after_an_article_and_a_weekday_after_a_town():
    a = report("The Salt Lake City Police Department said a driver was hurt by gunfire on Tuesday.")
    assert place(a) == ("Salt Lake City", "Utah")
    b = report("A clerk was wounded during a robbery in Tacoma Saturday, officers said.")
    assert place(b) == ("Tacoma", "Washington")


def test_title_site_name_is_the_outlets_home_not_the_place():
    a = report("A woman was shot and killed in Oakland on Friday, police said.",
               title="Woman killed in shooting - KXYZ News 12 Shreveport, Louisiana News Weather")
    assert place(a) == ("Oakland", "California")
    assert places.headline("Man shot in Oakland - KXYZ News 12 Shreveport, Louisiana") == \
        ("Man shot in Oakland", "KXYZ News 12 Shreveport, Louisiana")
    assert places.home(None, "KXYZ News 12 Shreveport, Louisiana") == {"Louisiana": 1.0}


def test_outlet_home_from_its_web_address():
    assert places.home("http://www.houstonnewsnow.com/news/a-story") == {"Texas": 1.0}
    assert places.home("http://chicago.example-times.com/news/") == {"Illinois": 1.0}
    assert places.home("http://www.springfieldtimes.com/news/") == {}  # Springfield of which state?
    assert places.home("http://www.winston-salem-daily.com/news/") == {"North Carolina": 1.0}  # not Salem, Oregon
    assert places.home("http://www.example.com/news/") == {}


def test_outlet_home_decides_a_county_the_text_leaves_open():
    text = "A man was shot Sunday in Harris County, deputies said. He was taken to a hospital."
    assert place(report(text))[1] == "Texas"  # the largest counties: a prior, not evidence
    a = report("A teen was wounded Sunday in Orange County, deputies said. Shots were fired near a home.",
               url="http://www.orlandonews.com/news/a-story")
    assert place(a) == ("Orange County", "Florida")


def test_neighbourhood_is_not_a_town_elsewhere():
    a = report("HOUSTON - Two men were wounded late Friday in the Sunnyside neighborhood, Houston police said.",
               title="Two wounded in Sunnyside")
    assert place(a) == ("Houston", "Texas")


def test_neighbourhood_under_a_dateline_of_another_state():
    a = report("DENVER, Colo. - A woman died after a shooting in Fairmount late Thursday, officers said.")
    assert place(a) == ("Denver", "Colorado")  # no Fairmount in Colorado: a part of the city
    b = report("NEWARK, N.J. - A woman died after a shooting in Garfield late Thursday, officers said.")
    assert place(b) == ("Garfield", "New Jersey")  # a town of the dateline's state


def test_residence_without_preposition():
    a = report("Detectives arrested a 19-year-old Smyrna man on Monday in connection with the shooting.")
    assert place(a) == ("Smyrna", "Georgia")


def test_a_business_after_the_is_not_a_town():
    a = report("A man was shot at the Hilton hotel downtown on Monday. The Hilton staff called police.")
    assert place(a) is None
    b = report("A man was shot on Monday in the Chicago area, the Chicago Fire Department said.")
    assert place(b) == ("Chicago", "Illinois")


def test_county_abbreviation_and_possessive():
    a = report("A clerk was shot during a holdup at a bank in Prince George's Co. on Monday, police said.")
    assert place(a) == ("Prince George's County", "Maryland")


def test_capitals_are_acronyms_not_other_names():
    a = report("A man was shot in Dayton on Friday, CNN reported, citing police.")
    assert place(a) is not None and place(a)[0] == "Dayton"
    assert all(m.text != "CNN" for m in places.mentions("He told CNN about the shooting.", 1))


def test_a_county_is_placed_where_its_people_live():
    a = report("A man was wounded Sunday in Orange County, deputies said. Shots were fired near a home.",
               url="http://www.orlandonews.com/news/a-story")
    found = next(c.value for c in a.claims if c.kind == "place")
    assert found["precision"] == "district"
    assert abs(found["lat"] - 28.54) < 0.3 and abs(found["lon"] + 81.38) < 0.3  # near Orlando, not in the swamps


def test_a_stations_call_sign_tells_which_side_of_the_mississippi():
    assert places.broadcaster("wxyz13.com") == "east" and places.broadcaster("kxyz.com") == "west"
    assert places.broadcaster("fox43.com") == "us" and places.broadcaster("wsj.com") is None
    assert places.broadcaster("work.com") is None  # a word, not a call sign
    text = "Two men were wounded in a shooting in Springfield on Friday night, police said."
    assert place(report(text, url="http://www.wxyz.com/story/1"))[1] != "Missouri"
    assert place(report(text, url="http://www.kxyz.com/story/1")) == ("Springfield", "Missouri")


def test_a_us_station_reads_a_town_name_as_the_american_one():
    a = report("A child was accidentally shot in Birmingham on Sunday, police said.",
               url="http://www.wxyz13.com/article/a-story")
    assert place(a) == ("Birmingham", "Alabama")


def test_a_county_named_anywhere_tells_which_state():
    a = report("A man was shot in Springfield on Friday. The Sangamon County coroner identified him Monday.")
    assert place(a) == ("Springfield", "Illinois")


def test_a_namesake_next_to_another_place_named_is_the_one_meant():
    a = report("Three people were wounded at a party in Montgomery on Sunday. One was taken to a hospital in Aurora.")
    assert place(a) == ("Montgomery", "Illinois")  # not the bigger Montgomery, far from any Aurora


def test_a_town_far_from_the_county_the_event_is_in_is_not_its_place():
    a = report("A Denver man was shot while hunting elk in Moffat County on Saturday, the sheriff said. "
               "He was flown to a hospital in Denver.", title="Hunter wounded in Moffat County")
    assert place(a) == ("Moffat County", "Colorado")
    b = report("A woman was shot in Craig on Saturday, the Moffat County sheriff said.")
    assert place(b) == ("Craig", "Colorado")  # the town inside the county is the more precise answer


def test_a_town_the_gazetteer_lacks_is_placed_in_the_state_its_dateline_gives():
    a = report("BRAMBLE HOLLOW, Tenn. (WXYZ) - A girl was wounded at a home in Bramble Hollow on Friday, police said.")
    found = next(c.value for c in a.claims if c.kind == "place")
    assert (found["name"], found["admin1"], found["precision"]) == ("Bramble Hollow", "Tennessee", "region")
    b = report("A man was shot Friday in Springfield, Tennessee, deputies said. He lived in Springfield.")
    assert place(b) == ("Springfield", "Tennessee")  # known there: the gazetteer's town


def test_a_compass_part_of_a_city_is_where_the_event_was():
    a = report("A boy was killed and three people were hurt in a shooting on Friday.",
               title="Boy, 7, killed in Southwest Charlotte shooting")
    assert place(a) == ("Charlotte", "North Carolina")
    assert [m.use for m in places.mentions("Two men were shot in northeast Denver late Friday.", 1)] == ["loc"]


def test_a_coroners_county_places_the_event():
    a = report("The Vanderburgh County Coroner's Office identified a man who died after a shooting early Saturday.")
    assert place(a) == ("Vanderburgh County", "Indiana")


def test_telephone_area_code_tells_which_springfield():
    text = ("SPRINGFIELD - A man was hurt in a shooting on the city's north side on Monday, police said. "
            "Tips go to the department's detective line, (217) 555-0142, the chief added.")
    assert place(report(text)) == ("Springfield", "Illinois")
    assert set(places.phone_states(["Call 217-555-0142 or 1-413-555-0199."])) == {"Illinois", "Massachusetts"}
    assert places.phone_states(["Call the tip line, 1-800-555-0142."]) == {}  # toll-free: anywhere
    assert places.phone_states(["In the 2019-2020 season he scored 312.5-1000 points."]) == {}


def test_outlet_town_when_the_text_names_no_place():
    text = "A teen was hit by gunfire on the city's east side late Friday; his wound is not serious."
    a = report(text, title="Teen shot on east side - KXYZ News 4 Tucson, Arizona")
    assert place(a) == ("Tucson", "Arizona")
    assert [c.value["basis"] for c in a.claims if c.kind == "place"] == ["outlet's site name"]
    b = report(text, title="Teen shot on east side", url="http://www.tucsonnewsnow.com/story/1")
    assert place(b) == ("Tucson", "Arizona")
    assert place(report(text, title="Teen shot on east side")) is None  # no outlet, no guess
    c = report("A teen was shot in Mesa on Friday night, police said.",
               title="Teen shot - KXYZ News 4 Tucson, Arizona")
    assert place(c) == ("Mesa", "Arizona")  # the text's own town wins
    d = report(text, title="Teen shot on east side - FOX 6 KXYZ Boise News, Weather, Sports")
    assert place(d) == ("Boise", "Idaho")  # call letters and "News" do not run into the town's name
    e = report(text, title="Teen shot on east side - KXYZ.com Laramie Wyoming news")
    assert place(e) == ("Laramie", "Wyoming")


def test_county_deputies_are_the_countys():
    a = report("A hunter was hurt by a stray shot on Saturday, Yavapai County deputies said.",
               title="Young hunter hurt by stray shot")
    assert place(a) == ("Yavapai County", "Arizona")


def test_unknown_town_is_placed_at_the_county_the_text_names():
    a = report("BEXLEY FORD, Mont. (AP) - A rancher was wounded by a ricochet, the Gallatin County sheriff said. "
               "A helicopter carried him to a trauma center.")
    value = next(c.value for c in a.claims if c.kind == "place")
    assert (value["name"], value["admin1"], value["precision"]) == ("Bexley Ford", "Montana", "district")
    assert abs(value["lat"] - 45.6) < 0.5 and abs(value["lon"] + 111.1) < 0.7  # the county's point
    b = report("BEXLEY FORD, Mont. (AP) - A rancher was wounded by a ricochet, the sheriff said.")
    assert next(c.value["precision"] for c in b.claims if c.kind == "place") == "region"  # no county: the state


def test_city_outlet_covers_its_suburbs_across_a_state_line():
    text = "A courier was grazed by a bullet outside a laundromat in Newark late Monday."
    assert place(report(text, url="http://www.newyorknewsnow.com/story/1")) == ("Newark", "New Jersey")
    assert place(report(text, url="http://www.delawarenewsnow.com/story/1")) == ("Newark", "Delaware")


def test_telephone_number_outweighs_the_outlets_web_address():
    text = ("A clerk was wounded at a bait shop in Columbus on Sunday, deputies said. Tipsters may reach "
            "the detective bureau at 706-555-0123.")
    assert place(report(text, url="http://www.columbusnews.com/story/1")) == ("Columbus", "Georgia")
    assert place(report(text.split(" Tipsters")[0], url="http://www.columbusnews.com/story/1")) == \
        ("Columbus", "Ohio")


def test_city_suburbs_are_not_the_city():
    a = report("BEXLEY FORD - A pair of brothers was wounded outside a duplex in the Denver suburbs late Sunday. "
               "Officers found both men in a yard in Aurora, and one of them died.",
               title="Two shot at home in Denver suburbs")
    assert place(a) == ("Aurora", "Colorado")


def test_township_named_in_the_dateline_is_not_the_town_of_that_name():
    a = report("JACKSON TOWNSHIP, Ohio (WXYZ) - A hunter was wounded in Jackson Township on Friday, and the Stark "
               "County Sheriff's Office is investigating.",
               title="Hunter wounded in Jackson Township")
    value = next(c.value for c in a.claims if c.kind == "place")
    assert (value["admin1"], value["precision"]) == ("Ohio", "district")  # Stark County's point, not the town
    assert value["name"] == "Jackson Township"  # (the town called Jackson is in another county)


def test_local_outlets_small_place_is_not_a_namesake_in_another_state():
    text = "A man was shot near a park in Homer Glen on Friday night, police said."
    a = next(c.value for c in report(text, url="http://www.tucsonnewsnow.com/story/1").claims if c.kind == "place")
    assert (a["name"], a["admin1"], a["precision"]) == ("Homer Glen", "Arizona", "region")  # a place we lack
    assert place(report(text)) == ("Homer Glen", "Illinois")  # no outlet: the only one we know
    b = report("A man was shot near a park in Homer Glen, Ill., on Friday night, police said.",
               url="http://www.tucsonnewsnow.com/story/1")
    assert place(b) == ("Homer Glen", "Illinois")  # the text says which


def test_runs_of_capitals_are_found_wherever_they_start():
    """Runs are tried only where a capital starts a word: a capital inside a word ("iPhone") starts none,
    a title's run ("Deputy Ann Lowe") is a person's, and a possessive ends a run."""
    text = ("Deputy Ann Lowe said the Marlow Creek man, a McAllister Farms worker, drove an iPhone repair van "
            "to Bexley Ford's depot.")
    assert list(places._segments(text)) == [("Marlow Creek", 25), ("McAllister Farms", 45), ("Bexley Ford", 100)]
    every = [m for m in places._SEGMENT.finditer(text) if not m["title"]]
    assert [start for _, start in places._segments(text)] == [m.start() for m in every]
    assert list(places._segments("Marlow Creek Teen Shot In Bexley Ford Park", True)) == \
        [("Marlow Creek", 0), ("Bexley Ford Park", 26)]


def test_people_named_are_not_places():
    """First and last names before an age, an apposition or "was", and a name with an age or before "said",
    are people's; a capital inside a word starts no name ("xCorvin"), and a word opening a sentence before
    "said" may be a place ("... inside. Dunmore said")."""
    text = ("Corvin Quarrow, 41, told deputies that Orla Kee was inside. Dunmore said the Brisk Valley "
            "store was closed, and Edda Fray, a clerk, agreed; Pell, 9, was unhurt.")
    assert places.surnames([text]) == {"corvin", "quarrow", "orla", "kee", "edda", "fray", "pell"}
    assert places.surnames(["Dunmore said it was closed."]) == {"dunmore"}
    assert places.surnames(["xCorvin Tarnby, a clerk, was there", "the depot, Tarnby, 41, was"]) == {"tarnby"}


def test_a_name_met_again_reads_as_it_did_the_first_time():
    # the gazetteer's answer for a name is kept between sentences and articles: each mention still gets its own list
    first = places.mentions("Two men were shot in Springfield, Ohio, late on Friday.", 0)
    first[0].candidates.clear()
    again = places.mentions("Officers in Springfield, Ohio, found a third man wounded.", 1)
    assert again[0].text == "Springfield" and again[0].candidates
    assert place(report("A clerk was wounded in Dayton, Ohio. Dayton police are still looking for the robber.")) \
        == ("Dayton", "Ohio")
