"""Realistic sample data around "today", for trying the app and for benchmarks."""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import peewee

from followthrough.domain.clock import Clock
from followthrough.domain.contacts import ContactMethod, ContactRoleKind
from followthrough.domain.errors import UserError
from followthrough.domain.interviews import InterviewFormat
from followthrough.domain.note_tasks import NoteMedium, NoteStatus, default_medium
from followthrough.domain.notes import NoteFacts, PersonalParts, Tone, compose
from followthrough.domain.references import ReferenceKind
from followthrough.domain.rejection import REVISIT_MONTHS_DEFAULT, StepKind, StepState, step_key
from followthrough.domain.stages import ClosureReason, Stage, reasons_for
from followthrough.store import settings as options
from followthrough.store.contacts import ReferenceProfileFields, save_reference_profile
from followthrough.store.fields import day_from_db, instant_from_db, to_db_instant
from followthrough.store.models import (
    Application,
    ApplicationReference,
    Contact,
    ContactRole,
    Interview,
    InterviewParticipant,
    RejectionStep,
    StageEvent,
    ThankYouNote,
    Touchpoint,
    db,
)
from followthrough.store.planning import plan_all
from followthrough.store.references import add_reference
from followthrough.store.transactions import writes, writing

DEFAULT_COUNT = 25
# More would take minutes and gigabytes of memory; no real search is that large.
MAX_COUNT = 100_000
_BATCH = 500

_COMPANY_FIRST = (
    "Northwind",
    "Bluebird",
    "Harbor",
    "Cedar",
    "Lumen",
    "Quarry",
    "Maple",
    "Orbit",
    "Summit",
    "Tidewater",
    "Juniper",
    "Kestrel",
    "Meridian",
    "Copperleaf",
    "Fernhill",
    "Granite",
    "Ironwood",
    "Lakeshore",
    "Brightline",
    "Silverpine",
)
_COMPANY_SECOND = (
    "Analytics",
    "Health",
    "Logistics",
    "Studios",
    "Foods",
    "Robotics",
    "Bank",
    "Learning",
    "Energy",
    "Media",
    "Software",
    "Design Co.",
    "Insurance",
    "Labs",
    "Outfitters",
)
_ROLES = (
    "Marketing Coordinator",
    "Data Analyst",
    "Product Designer",
    "Backend Engineer",
    "Customer Success Manager",
    "Project Manager",
    "UX Researcher",
    "Accountant",
    "Operations Lead",
    "Content Strategist",
    "QA Engineer",
    "Sales Development Rep",
    "HR Generalist",
    "Technical Writer",
    "Supply Chain Analyst",
)
_FIRST_NAMES = (
    "Dana",
    "Sam",
    "Priya",
    "Marcus",
    "Elena",
    "Tomás",
    "Aisha",
    "Jordan",
    "Mei",
    "Oliver",
    "Fatima",
    "Noah",
    "Ingrid",
    "Kwame",
    "Lucía",
    "Ravi",
    "Hannah",
    "Yusuf",
    "Chloe",
    "Mateo",
)
_LAST_NAMES = (
    "Lee",
    "Okafor",
    "Novak",
    "Patel",
    "García",
    "Schmidt",
    "Nakamura",
    "Brennan",
    "Silva",
    "Kowalski",
    "Haddad",
    "Andersson",
    "Moreau",
    "Osei",
    "Rossi",
    "Chen",
    "Dubois",
    "Walsh",
)
_TITLES = (
    "Hiring Manager",
    "Team Lead",
    "Senior Engineer",
    "Director of Marketing",
    "Recruiter",
    "Head of Design",
    "VP Operations",
    "Product Manager",
    "Talent Partner",
)
_SOURCES = ("LinkedIn", "Company site", "Referral", "Job board", "Recruiter", "Career fair")
_CITIES = ("Chicago, IL", "Austin, TX", "Remote", "Denver, CO", "Boston, MA", "Seattle, WA")
_NEXT_STEPS = (
    "Second round with the team",
    "Take-home exercise, then a panel",
    "Reference check",
    "Final interview with the director",
    "Decision after the last candidates",
    "",
)
_CHECK_BACK = ("After the decision date", "Any time by email", "In two weeks, by phone", "")
# The way their words name, if they name one (the method then agrees with them).
_CHECK_BACK_WAY = {"Any time by email": "email", "In two weeks, by phone": "phone"}


_TALKED_ABOUT = (
    "how your team plans its quarterly roadmap",
    "the migration you are halfway through",
    "your approach to onboarding new people in their first month",
    "the customer research behind your latest release",
    "how you balance new features against paying down old debt",
)
_WISHED = (
    "",
    "I have run a similar project end to end and would be glad to share how it went",
    "my answer about conflict was thin: I have since written down a better example",
)
# (days ago, local hour) a few showcase interviews end: their notes come due today (two)
# or are overdue (one), whatever the hour the demo is made.
_SHOWCASE_ENDS = ((1, 11), (1, 17), (2, 14))
# Two more move a day or two ahead, so their references' heads-ups come due soon.
_SHOWCASE_UPCOMING = ((-1, 11), (-2, 15))


