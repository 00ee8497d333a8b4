"""Lists sorted by name follow the page's language: Czech order on Czech pages (ČSN 97 6030:
Č after C, Ch after H, Ř Š Ž after R S Z, other accents secondary), English order on English pages."""

from __future__ import annotations

from icuk_site.content import sort_key

NAMES = ["Žatec", "Zebra", "Šumava", "Sova", "Řeka", "Rada", "Chytrá města", "Hydrogen", "Cihla", "CzechInvest",
         "České vysoké učení technické", "Digitální", "Ústí", "Usti", "Ábel", "Adam"]


def test_czech_alphabet():
    assert sorted(NAMES, key=lambda n: sort_key(n, "cs")) == [
        "Ábel", "Adam", "Cihla", "CzechInvest", "České vysoké učení technické", "Digitální", "Hydrogen",
        "Chytrá města", "Rada", "Řeka", "Sova", "Šumava", "Usti", "Ústí", "Zebra", "Žatec"]


def test_english_alphabet_folds_accents():
    assert sorted(NAMES, key=lambda n: sort_key(n, "en")) == [
        "Ábel", "Adam", "České vysoké učení technické", "Chytrá města", "Cihla", "CzechInvest", "Digitální",
        "Hydrogen", "Rada", "Řeka", "Sova", "Šumava", "Usti", "Ústí", "Žatec", "Zebra"]


def _names(site, rel: str, selector: str) -> list[str]:
    return [el.get_text(" ", strip=True) for el in site.html(rel).select(selector)]


def test_partner_index_in_each_languages_order(site):
    for rel, lang in (("partners/", "en"), ("cs/partneri/", "cs")):
        links = [a for a in site.html(rel).select("main a[href*='partner']") if a.get_text(strip=True)]
        names = [a.get_text(" ", strip=True) for a in links if "/partner" in a["href"] and a["href"].rstrip("/").count("/") >= 2]
        assert len(names) >= 10, names
        assert names == sorted(names, key=lambda n: sort_key(n, lang)), (lang, names)
    cs = [a.get_text(" ", strip=True) for a in site.html("cs/partneri/").select("main a") if "/cs/partneri/" in a["href"]]
    # CzechInvest (C) comes before České vysoké učení technické (Č) on the Czech page
    czech = [n for n in cs if n.startswith(("CzechInvest", "Česk"))]
    assert czech and czech[0].startswith("CzechInvest"), cs
