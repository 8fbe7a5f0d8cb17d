"""General knowledge: the short titles of ILO Conventions and Recommendations by number.

Why: a report often cites an instrument by number only ("Convention No. 183 to be eventually
ratified"), while people ask by its title ("the maternity protection convention").  The ILO's own
list of instruments (NORMLEX) gives every number its title; this module holds the social security
instruments and the fundamental and governance ones, the way pycountry holds country names.  It
knows nothing about any report: which instruments a report cites, and who ratified them, is
extracted from the report; this only says how an instrument the graph already holds can be named.
"""
from __future__ import annotations

# (kind letter, number) -> short title, as NORMLEX writes it (without the adoption year)
_TITLES: dict[tuple[str, int], str] = {
    ("c", 29): "Forced Labour Convention",
    ("c", 81): "Labour Inspection Convention",
    ("c", 87): "Freedom of Association and Protection of the Right to Organise Convention",
    ("c", 97): "Migration for Employment Convention (Revised)",
    ("c", 98): "Right to Organise and Collective Bargaining Convention",
    ("c", 100): "Equal Remuneration Convention",
    ("c", 102): "Social Security (Minimum Standards) Convention",
    ("c", 103): "Maternity Protection Convention (Revised)",
    ("c", 105): "Abolition of Forced Labour Convention",
    ("c", 111): "Discrimination (Employment and Occupation) Convention",
    ("c", 118): "Equality of Treatment (Social Security) Convention",
    ("c", 121): "Employment Injury Benefits Convention",
    ("c", 128): "Invalidity, Old-Age and Survivors' Benefits Convention",
    ("c", 129): "Labour Inspection (Agriculture) Convention",
    ("c", 130): "Medical Care and Sickness Benefits Convention",
    ("c", 138): "Minimum Age Convention",
    ("c", 143): "Migrant Workers (Supplementary Provisions) Convention",
    ("c", 144): "Tripartite Consultation (International Labour Standards) Convention",
    ("c", 155): "Occupational Safety and Health Convention",
    ("c", 156): "Workers with Family Responsibilities Convention",
    ("c", 157): "Maintenance of Social Security Rights Convention",
    ("c", 168): "Employment Promotion and Protection against Unemployment Convention",
    ("c", 169): "Indigenous and Tribal Peoples Convention",
    ("c", 177): "Home Work Convention",
    ("c", 182): "Worst Forms of Child Labour Convention",
    ("c", 183): "Maternity Protection Convention",
    ("c", 187): "Promotional Framework for Occupational Safety and Health Convention",
    ("c", 189): "Domestic Workers Convention",
    ("c", 190): "Violence and Harassment Convention",
    ("r", 67): "Income Security Recommendation",
    ("r", 69): "Medical Care Recommendation",
    ("r", 121): "Employment Injury Benefits Recommendation",
    ("r", 131): "Invalidity, Old-Age and Survivors' Benefits Recommendation",
    ("r", 134): "Medical Care and Sickness Benefits Recommendation",
    ("r", 167): "Maintenance of Social Security Rights Recommendation",
    ("r", 176): "Employment Promotion and Protection against Unemployment Recommendation",
    ("r", 191): "Maternity Protection Recommendation",
    ("r", 198): "Employment Relationship Recommendation",
    ("r", 200): "HIV and AIDS Recommendation",
    ("r", 202): "Social Protection Floors Recommendation",
    ("r", 204): "Transition from the Informal to the Formal Economy Recommendation",
    ("r", 205): "Employment and Decent Work for Peace and Resilience Recommendation",
}


def instrument_title(letter: str, number: int) -> str | None:
    """The short title of ILO instrument ``letter`` ('c' or 'r') No. ``number``, when known."""
    return _TITLES.get((letter.lower()[:1], int(number)))
