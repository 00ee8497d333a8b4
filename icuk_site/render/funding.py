"""What a project page says about its EU funding: one `FundingNotice` per declared funding,
worded in the page's language (components/funding-notice.html shows it).

The rules followed (cited so that they can be checked again):

- **Every ESI-Funds programme (OP VVV)**: Regulation (EU) No 1303/2013, Annex XII 2.2 — the
  beneficiary's website describes the operation and highlights the Union's support, with the
  Union emblem, a reference to the Union and a reference to the fund(s). OP VVV's own logo band
  names the European Structural and Investment Funds as a whole and the programme; with the
  registration number of the project, as OP VVV's publicity rules ask of every output. The
  sentence is OP VVV's „Projekt … je spolufinancován Evropskou unií.“
- **Horizon 2020**: Model Grant Agreement, Article 29.4 — display the EU emblem and "This project
  has received funding from the European Union's Horizon 2020 research and innovation programme
  under grant agreement No [number]"; with another logo, the emblem has appropriate prominence.
  Without a number (the sources do not give DIGIT-ME's) the sentence ends before "under grant
  agreement No", and `invoke check` warns (content/rules.funding_numbers).
- **How the emblem is shown** (Commission Implementing Regulation (EU) No 821/2014, Article 4,
  and "The use of the EU emblem in the context of EU programmes", 2012): in colour on websites;
  with "European Union" spelled out next to it, not overlapping it, in a plain font (no italics,
  no underline) in black, white or Reflex Blue; on a website, visible without scrolling (the
  notice sits in the project's header, under the summary); at least as high as the largest other
  logo on the page (the site's mark is 2.5rem high, the emblem 3rem: site.css); never merged with
  another logo (the notice holds the emblem alone). The emblem itself: scripts/eu_emblem.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..content import FUNDING_PROGRAMMES, FUNDS, Document, Funding
from . import typography
from .words import Words, _

EMBLEM = "theme/img/eu-emblem.svg"  # theme/static/img/, drawn by scripts/eu_emblem.py

UNION = _("European Union")
EMBLEM_ALT = _("Flag of the European Union")
ESI_FUNDS = _("European Structural and Investment Funds")
# (programme, with a number): the statement the programme requires.
STATEMENTS = {
    ("op-vvv", True): _("The project ‘%(project)s’, registration number %(number)s, is co-funded by the European Union."),
    ("op-vvv", False): _("The project ‘%(project)s’ is co-funded by the European Union."),
    ("horizon-2020", True): _("This project has received funding from the European Union’s Horizon 2020 research and "
                              "innovation programme under grant agreement No %(number)s."),
    ("horizon-2020", False): _("This project has received funding from the European Union’s Horizon 2020 research and "
                               "innovation programme."),
}
# Programmes whose statement names the project; the others show its name above the statement.
NAMED_IN_STATEMENT = {"op-vvv"}
# Programmes of the ESI Funds: a second line names the fund (or the ESI Funds) and the programme.
ESIF = {"op-vvv"}


@dataclass(frozen=True)
class FundingNotice:
    """One funding as the page shows it: every text already in the page's language."""

    programme: str  # the programme's ID (FUNDING_PROGRAMMES)
    number: str | None
    union: Markup  # "European Union", spelled out next to the emblem
    emblem_src: str  # the emblem's URL path (for `link`)
    emblem_alt: Markup
    statement: Markup  # the programme's sentence, with the number when there is one
    project_html: Markup = Markup("")  # the funded project's name above the statement, if not in it
    reference: Markup = Markup("")  # ESI Funds: the fund and the programme
    programme_name: str = ""  # plain text, in the page's language (JSON-LD)
    funded_name: str = ""  # the funded project's own name as declared (plain), "" when it is the page's title


def notices(doc: Document, words: Words) -> tuple[FundingNotice, ...]:
    return tuple(notice(f, doc, words) for f in doc.funding)


def notice(f: Funding, doc: Document, words: Words) -> FundingNotice:
    lang = doc.lang
    name = f.project or doc.title
    statement = words.get(lang, STATEMENTS[(f.programme, f.number is not None)], project=typography.text(name, lang),
                          number=f.number or "")
    reference = Markup("")
    if f.programme in ESIF:
        fund = FUNDS[f.fund].label(lang) if f.fund else words.get(lang, ESI_FUNDS).unescape()
        reference = typography.text(f"{fund} · {FUNDING_PROGRAMMES[f.programme].label(lang)}", lang)
    shown_name = f.project and f.programme not in NAMED_IN_STATEMENT
    return FundingNotice(
        programme=f.programme,
        number=f.number,
        union=words.get(lang, UNION),
        emblem_src=EMBLEM,
        emblem_alt=words.get(lang, EMBLEM_ALT),
        statement=statement,
        project_html=typography.text(f.project, lang) if shown_name else Markup(""),
        reference=reference,
        programme_name=FUNDING_PROGRAMMES[f.programme].label(lang),
        funded_name=f.project or "",
    )