def _showcase_recent_interviews(
    interviews: list[dict[str, object]],
    applications: list[dict[str, object]],
    now: datetime,
    zone: ZoneInfo,
    ends: tuple[tuple[int, int], ...] = _SHOWCASE_ENDS,
    skip: frozenset[object] = frozenset(),
) -> list[object]:
    """Move the last interview of a few active applications to the last day or so, so the
    demo has thank-you notes coming due today (the random dates rarely do); returns the
    applications moved. ``ends``: (days ago, local hour) of each, negative days ahead."""
    stage_of = {a["id"]: a["stage"] for a in applications}
    by_app: dict[object, list[dict[str, object]]] = {}
    for interview in interviews:
        by_app.setdefault(interview["application"], []).append(interview)
    moved: list[object] = []
    for app_id, rows in by_app.items():
        if stage_of[app_id] != Stage.INTERVIEWING.value or app_id in skip:
            continue
        last = rows[-1]
        chosen = ends[len(moved)] if len(moved) < len(ends) else None
        if chosen is None:
            return moved
        days_ago, hour = chosen
        day = now.astimezone(zone).date() - timedelta(days=days_ago)
        new_end = datetime.combine(day, time(hour), zone).astimezone(UTC)
        earlier = [r["starts_at"] for r in rows[:-1]]
        # Earlier rounds must stay earlier (by a day at least).
        if not all(isinstance(e, datetime) and e < new_end - timedelta(days=1) for e in earlier):
            continue
        start, end = last["starts_at"], last["ends_at"]
        assert isinstance(start, datetime) and isinstance(end, datetime)
        last["ends_at"] = new_end
        last["starts_at"] = new_end - (end - start)
        moved.append(app_id)
        last["decision_expected_on"] = None
        last["decision_within_count"] = None
        last["decision_within_unit"] = None
    return moved


def _demo_notes(
    interviews: list[dict[str, object]],
    participants: list[tuple[int, int, str]],
    applications: list[dict[str, object]],
    contacts: list[dict[str, object]],
    now: datetime,
    rng: random.Random,
) -> list[dict[str, object]]:
    """Thank-you notes for interviews that are over: older ones mostly out (e-mailed,
    posted, dropped off), recent ones in every state from "to write" to "sent"."""
    app_of = {a["id"]: a for a in applications}
    interview_of = {i["id"]: i for i in interviews}
    contact_of = {c["id"]: c for c in contacts}
    recent_states = (None, NoteStatus.DRAFTED, NoteStatus.CHECKED, NoteStatus.SENT)
    recent_count = 0
    rows: list[dict[str, object]] = []
    for interview_id, contact_id, _role in participants:
        interview = interview_of[interview_id]
        ended = interview["ends_at"]
        assert isinstance(ended, datetime)
        if ended > now:
            continue
        recent = now - ended < timedelta(days=3)
        status: NoteStatus | None
        if recent:
            status = recent_states[recent_count % len(recent_states)]
            recent_count += 1
        else:
            status = NoteStatus.SENT if rng.random() < 0.8 else None
        if status is None:
            continue
        app, person = app_of[interview["application"]], contact_of[contact_id]
        medium = default_medium(
            person["preferred_method"] if isinstance(person["preferred_method"], str) else None,
            str(person["email"]),
        )
        if medium is NoteMedium.CARD and rng.random() < 0.3:
            medium = NoteMedium.DROP_OFF
        if status is NoteStatus.SENT:
            status = medium.finished_status
        parts = PersonalParts(
            specific_point=rng.choice(_TALKED_ABOUT),
            wish_said=rng.choice(_WISHED),
            promised_on=None,
        )
        tone = rng.choice(list(Tone))
        composed = compose(
            tone,
            NoteFacts(
                interviewer_name=str(person["name"]),
                interviewer_title=str(person["title"]),
                company=str(app["company"]),
                role_title=str(app["role_title"]),
                interview_day=ended.date(),
                sender_name="Alex Demo",
                sender_contact="alex.demo@example.com",
            ),
            parts,
        )
        done_at = min(ended + timedelta(hours=rng.randrange(2, 20)), now)
        finished = status.finished
        rows.append(
            {
                "interview": interview_id,
                "contact": contact_id,
                "status": status.value,
                "medium": medium.value,
                "tone": tone.value,
                "subject": composed.subject,
                "body": composed.body,
                "edited_by_hand": False,
                "specific_point": parts.specific_point,
                "wish_said": parts.wish_said,
                "extra": "",
                "promised_on": None,
                "address": "",
                "checked_at": done_at if status is not NoteStatus.DRAFTED else None,
                "finished_at": done_at if finished else None,
                "finished_on": done_at.date() if finished else None,
                "created_at": done_at,
                "updated_at": done_at,
            }
        )
    return rows


