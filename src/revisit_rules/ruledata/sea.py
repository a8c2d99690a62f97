"""Rules SEA-*: heating, cooling and rainy seasons (decisions § 3).

The heating-season rows are listed from the region table of :mod:`revisit_rules.regions`
itself, grouped as verified (a local rule) or customary, so the registry and the table
cannot drift apart.
"""

from __future__ import annotations

from revisit_rules.regions import REGIONS, SeasonStatus
from revisit_rules.rulebook import Rule, Source
from revisit_rules.ruledata._checked import _CHECKED


def _rows(status: SeasonStatus) -> str:
    """``北京 11-15 → 03-15; …``: the heating-season rows of the table with ``status``."""
    return "; ".join(
        f"{r.name_zh} {r.heating}"
        for r in REGIONS.values()
        if r.heating is not None and r.heating_status is status
    )


RULES: tuple[Rule, ...] = (
    Rule(
        id="SEA-HEATING",
        title_zh="采暖期",
        title_en="Heating season",
        statement=(
            "A heating season (采暖期/供暖期) is the date range fixed by the local government. "
            "The library ships a table of northern regions; rows marked verified cite the "
            "local rule, rows marked customary give the usual dates (see the sources). Local "
            "governments may move the dates in a given year: these are defaults, and a policy "
            "may override a region's range."
        ),
        value="per-region table (see REGIONS); e.g. 北京 11-15 → 03-15",
        sources=(
            Source("REG", "Art. 40(3)", "供热与供冷系统，为2个采暖期、供冷期"),
            Source("LOCAL", "北京市供热采暖管理办法", "本市供热采暖期为当年11月15日至次年3月15日"),
            Source("LOCAL", f"verified: {_rows(SeasonStatus.VERIFIED)}"),
            Source(
                "DECISIONS",
                f"§ 3 customary (to be checked against local rules): {_rows(SeasonStatus.CUSTOMARY)}",
            ),
        ),
        policy_fields=("heating_seasons",),
        checked_on=_CHECKED,
    ),
    Rule(
        id="SEA-COUNT",
        title_zh="采暖期、供冷期的计数",
        title_en="Counting N seasons",
        statement=(
            "N seasons end on the last day of the N-th season counted from the start. By "
            "default only seasons that begin on or after the start day count (a season "
            "already running at acceptance is not a full season of use); with "
            "count_partial_season a season in progress at the start day counts as the first."
        ),
        value="count_partial_season=False",
        sources=(Source("REG", "Art. 40(3)"), Source("DECISIONS", "§ 3 SEA-COUNT")),
        policy_fields=("count_partial_season",),
        checked_on=_CHECKED,
    ),
    Rule(
        id="SEA-COOLING",
        title_zh="供冷期",
        title_en="Cooling season",
        statement=(
            "Cooling seasons have no statutory dates anywhere. The library assumes a default "
            "range per region (06-01 → 08-31 in the north, longer in the south); pass your "
            "own where the contract or the operator states one."
        ),
        value="per-region default (see REGIONS)",
        sources=(Source("REG", "Art. 40(3)"), Source("DECISIONS", "§ 3 SEA-COOLING")),
        policy_fields=("cooling_seasons",),
        assumption=True,
        checked_on=_CHECKED,
    ),
    Rule(
        id="SEA-NO-SEASON",
        title_zh="无采暖期地区",
        title_en="Region without a heating season",
        statement=(
            "A season-counted period in a region with no such season is an error that names "
            "the region and asks for a season range or a contract term; never a silent "
            "zero-length warranty."
        ),
        value="error (NoSeasonError)",
        sources=(Source("DECISIONS", "§ 3 SEA-NO-SEASON"),),
        checked_on=_CHECKED,
    ),
    Rule(
        id="SEA-RAINY",
        title_zh="雨季",
        title_en="Rainy season",
        statement=(
            "Rainy-season revisits run in the rainy season: 04-01 → 06-30 by default (S002 "
            "gives April–June), with a per-region override (e.g. the Yangtze plum-rain "
            "season, mid-June to mid-July)."
        ),
        value="04-01 → 06-30",
        sources=(
            Source("S002", "", "雨季回访在每年的雨季期间(4~6月份)进行"),
            Source("DECISIONS", "§ 3 SEA-RAINY"),
        ),
        policy_fields=("rainy_season", "rainy_seasons"),
        checked_on=_CHECKED,
    ),
)
