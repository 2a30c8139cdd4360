"""Reconcile: one event's claims, from all its articles, merged into what is known and what is disputed.

reads: the event's articles (claims, published, outlet), the reuse pairs among them;
fills: ``Event.date``, ``location``, ``type``, ``figures``, ``actors``, ``disputes``,
``related_events``, ``timeline``, ``copies``, ``independent_sources``.

Rules, in the order a reader checks them:

- **Copies count once.** Every claim gets an *origin*: the sentence's source when the
  sentence was copied (``reuse`` passages), else the article's wire when it is credited to
  one, else the article itself.  Agreement and disputes count origins, not articles.
- **An article's figure** for a (measure, group) is its largest exact figure for that group
  (a vague amount such as "dozens" only when it gives no number).  Its **total** ("people")
  is the largest of: one sentence's groups added up ("53 soldiers and one civilian" → 54),
  its named groups added up across sentences, the people it introduces one by one, and the
  people it names ("Ann Lee, 23, was shot"), each surname once.
  A part of a total ("54 bodies including one civilian") is never added again, nor is one person
  told twice in one phrase ("a 15-year-old Elm Street teen": children 1 and people 1 are one), nor
  a victim told after a count of everyone in the same sentence ("left one person dead ... the man
  who killed a 16-year-old": one death, not two).
- **Intervals.** "at least 53" is [53, ∞), "more than 50" [51, ∞), "up to 10" [0, 10],
  "about 20" ±10 %, "dozens" (coded 12, ACLED's convention) [12, ∞): a vague amount never
  disputes a number.  A person mentioned alone ("a man was killed", "his wife") and the people
  an article names (across its sentences, or in one list: "Ann Lee, 23, and Bo Diaz, 31") are
  [n, ∞): some of the victims, not a count of them; so is a total made of named groups only
  ("two children were killed": [2, ∞)), and a death or wound told of the attacker alone ("the
  gunman, 41, was shot dead": [1, ∞), his death, not his victims').  The n people an article introduces one
  by one are [k, ∞), k those told apart ("another man", "a second victim") or the count a sentence
  gives: a report re-introduces its victim under another noun more often than it adds one.  A
  total of several shootings ("in unrelated shootings", "a violent night", "within five hours",
  "in the city since Friday") is [0, n]: the event's count is at most that, and it is no count
  for the conservative policy.
  Independent origins *agree* when their intervals meet.
- **Revisions.** An origin's later figure replaces its earlier one, and an official's later
  figure (government, police, army, ministry, spokesman …) supersedes earlier conflicting
  ones; so does a later day's higher death toll from a report that a victim has since died ("a
  third man shot on Friday has died"): tolls rise as the wounded die.  Both stay in the timeline.
  What still conflicts is **disputed**.
- **The dead are not the wounded.** An article that reads everyone it says was hit as dead ("a man
  was shot ... he died at the hospital"; a gunman's own death only when he is the one hit, as in
  "shot himself") reports 0 wounded; that 0 outvotes another report's lone
  "a man was wounded" (the same victim before he died), unless some report counts two or more
  wounded or tells a wounded person apart ("his cousin was also shot").  A report of the wounded
  written on an earlier day than a report that a victim has since died counts that victim among
  its wounded: its wounded are its count less the deaths it did not know of (a group's wounded,
  such as children, less that group's deaths).
- **A lone gunman among the dead** (or the wounded) counts with his victims, as GVA counts
  everyone shot: a report of his victims only ("the gunman killed four"; "four were killed by
  Vesey") gives its count and one when some report tells of his death or counts him ("five
  people, including the gunman, died"); beside such a count, "four people were killed" may
  count him or not ([4, 5]).  Several attackers dead (two burglars a homeowner shot) are
  the dead themselves, and police ("officers shot and killed one man") are no gunman.  Reports
  that each tell of someone who shot himself, one as the attacker ("a boy turned a gun on
  himself") and one as a victim ("a student died after shooting himself"), tell of one death.
- **Deaths past the lead.** A death that one origin alone tells, only past the first ``LEAD``
  sentences of its report, while other origins count the event's wounded and no death, is
  background the extraction left unscoped: it takes no part in the event's figures.
- **Groups.** A named group larger than the total of the same measure ("only 20 soldiers
  survived" against "10 survivors") is a dispute about that measure.  A group's figure is
  disputed with its measure's disputed total when a side of that dispute leaves no room for it
  ("no one else was hurt" against "a girl was wounded"), not when it fits inside every side
  (two children hurt beside reports of two and of three people hurt).
- **Estimates** under two named policies: ``best`` (UCDP-like; the default): best = the value
  most origins give (ties: the middle one), low/high = the lowest/highest credible figure;
  ``conservative`` (ACLED-like): best = the lowest credible figure (inside the agreement when the
  reports agree; a person mentioned alone is no figure of one; a lower figure first given on a
  later day than two independent origins' higher ones is a follow-up telling part of the event,
  not a count: tolls rise, they do not fall; never above the best figure).  Vague amounts count
  at their coded value only when no origin gives a number.
- **Background** claims (``Claim.scope``) never reach the event's figures: they form
  ``related_events``, grouped by their date and wording, and reconciled the same way.
"""

from __future__ import annotations

from typing import Any, Iterable

from ..model import Article, Event
from .facts import actors, date, date_span, event_type, location
from .related import related_events
from .reports import DEFAULT_POLICY, DISJOINT, POLICIES, Origins, Report, members
from .timeline import timeline
from .tolls import figures, total

__all__ = ["DEFAULT_POLICY", "DISJOINT", "POLICIES", "Origins", "Report", "actors", "date", "date_span",
           "event_type", "figures", "location", "members", "reconcile", "related_events", "timeline", "total"]


def reconcile(event: Event, articles: list[Article], pairs: Iterable[Any] = ()) -> Event:
    """Fill ``event``'s reconciled facts from its articles' claims (see the module docstring)."""
    from ..reuse import copy_rows, origins as article_origins

    arts, pairs = members(event, articles, pairs)
    origins = Origins(arts, pairs)
    event.figures, disputes = figures(arts, origins)
    event.date, d = date(arts, origins)
    event.location, p = location(arts, origins)
    event.type = event_type(arts, origins)
    event.actors, ac = actors(arts, origins, event.date)
    event.disputes = disputes + d + p + ac
    event.related_events = related_events(event.id, arts, origins, (event.date or {}).get("value"))
    event.copies = copy_rows(pairs)
    event.independent_sources = len(set(article_origins(arts, pairs).values()))
    event.timeline = timeline(arts, event.date, event.location, event.actors)
    return event