@dataclass(frozen=True)
class DemoSummary:
    applications: int
    interviews: int
    contacts: int


# A small reference pool: (name, e-mail, how they know you, what they can speak to).
_DEMO_REFERENCES = (
    (
        "Priya Natarajan",
        "priya.natarajan@globex.example",
        "my manager at Globex, 2019–2023",
        "Led the billing migration\nMentoring two junior engineers",
    ),
    (
        "Sam Ortiz",
        "sam.ortiz@initech.example",
        "a teammate at Initech",
        "Day-to-day collaboration; on-call and incident reviews",
    ),
    (
        "Dr. Helen Brandt",
        "h.brandt@univ.example",
        "my thesis supervisor",
        "Research rigour and writing",
    ),
    ("Marcus Webb", "marcus@webbconsulting.example", "a client I built a data pipeline for", ""),
)


def _showcase_upcoming_interviews(
    interviews: list[dict[str, object]],
    applications: list[dict[str, object]],
    now: datetime,
    zone: ZoneInfo,
    skip: frozenset[object],
) -> None:
    """Move the first interview of two applications not yet interviewed to tomorrow and
    the day after, so the heads-ups to their references come due in the next day or two."""
    stage_of = {a["id"]: a["stage"] for a in applications}
    by_app: dict[object, list[dict[str, object]]] = {}
    for interview in interviews:
        by_app.setdefault(interview["application"], []).append(interview)
    moved = 0
    for app_id, rows in by_app.items():
        if moved == len(_SHOWCASE_UPCOMING):
            return
        first = rows[0]
        start, end = first["starts_at"], first["ends_at"]
        assert isinstance(start, datetime) and isinstance(end, datetime)
        if stage_of[app_id] != Stage.INTERVIEWING.value or app_id in skip or start <= now:
            continue
        days_ahead, hour = _SHOWCASE_UPCOMING[moved]
        day = now.astimezone(zone).date() - timedelta(days=days_ahead)
        new_end = datetime.combine(day, time(hour), zone).astimezone(UTC)
        later = [r["starts_at"] for r in rows[1:]]
        if not all(isinstance(t, datetime) and t > new_end + timedelta(days=1) for t in later):
            continue
        first["ends_at"] = new_end
        first["starts_at"] = new_end - (end - start)
        moved += 1


def _demo_references(
    applications: list[dict[str, object]],
    interviews: list[dict[str, object]],
    clock: Clock,
    now: datetime,
    zone: ZoneInfo,
) -> int:
    """References and network contacts on recent applications: heads-ups coming due in the
    next day or two, one to thank, one done, one closed application whose references
    should hear the outcome, a referrer to check in with, and one reference asked so
    often that the overuse warning shows. Returns how many people it added."""
    pool = []
    for name, email, relationship, speaks_to in _DEMO_REFERENCES:
        contact = Contact.create(name=name, email=email, created_at=now, preferred_method=None)
        ContactRole.create(contact=contact, role=ContactRoleKind.REFERENCE.value)
        save_reference_profile(
            contact.id,
            ReferenceProfileFields(relationship, speaks_to, now.date() - timedelta(days=60)),
            clock,
        )
        pool.append(contact.id)
    today = now.astimezone(zone).date()
    last_end: dict[object, datetime] = {}
    first_end: dict[object, datetime] = {}
    for row in interviews:
        end = row["ends_at"]
        assert isinstance(end, datetime)
        last_end[row["application"]] = max(end, last_end.get(row["application"], end))
        first_end[row["application"]] = min(end, first_end.get(row["application"], end))
    stage_of = {a["id"]: a["stage"] for a in applications}
    active = (Stage.INTERVIEWING.value, Stage.OFFER.value)
    # First interviews that end within the next two days: the heads-up comes due soon after.
    upcoming = sorted(
        (end, app)
        for app, end in first_end.items()
        if stage_of[app] in active and now < end < now + timedelta(days=2)
    )
    recent = sorted(
        (
            (end, app)
            for app, end in last_end.items()
            if stage_of[app] in active and now - timedelta(days=6) < end <= now
        ),
        reverse=True,
    )
    closed = [
        a["id"]
        for a in applications
        if a["stage"] in (Stage.REJECTED.value, Stage.FILLED.value)
        and isinstance(a["closed_on"], date)
        and today - a["closed_on"] < timedelta(days=20)
    ]

    def give(app: object, contact_id: int, days_ago: int, **steps: object) -> None:
        """List a reference given ``days_ago``, with the steps already recorded."""
        assert isinstance(app, int)
        link = add_reference(app, contact_id, ReferenceKind.REFERENCE, clock)
        ApplicationReference.update(given_on=today - timedelta(days=days_ago), **steps).where(
            ApplicationReference.id == link
        ).execute()

    for _end, app in upcoming[:2]:
        give(app, pool[0], 1)
        give(app, pool[1], 1)
    if recent:
        # Heads-up sent, then the employer called: a thank-you is due.
        _end, app = recent[0]
        give(
            app,
            pool[0],
            5,
            heads_up_at=now - timedelta(days=3),
            heads_up_via="email",
            contacted_on=today - timedelta(days=1),
            contacted_by="reference",
            contacted_logged_at=now - timedelta(hours=20),
        )
        referrer = Contact.create(
            name="Jordan Blake",
            email="jordan.blake@example.com",
            notes="Former colleague; introduced me to the hiring manager. Likes a short update.",
            created_at=now,
        )
        assert isinstance(app, int)
        add_reference(app, referrer.id, ReferenceKind.NETWORK, clock)
    if len(recent) > 1:
        # The whole story: warned, called, thanked.
        _end, app = recent[1]
        give(
            app,
            pool[2],
            8,
            heads_up_at=now - timedelta(days=6),
            heads_up_via="phone",
            contacted_on=today - timedelta(days=3),
            contacted_by="company",
            contacted_logged_at=now - timedelta(days=3),
            thanked_on=today - timedelta(days=2),
        )
        give(app, pool[0], 9)  # the fourth use of Priya in a month: the warning shows
    for app in closed[:2]:
        give(app, pool[3], 25, heads_up_at=now - timedelta(days=24), heads_up_via="email")
    return len(pool) + (1 if recent else 0)


