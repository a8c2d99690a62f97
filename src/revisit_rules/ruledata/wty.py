"""Rules WTY-*: warranty categories and their minimum periods (DOMAIN.md § 1)."""

from __future__ import annotations

from revisit_rules.rules import Rule, Source

RULES: tuple[Rule, ...] = (
    Rule(
        id="WTY-DESIGN-LIFE",
        title_zh="设计文件规定的合理使用年限",
        title_en="Design working life from the design documents",
        statement=(
            "The structure's warranty is the design working life stated in the project's "
            "design documents. There is no silent default: a structure period without a "
            "design life is an error naming the GB 50068 categories (5, 25, 50, 100 years)."
        ),
        value="from the project; no default",
        sources=(
            Source("REG", "Art. 40(1)", "为设计文件规定的该工程的合理使用年限"),
            Source("GB50068", "categories 1–4: 5, 25, 50, 100 years"),
        ),
    ),
)
