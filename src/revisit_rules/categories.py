"""Categories of work, each with its own warranty period (REG Art. 40, MEAS Art. 7).

The enum stands below the policy and the rules of every area, which all speak of it; the
minimum periods themselves live with the warranty rules (:mod:`revisit_rules.warranty`).

>>> Category.WATERPROOFING.zh
'屋面防水工程、有防水要求的卫生间、房间和外墙面的防渗漏'
>>> Category.HEATING.rule
'WTY-HEATING'
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Final

from revisit_rules._check import FrozenMap, check_member, check_str
from revisit_rules.io.text import member_from_text

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["CATEGORY_LABELS", "Category"]


class Category(enum.Enum):
    """A category of work with its own warranty period (REG Art. 40, MEAS Art. 7)."""

    FOUNDATION_STRUCTURE = "foundation_structure"
    WATERPROOFING = "waterproofing"
    HEATING = "heating"
    COOLING = "cooling"
    ELECTRICAL_PLUMBING = "electrical_plumbing"
    EQUIPMENT_INSTALLATION = "equipment_installation"
    DECORATION = "decoration"
    OTHER = "other"

    # Members are singletons: identity hashing is exact and much faster than Enum's
    # name hashing on the planner's hot path (dicts and sets keyed by category).
    __hash__ = object.__hash__

    @property
    def zh(self) -> str:
        """The Chinese label, as the law words the category."""
        return _ZH[self]

    @property
    def rule(self) -> str:
        """The ID of the rule that sets this category's minimum."""
        return _RULE[self]

    @classmethod
    def from_text(cls, text: str, *, field: str = "category") -> Category:
        """The category ``text`` names: its name (any case), value, ``zh`` or a short label.

        The short labels are those of :data:`CATEGORY_LABELS` (``防水``, ``装修`` …), as
        spreadsheets write them; ``Category.from_text(str(c))`` (``Category.DECORATION``)
        and ``Category.from_text(c.zh)`` give ``c`` back.

        Raises:
            InvalidTypeError: ``text`` or ``field`` is not a ``str``.
            InvalidInputError: no category is written so (WTY-MIN); the message names
                ``field``.

        >>> Category.from_text("防水"), Category.from_text("decoration")
        (<Category.WATERPROOFING: 'waterproofing'>, <Category.DECORATION: 'decoration'>)
        """
        check_str("field", field, rule="WTY-MIN")
        return member_from_text(cls, text, field=field, rule="WTY-MIN", labels=CATEGORY_LABELS)


_ZH: Final[Mapping[Category, str]] = FrozenMap(
    {
        Category.FOUNDATION_STRUCTURE: "地基基础工程和主体结构工程(含基础设施工程)",
        Category.WATERPROOFING: "屋面防水工程、有防水要求的卫生间、房间和外墙面的防渗漏",
        Category.HEATING: "供热系统",
        Category.COOLING: "供冷系统",
        Category.ELECTRICAL_PLUMBING: "电气管线、给排水管道",
        Category.EQUIPMENT_INSTALLATION: "设备安装工程",
        Category.DECORATION: "装修工程",
        Category.OTHER: "其他项目",
    }
)
_RULE: Final[Mapping[Category, str]] = FrozenMap(
    {
        Category.FOUNDATION_STRUCTURE: "WTY-STRUCTURE",
        Category.WATERPROOFING: "WTY-WATERPROOF",
        Category.HEATING: "WTY-HEATING",
        Category.COOLING: "WTY-COOLING",
        Category.ELECTRICAL_PLUMBING: "WTY-ELEC-PLUMB",
        Category.EQUIPMENT_INSTALLATION: "WTY-EQUIPMENT",
        Category.DECORATION: "WTY-DECORATION",
        Category.OTHER: "WTY-OTHER",
    }
)


#: Short Chinese labels of the categories, as spreadsheets write them; the full label
#: (``Category.zh``) and the enum name are accepted too (:meth:`Category.from_text`).
CATEGORY_LABELS: Final[Mapping[str, Category]] = FrozenMap(
    {
        "地基基础": Category.FOUNDATION_STRUCTURE,
        "主体结构": Category.FOUNDATION_STRUCTURE,
        "地基基础和主体结构": Category.FOUNDATION_STRUCTURE,
        "防水": Category.WATERPROOFING,
        "屋面防水": Category.WATERPROOFING,
        "供热": Category.HEATING,
        "采暖": Category.HEATING,
        "供热系统": Category.HEATING,
        "供冷": Category.COOLING,
        "供冷系统": Category.COOLING,
        "电气管线": Category.ELECTRICAL_PLUMBING,
        "给排水": Category.ELECTRICAL_PLUMBING,
        "电气管线、给排水管道": Category.ELECTRICAL_PLUMBING,
        "设备安装": Category.EQUIPMENT_INSTALLATION,
        "设备安装工程": Category.EQUIPMENT_INSTALLATION,
        "装修": Category.DECORATION,
        "装修工程": Category.DECORATION,
        "其他": Category.OTHER,
        "其他项目": Category.OTHER,
    }
)


def _category(field: str, value: object) -> Category:
    return check_member(field, value, Category, rule="WTY-MIN")