def _applied_before_it_all(zone: ZoneInfo) -> None:
    """No application applied for after its first interview or a reference given for it
    (the random days are drawn apart, and the showcases move interviews): its applied day,
    and the first line of its timeline, move to a few days before the earliest of those.
    Everything else that needs an application sent (follow-ups, moves, its close, notes,
    debriefs, offers) comes after its interviews or was drawn from its applied day."""
    earliest: dict[int, date] = {}

    def seen(app_id: int, day: date) -> None:
        earliest[app_id] = min(day, earliest.get(app_id, day))

    for app_id, starts, time_zone in db.execute_sql(
        "SELECT application_id, MIN(starts_at), time_zone FROM interview GROUP BY application_id"
    ):
        seen(int(app_id), instant_from_db(starts).astimezone(ZoneInfo(time_zone)).date())
    for app_id, given, heads_up in db.execute_sql(
        "SELECT application_id, MIN(given_on), MIN(heads_up_at) FROM application_reference "
        "GROUP BY application_id"
    ):
        if given is not None:
            seen(int(app_id), day_from_db(given))
        if heads_up is not None:
            seen(int(app_id), instant_from_db(heads_up).astimezone(zone).date())
    moves = []
    for app_id, applied in db.execute_sql("SELECT id, applied_on FROM application"):
        first = earliest.get(int(app_id))
        applied_on = day_from_db(applied)
        if first is not None and applied_on is not None and applied_on > first:
            # Three days to a fortnight before (no draw: the rest of the demo stays as it was).
            moves.append((first - timedelta(days=3 + int(app_id) % 12), int(app_id)))
    connection = db.connection()
    connection.executemany(
        "UPDATE application SET applied_on = ? WHERE id = ?",
        [(day.isoformat(), app_id) for day, app_id in moves],
    )
    connection.executemany(
        "UPDATE stage_event SET happened_at = ? WHERE application_id = ? AND from_stage IS NULL",
        [
            (to_db_instant(datetime.combine(day, time(9), zone).astimezone(UTC)), app_id)
            for day, app_id in moves
        ],
    )


# (question, theme, an answer): drawn for the demo's debriefs, so that some questions come
# up at several companies and the question bank has something to rank.
_DEMO_QUESTIONS = (
    ("Tell me about yourself.", "introduction", "Eight years in data, three leading a team."),
    ("Why do you want to work here?", "motivation", "The product, and how the team ships."),
    ("Tell me about a conflict in your team.", "behavioural", "The release we split in two."),
    ("What is your biggest weakness?", "behavioural", "I over-prepare; I now time-box it."),
    ("Design a URL shortener.", "system design", "Hashing, a key-value store, a cache."),
    ("Where do you see yourself in five years?", "motivation", "Leading a platform team."),
    ("How do you prioritise competing requests?", "behavioural", "Impact against effort."),
    ("Walk me through a project you are proud of.", "experience", "The billing migration."),
)  # fmt: skip


