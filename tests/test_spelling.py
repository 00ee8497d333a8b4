"""Spelling in `invoke check`: the prose of both languages against Debian's Hunspell dictionaries,
with the project's word list; an unknown word is a warning, and a problem with --strict."""

from __future__ import annotations

import os
import shutil

import forkrun

from conftest import ROOT
from icuk_site.authoring import check, spelling
from icuk_site.content import load_site

CS, EN = "projects/cs/hydrogen.md", "projects/en/hydrogen.md"


def edit(project, rel: str, old: str, new: str) -> None:
    path = project / "content" / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(project, rel: str, start: str) -> int:
    lines = (project / "content" / rel).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(start))


def spelling_lines(result) -> list[str]:
    return [x for x in result.lines if "dictionary knows" in x]


def test_the_debian_dictionaries_are_there_and_read():
    """The check runs on the real dictionaries (installed by scripts/setup_tools.py), not on a stub."""
    for name in ("cs_CZ", "en_GB"):
        assert (spelling.DICT_DIR / f"{name}.dic").stat().st_size > 100_000
    speller = spelling.Speller()
    assert speller.known("cs", "prostřednictvím") and not speller.known("cs", "prostrednictvím")
    assert speller.known("cs", "Sb.") and speller.known("cs", "know-how")  # abbreviations, hyphenated words
    assert speller.known("en", "organisation") and speller.known("en", "etc.")
    assert not speller.known("en", "recieve") and "receive" in speller.suggest("en", "recieve")
    assert "prostřednictvím" in speller.suggest("cs", "prostrednictvím")
    assert not speller.missing


def test_real_content_passes_strict_and_the_word_list_is_needed():
    result = check(ROOT / "content", strict=True)
    assert result.ok, str(result)
    assert not spelling_lines(result)
    # The names the list holds are unknown to Hunspell itself: without the list they are reported.
    empty = spelling.Speller()
    assert not empty.known("cs", "Portabo") and not empty.known("en", "WCAG")


def test_a_misspelling_in_each_language_with_file_line_and_suggestion(project_copy):
    edit(project_copy, CS, "Memorandum bylo podepsáno", "Memorandum bylo prostrednictvím podepsáno")
    edit(project_copy, EN, "title: Hydrogen as a source", "title: Hydrogen as a sorce")
    result = check(project_copy / "content", lang="en")
    assert result.ok  # a warning: the author's preview and a plain check go on
    cs_line = line_of(project_copy, CS, "Memorandum bylo")
    assert (f"content/{CS}:{cs_line}: text: expected a word the Czech dictionary knows, got 'prostrednictvím' "
            "(did you mean 'prostřednictvím'") in str(result)
    en = [x for x in spelling_lines(result) if x.startswith(f"content/{EN}:2: title: ")]
    assert en and "got 'sorce' (did you mean " in en[0] and "'source'" in en[0], str(result)
    assert all(x.endswith("add it to content/data/words.txt (warning)") for x in spelling_lines(result))
    assert len(spelling_lines(result)) == 2, str(result)

    strict = check(project_copy / "content", lang="cs", strict=True)
    assert not strict.ok
    assert (f"content/{CS}:{cs_line}: text: očekáváno slovo, které zná český slovník, zadáno 'prostrednictvím' "
            "(měli jste na mysli 'prostřednictvím'") in str(strict)
    assert any(x.startswith(f"content/{EN}:2: title: očekáváno slovo, které zná anglický slovník, zadáno 'sorce'")
               for x in strict.lines), str(strict)
    assert strict.lines[-1] == "Počet nalezených problémů: 2."


def test_a_word_in_the_list_is_not_reported(project_copy):
    edit(project_copy, CS, "Memorandum bylo podepsáno", "Memorandum Zqwertova bylo podepsáno")
    assert "got 'Zqwertova'" in str(check(project_copy / "content", strict=True))
    words = project_copy / "content/data/words.txt"
    words.write_text(words.read_text(encoding="utf-8") + "Zqwertova  # a name\n", encoding="utf-8")
    result = check(project_copy / "content", strict=True)
    assert result.ok, str(result)


