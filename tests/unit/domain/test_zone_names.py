"""Finding a time zone by what a person types: its whole name or its city, in any case
(Preferences ▸ Your time zone and the interview form find it the same way)."""

from __future__ import annotations

from followthrough.domain.zones import zone_named, zone_names, zones_named

NAMES = zone_names()


def test_a_city_finds_its_zone_in_any_case() -> None:
    assert zones_named("Tokyo", NAMES) == ["Asia/Tokyo"]
    assert zones_named("tokyo", NAMES) == ["Asia/Tokyo"]
    assert zones_named("  new york ", NAMES) == ["America/New_York"]
    assert zones_named("New_York", NAMES) == ["America/New_York"]
    assert zone_named("ho chi minh", NAMES) == "Asia/Ho_Chi_Minh"


def test_a_whole_name_in_any_case_is_that_zone() -> None:
    assert zones_named("asia/tokyo", NAMES) == ["Asia/Tokyo"]
    assert zone_named("EUROPE/BERLIN", NAMES) == "Europe/Berlin"


def test_a_city_in_several_zones_or_none_is_left_as_typed() -> None:
    several = ["America/Indiana/Indianapolis", "America/Indianapolis"]
    assert zones_named("Indianapolis", several) == several
    assert zone_named("Indianapolis", several) == "Indianapolis"
    assert zones_named("Olympus Mons", NAMES) == []
    assert zone_named(" Mars/Olympus_Mons ", NAMES) == "Mars/Olympus_Mons"
    assert zones_named("", NAMES) == [] and zones_named("Asia", NAMES) == []