def _demo_debriefs(
    interviews: list[dict[str, object]],
    applications: list[dict[str, object]],
    now: datetime,
    rng: random.Random,
) -> None:
    """A debrief for most interviews over a day old (the last day's wait for theirs, as
    their reminders say), with two questions each from a small pool; at an application's
    later rounds what was told at the first (one salary said differently, to compare)."""
    company = {a["id"]: a["company"] for a in applications}
    debriefs: list[tuple[object, ...]] = []
    questions: list[tuple[object, ...]] = []
    told: list[tuple[object, ...]] = []
    skills: list[tuple[object, ...]] = []
    rounds_seen: dict[object, int] = {}
    for interview in interviews:
        ends = interview["ends_at"]
        assert isinstance(ends, datetime)
        if ends > now - timedelta(days=1) or rng.random() < 0.1:
            continue
        debrief_id = len(debriefs) + 1
        app = interview["application"]
        stamp = to_db_instant(ends + timedelta(hours=3))
        debriefs.append(
            (
                debrief_id,
                interview["id"],
                "Good rapport with the panel.",
                "Shorter answers.",
                "",
                rng.randint(2, 5),
                stamp,
                stamp,
            )
        )
        for place, (question, theme, answer) in enumerate(rng.sample(_DEMO_QUESTIONS, 2), 1):
            how = rng.choice(("well", "okay", "poorly"))
            questions.append((debrief_id, place, question, answer, how, theme))
        seen = rounds_seen[app] = rounds_seen.get(app, 0) + 1
        salary = "80-85k" if seen == 1 or len(told) % 7 else "95k"
        told.append((debrief_id, 1, "salary", salary, "the recruiter"))
        if seen == 1 and len(skills) < 50 and rng.random() < 0.2:
            by = (now + timedelta(days=rng.randrange(1, 10))).date().isoformat()
            skills.append((debrief_id, 1, f"SQL for {company[app]}'s stack", by))
    _insert_debrief_rows(debriefs, questions, told, skills)


def _insert_debrief_rows(
    debriefs: list[tuple[object, ...]],
    questions: list[tuple[object, ...]],
    told: list[tuple[object, ...]],
    skills: list[tuple[object, ...]],
) -> None:
    connection = db.connection()
    connection.executemany(
        "INSERT INTO debrief (id, interview_id, went_well, to_improve, meant_to_say, rating, "
        "written_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        debriefs,
    )
    connection.executemany(
        "INSERT INTO debrief_question (debrief_id, position, question, answer, how_it_went, "
        "themes) VALUES (?, ?, ?, ?, ?, ?)",
        questions,
    )
    connection.executemany(
        "INSERT INTO debrief_told (debrief_id, position, topic, said, told_to) "
        "VALUES (?, ?, ?, ?, ?)",
        told,
    )
    connection.executemany(
        "INSERT INTO debrief_skill (debrief_id, position, name, practise_by) VALUES (?, ?, ?, ?)",
        skills,
    )


def _demo_playbook(now: datetime) -> None:
    """One application turned down lately, halfway through the steps after the no: the
    thank-you sent, the first interviewer connected with, the others still to do, and a
    reminder to look at the company again in six months."""
    row = db.execute_sql(
        "SELECT a.id, MIN(p.contact_id) FROM application a "
        "JOIN interview i ON i.application_id = a.id "
        "JOIN interview_participant p ON p.interview_id = i.id "
        "WHERE a.stage = ? AND a.closed_on IS NOT NULL GROUP BY a.id "
        "ORDER BY EXISTS (SELECT 1 FROM application_reference r WHERE r.application_id = a.id) "
        "DESC, a.closed_on DESC, a.id LIMIT 1",
        (Stage.REJECTED.value,),
    ).fetchone()
    if row is None:
        return
    app_id, first_interviewer = row
    RejectionStep.insert_many(
        [
            {
                "application": app_id,
                "step_key": key,
                "state": state,
                "months": months,
                "updated_at": now - timedelta(hours=hours),
            }
            for key, state, months, hours in (
                (step_key(StepKind.THANK_YOU), StepState.DONE, None, 20),
                (step_key(StepKind.CONNECT, first_interviewer), StepState.DONE, None, 19),
                (step_key(StepKind.REVISIT), StepState.TODO, REVISIT_MONTHS_DEFAULT, 18),
            )
        ]
    ).execute()


# The demo's offers: (salary, bonus, benefits, days to answer) of the two still open.
_OPEN_OFFERS = (
    ("82,000 USD", "8 % yearly bonus", "25 days off\nHealth and dental\nHome-office budget", 2),
    ("78,500 USD", "Stock options, vesting over 4 years", "20 days off\n401(k) match 4 %", 6),
)