def test_code_urls_ids_and_marked_phrases(project_copy):
    """Code, link targets, URLs, e-mail addresses, HTML, file names and hashtags are not prose; a phrase
    marked [..]{lang=en} in Czech is checked in English."""
    edit(project_copy, CS, "## Memorandum\n", "## Memorandum\n\n"
         "Kód `prostrednictvim` a [odkaz](https://example.org/prostrednictvim \"prostrednictvim\"), "
         "<https://example.org/xqzw>, www.xqzw.cz, xqzw@example.org, <abbr title=\"xqzw\">ICUK</abbr>, "
         "soubor xqzw.json, #xqzwhashtag, [Clean Hydrogen Partnership]{lang=en}, "
         "<span lang=\"en\">Reference Site</span>.\n\n"
         "```\nprostrednictvim xqzw\n```\n\n"
         "[ref]: https://example.org/xqzwref\n")
    result = check(project_copy / "content", strict=True)
    assert result.ok, str(result)
    # The same marked phrase misspelt is reported in English, not in Czech.
    edit(project_copy, CS, "[Clean Hydrogen Partnership]{lang=en}", "[Clean Hydrogen Partnershipp]{lang=en}")
    edit(project_copy, CS, "<span lang=\"en\">Reference Site</span>", "<span lang=\"en\">Refrence Site</span>")
    lines = spelling_lines(check(project_copy / "content", strict=True))
    assert len(lines) == 2, lines
    assert "English dictionary knows, got 'Partnershipp'" in lines[0] and "Refrence" in lines[1]



def test_a_marked_phrase_in_a_field_is_checked_in_the_documents_language(project_copy):
    """The fields are plain text: `[…]{lang=en}` in a summary is published as written (meta description,
    JSON-LD), so the check does not take it as a phrase in English; its words are Czech words there."""
    line = line_of(project_copy, CS, "summary:")
    summary = (project_copy / "content" / CS).read_text(encoding="utf-8").splitlines()[line - 1]
    edit(project_copy, CS, summary, summary + " [Clean Hydrogen Partnership]{lang=en}")
    lines = spelling_lines(check(project_copy / "content", strict=True))
    reported = {x.split("got ")[1].split("'")[1] for x in lines
                if x.startswith(f"content/{CS}:{line}: summary: expected a word the Czech dictionary knows")}
    assert {"Clean", "Hydrogen", "Partnership"} <= reported, lines
    # The same mark in the text is a phrase in English (rendered as <span lang="en">).
    edit(project_copy, CS, " [Clean Hydrogen Partnership]{lang=en}", "")
    edit(project_copy, CS, "Memorandum bylo podepsáno", "Memorandum [Clean Hydrogen Partnership]{lang=en} bylo podepsáno")
    assert not spelling_lines(check(project_copy / "content", strict=True))

def test_front_matter_keys_ids_and_slugs_are_not_checked(project_copy):
    """Only title, summary, image_alt, nav_label and the text are prose (partners, slug, YAML comments are not)."""
    edit(project_copy, CS, "\ndate:", "\n# xqzwkomentar\ndate:")
    words = set()
    for doc in load_site(project_copy / "content").documents:
        for piece in spelling.prose(doc):
            words.update(spelling.words(piece.text))
    assert {"usti-region", "czechinvest", "unicre", "xqzwkomentar"}.isdisjoint(words)
    assert {"Vodík", "memorandum"} <= words  # the title and the text are


def test_without_the_dictionaries_strict_fails_and_says_so(project_copy, tmp_path):
    result = check(project_copy / "content", lang="en", dict_dir=tmp_path)
    assert result.ok and any(x.startswith(f"{tmp_path}/cs_CZ.dic: spelling: expected the Czech Hunspell dictionary")
                             and "hunspell-cs" in x and x.endswith("(warning)") for x in result.lines), str(result)
    strict = check(project_copy / "content", lang="en", dict_dir=tmp_path, strict=True)
    assert not strict.ok and any("hunspell-en-gb" in x for x in strict.lines), str(strict)


def test_the_task_exit_codes(project_copy):
    edit(project_copy, CS, "Memorandum bylo podepsáno", "Memorandum bylo prostrednictvím podepsáno")
    shutil.copy(ROOT / "tasks.py", project_copy / "tasks.py")

    def invoke(*args):  # `python -m invoke …`, forked from the warm server of tests/forkrun.py
        return forkrun.Command(["-m", "invoke", "--search-root", str(project_copy), "check", *args], project_copy,
                               dict(os.environ))

    plain, strict = forkrun.shared().run(invoke("--lang", "en"), invoke("--lang", "en", "--strict"))
    assert plain.returncode == 0 and "'prostrednictvím'" in plain.stdout and "(warning)" in plain.stdout
    assert strict.returncode == 1 and "'prostrednictvím'" in strict.stderr
    assert strict.stderr.rstrip().endswith("1 problem found.")


def test_suggestions_are_bounded(project_copy, monkeypatch):
    """Hunspell's suggestions cost ~0.3 s a word: only the first MAX_SUGGESTED words get them."""
    edit(project_copy, CS, "Memorandum bylo podepsáno", "Memorandum bylo prostrednictvím podepsáno")
    edit(project_copy, CS, "Cílem je připravit", "Cílem je pripravit")
    monkeypatch.setattr(spelling, "MAX_SUGGESTED", 1)
    lines = spelling_lines(check(project_copy / "content"))
    assert len(lines) == 2, lines
    assert "(did you mean 'prostřednictvím'" in lines[0] and "got 'pripravit'; if it is right" in lines[1]