def _demo_offers(applications: list[dict[str, object]], now: datetime, tz: ZoneInfo) -> None:
    """Two open offers side by side (deadlines in two and six days, on the demo's clock)
    and one accepted, starting in ten days (docs/advice.md, Keeping momentum)."""
    today = now.astimezone(tz).date()
    at = to_db_instant(now)
    offers = [a for a in applications if a["stage"] == Stage.OFFER.value][: len(_OPEN_OFFERS)]
    # A small demo may hold fewer: interviewing applications whose last round is past get
    # their offer now (the stage moves, as the timeline says), so two are always compared.
    offers += _promoted_to_offer(len(_OPEN_OFFERS) - len(offers), now)
    rows: list[tuple[object, ...]] = [
        (
            app["id"],
            salary,
            bonus,
            benefits,
            app["location"],
            today + timedelta(days=days),
            tz.key,
            "open",
            None,
            at,
            at,
        )
        for app, (salary, bonus, benefits, days) in zip(offers, _OPEN_OFFERS, strict=False)
    ]
    accepted = next((a for a in applications if a["stage"] == Stage.ACCEPTED.value), None)
    if accepted is not None:
        rows.append(
            (
                accepted["id"],
                "85,000 USD",
                "Signing bonus 5,000 USD",
                "25 days off",
                accepted["location"],
                None,
                tz.key,
                "accepted",
                today + timedelta(days=10),
                at,
                at,
            )
        )
    if rows:
        db.execute_sql(
            "INSERT INTO offer (application_id, salary, bonus, benefits, location, answer_by, "
            "answer_by_zone, status, start_on, created_at, updated_at) "
            f"VALUES {', '.join(['(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'] * len(rows))}",
            tuple(v.isoformat() if isinstance(v, date) else v for row in rows for v in row),
        )


def _promoted_to_offer(count: int, now: datetime) -> list[dict[str, object]]:
    """Up to ``count`` interviewing applications, those with the most rounds (all past),
    moved to the offer stage an hour ago; as rows of the fields ``_demo_offers`` reads."""
    if count <= 0:
        return []
    found = db.execute_sql(
        "SELECT a.id, a.location FROM application a JOIN interview i ON i.application_id = a.id "
        "WHERE a.stage = ? GROUP BY a.id HAVING MAX(i.ends_at) < ? "
        "ORDER BY COUNT(*) DESC, a.id LIMIT ?",
        (Stage.INTERVIEWING.value, to_db_instant(now), count),
    ).fetchall()
    moved = to_db_instant(now - timedelta(hours=1))
    for app_id, _location in found:
        db.execute_sql("UPDATE application SET stage = ? WHERE id = ?", (Stage.OFFER.value, app_id))
        db.execute_sql(
            "INSERT INTO stage_event (application_id, from_stage, to_stage, happened_at) "
            "VALUES (?, ?, ?, ?)",
            (app_id, Stage.INTERVIEWING.value, Stage.OFFER.value, moved),
        )
    return [{"id": app_id, "location": location} for app_id, location in found]


def _chunks(rows: list[dict[str, object]]) -> Iterator[list[dict[str, object]]]:
    for start in range(0, len(rows), _BATCH):
        yield rows[start : start + _BATCH]


def _pick_stage(rng: random.Random) -> Stage:
    roll = rng.random()
    if roll < 0.30:
        return Stage.APPLIED
    if roll < 0.65:
        return Stage.INTERVIEWING
    if roll < 0.72:
        return Stage.OFFER
    if roll < 0.75:
        return Stage.ACCEPTED
    return rng.choice((Stage.REJECTED, Stage.WITHDRAWN, Stage.FILLED, Stage.NO_RESPONSE))


# The demo's weekly goal, and how many of its applications were sent today.
DEMO_WEEKLY_GOAL = 3
_NEW_THIS_WEEK = 2


def _showcase_new_this_week(
    applications: list[dict[str, object]],
    events: list[dict[str, object]],
    interviews: list[dict[str, object]],
    now: datetime,
    zone: ZoneInfo,
) -> None:
    """Make the last few applications still at "applied" (with no interview) sent today,
    so the weekly goal has something to count (the random days are all earlier)."""
    interviewed = {row["application"] for row in interviews}
    chosen = [
        row
        for row in applications
        if row["stage"] == Stage.APPLIED.value and row["id"] not in interviewed
    ][-_NEW_THIS_WEEK:]
    moved = {row["id"] for row in chosen}
    for row in chosen:
        row["applied_on"] = now.astimezone(zone).date()
    for event in events:
        if event["application"] in moved:
            event["happened_at"] = now


def fill_demo(
    clock: Clock,
    count: int = DEFAULT_COUNT,
    *,
    seed: int = 2026,
    zone: str = "America/Chicago",
) -> DemoSummary:
    """Insert ``count`` applications with interviews and people around ``clock.now()``.

    The database must be bound and empty of applications (ValueError otherwise), so demo
    data never mixes with a person's real records.
    """
    if not 1 <= count <= MAX_COUNT:
        raise UserError(f"--count goes from 1 to {MAX_COUNT:,} applications")
    existing = Application.select().count()
    if existing:
        raise UserError(
            f"This data folder already holds {existing} applications; "
            "demo data goes into an empty folder only."
        )
    now = clock.now()
    with writing():
        rows = _DemoRows(random.Random(seed), ZoneInfo(zone), now)
        for index in range(count):
            rows.add_application(rows.next_app_id + index)
        tz = rows.tz
        recent = _showcase_recent_interviews(rows.interviews, rows.applications, now, tz)
        _showcase_upcoming_interviews(
            rows.interviews, rows.applications, now, tz, frozenset(recent)
        )
        notes = _demo_notes(
            rows.interviews, rows.participants, rows.applications, rows.contacts, now, rows.rng
        )
        _showcase_new_this_week(rows.applications, rows.events, rows.interviews, now, tz)
        rows.insert(notes)
        # Today's momentum line shows the week's goal counting (docs/advice.md, Keeping
        # momentum); a small demo (--count 3) shows the warning too.
        options.put(options.WEEKLY_GOAL, DEMO_WEEKLY_GOAL)
        added_people = _demo_references(rows.applications, rows.interviews, clock, now, tz)
        _applied_before_it_all(tz)
        _demo_debriefs(rows.interviews, rows.applications, now, rows.rng)
        _demo_playbook(now)
        _demo_offers(rows.applications, now, tz)
    # Plan the reminders now, so that a first start with demo data shows some at once.
    plan_all(now)
    return DemoSummary(
        applications=count,
        interviews=len(rows.interviews),
        contacts=len(rows.contacts) + added_people,
    )


class _DemoRows:
    """The demo's rows, made in memory (in the order the random numbers are drawn, so a
    seed always gives the same data) and inserted in bulk."""

    def __init__(self, rng: random.Random, tz: ZoneInfo, now: datetime) -> None:
        self.rng, self.tz, self.now = rng, tz, now
        self.today = now.astimezone(tz).date()
        self.next_app_id = (Application.select(peewee.fn.MAX(Application.id)).scalar() or 0) + 1
        self.next_contact_id = (Contact.select(peewee.fn.MAX(Contact.id)).scalar() or 0) + 1
        self.interview_id = (Interview.select(peewee.fn.MAX(Interview.id)).scalar() or 0) + 1
        self.applications: list[dict[str, object]] = []
        self.events: list[dict[str, object]] = []
        self.contacts: list[dict[str, object]] = []
        self.roles: list[dict[str, object]] = []
        self.interviews: list[dict[str, object]] = []
        self.participants: list[tuple[int, int, str]] = []
        self.touchpoints: list[dict[str, object]] = []

    def local_instant(self, day: date, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(day, time(hour, minute), self.tz).astimezone(UTC)

    def new_contact(self, company: str, role: ContactRoleKind, title: str) -> int:
        rng = self.rng
        first, last = rng.choice(_FIRST_NAMES), rng.choice(_LAST_NAMES)
        # The whole company name: two people of one name at "Cedar Robotics" and "Cedar
        # Outfitters" are two people, with two addresses (imports match people by address).
        slug = "-".join(re.findall(r"[a-z0-9]+", company.lower()))
        contact_id = self.next_contact_id
        self.contacts.append(
            {
                "id": contact_id,
                "name": f"{first} {last}",
                "title": title,
                "company": company,
                # "Tomás" writes "tomas" in an address (not "toms": accents go, letters stay).
                "email": unicodedata.normalize("NFKD", f"{first}.{last}@{slug}.example".lower())
                .encode("ascii", "ignore")
                .decode(),
                "phone": f"+1 555 01{rng.randrange(10, 99)} {rng.randrange(1000, 9999)}",
                "linkedin_url": "",
                "preferred_method": rng.choice(
                    (
                        None,
                        ContactMethod.PHONE.value,
                        ContactMethod.EMAIL.value,
                        ContactMethod.EITHER.value,
                    )
                ),
                "notes": "",
                "created_at": self.now,
            }
        )
        self.roles.append({"contact": contact_id, "role": role.value})
        self.next_contact_id += 1
        return contact_id

    def add_application(self, app_id: int) -> None:
        rng, today = self.rng, self.today
        company = f"{rng.choice(_COMPANY_FIRST)} {rng.choice(_COMPANY_SECOND)}"
        stage = _pick_stage(rng)
        # Some applications picked as "Applied" have had a first interview: recording it
        # moves an application to "Interviewing" (Insights' funnel and the board agree).
        interviewed = stage != Stage.APPLIED or rng.random() <= 0.4
        if interviewed and stage == Stage.APPLIED:
            stage = Stage.INTERVIEWING
        applied_on = today - timedelta(days=rng.randrange(3, 75))
        reasons: tuple[ClosureReason, ...] = reasons_for(stage)
        closed = stage not in (Stage.APPLIED, Stage.INTERVIEWING, Stage.OFFER)
        self.applications.append(
            {
                "id": app_id,
                "company": company,
                "role_title": rng.choice(_ROLES),
                "posting_url": f"https://jobs.example.com/{app_id}",
                "location": rng.choice(_CITIES),
                "source": rng.choice(_SOURCES),
                "applied_on": applied_on,
                "stage": stage.value,
                "closed_on": today - timedelta(days=rng.randrange(0, 3)) if closed else None,
                "closure_reason": rng.choice(reasons).value if reasons else None,
                "notes": "",
                "created_at": self.now,
                "updated_at": self.now,
            }
        )
        self._add_stage_events(app_id, stage, applied_on)
        if not interviewed:
            return
        if rng.random() < 0.5:
            self.new_contact(company, ContactRoleKind.RECRUITER, "Recruiter")
        rounds = 1 if stage in (Stage.APPLIED, Stage.NO_RESPONSE) else rng.choice((2, 3, 4, 4, 5))
        # Interviews run from a few weeks back to about ten days ahead.
        first_day = today - timedelta(days=rng.randrange(-10, 25))
        for round_number in range(1, rounds + 1):
            self._add_interview(app_id, company, stage, first_day, round_number, rounds)

    def _add_stage_events(self, app_id: int, stage: Stage, applied_on: date) -> None:
        self.events.append(
            {
                "application": app_id,
                "from_stage": None,
                "to_stage": "applied",
                "closure_reason": None,
                "happened_at": self.local_instant(applied_on, 9),
            }
        )
        if stage != Stage.APPLIED:
            self.events.append(
                {
                    "application": app_id,
                    "from_stage": "applied",
                    "to_stage": stage.value,
                    "closure_reason": self.applications[-1]["closure_reason"],
                    "happened_at": self.local_instant(applied_on + timedelta(days=2), 10),
                }
            )

    def _add_interview(
        self,
        app_id: int,
        company: str,
        stage: Stage,
        first_day: date,
        round_number: int,
        rounds: int,
    ) -> None:
        rng = self.rng
        day = first_day + timedelta(days=(round_number - 1) * rng.randrange(5, 10))
        while day.weekday() >= 5:
            day += timedelta(days=1)
        start = self.local_instant(
            day, rng.choice((9, 10, 11, 13, 14, 15, 16)), rng.choice((0, 30))
        )
        length = rng.choice((30, 45, 60, 90))
        within = rng.choice((None, 3, 5, 7, 10, 14))
        self.interviews.append(
            {
                "id": self.interview_id,
                "application": app_id,
                "round": round_number,
                "starts_at": start,
                "ends_at": start + timedelta(minutes=length),
                "time_zone": self.tz.key,
                "format": rng.choice(list(InterviewFormat)).value,
                "location": rng.choice(
                    ("https://meet.example.com/abc-defg", "200 Main St, 4th floor", "")
                ),
                "next_step": rng.choice(_NEXT_STEPS),
                "decision_expected_on": day + timedelta(days=within) if within else None,
                "decision_within_count": within,
                "decision_within_unit": "days" if within else None,
                "tells_unsuccessful": rng.choice((None, True, False)),
                "check_back_when": (check_back := rng.choice(_CHECK_BACK)),
                "check_back_method": _CHECK_BACK_WAY.get(
                    check_back, rng.choice((None, "phone", "email", "either"))
                ),
                "notes": "",
            }
        )
        for seat in range(rng.choice((1, 1, 2, 2, 3))):
            role = ContactRoleKind.HIRING_MANAGER if seat == 0 else ContactRoleKind.INTERVIEWER
            contact_id = self.new_contact(company, role, rng.choice(_TITLES))
            self.participants.append(
                (self.interview_id, contact_id, ContactRoleKind.INTERVIEWER.value)
            )
        if round_number < rounds and (app_id + round_number) % 3 == 0:
            # Checked in between rounds and heard back (Insights: follow-ups answered). No
            # draw from ``rng``: the rest of the demo stays as it was.
            asked = start + timedelta(days=3)
            if asked < self.now:
                self.touchpoints.append(
                    {
                        "application": app_id,
                        "happened_at": asked,
                        "channel": "phone" if app_id % 2 else "email",
                        "answered": True,
                        "outcome": "no_news",
                    }
                )
        if round_number == rounds and stage == Stage.INTERVIEWING and rng.random() < 0.4:
            # Followed up once already, without an answer: the next follow-up is planned
            # from there (and often already due).
            tried = start + timedelta(days=rng.randrange(4, 9))
            if tried < self.now:
                self.touchpoints.append(
                    {
                        "application": app_id,
                        "happened_at": tried,
                        "channel": rng.choice(("voicemail", "email")),
                        "answered": False,
                        "outcome": "no_news",
                    }
                )
        self.interview_id += 1

    @writes  # a savepoint inside fill_demo's transaction
    def insert(self, notes: list[dict[str, object]]) -> None:
        for model, rows in (
            (Application, self.applications),
            (StageEvent, self.events),
            (Contact, self.contacts),
            (ContactRole, self.roles),
            (Interview, self.interviews),
            (Touchpoint, self.touchpoints),
        ):
            for chunk in _chunks(rows):
                model.insert_many(chunk).execute()
        participant_rows: list[dict[str, object]] = [
            {"interview": i, "contact": c, "role": r} for i, c, r in self.participants
        ]
        for chunk in _chunks(participant_rows):
            InterviewParticipant.insert_many(chunk).execute()
        for chunk in _chunks(notes):
            ThankYouNote.insert_many(chunk).execute()
