from icuk_site.render.typography import NBSP, czech_nbsp, czech_nbsp_text, text


def test_one_letter_words_are_joined_to_the_next():
    assert czech_nbsp_text("v Ústí a k Děčínu i s Prahou") == f"v{NBSP}Ústí a{NBSP}k{NBSP}Děčínu i{NBSP}s{NBSP}Prahou"
    assert czech_nbsp_text("V roce 2019 u nás") == f"V{NBSP}roce 2019 u{NBSP}nás"


def test_only_whole_words():
    assert czech_nbsp_text("kraj a region") == f"kraj a{NBSP}region"
    assert czech_nbsp_text("Industry 4.0 a IoT") == f"Industry 4.0 a{NBSP}IoT"
    assert czech_nbsp_text("a.s. Praha") == "a.s. Praha"


def test_html_text_only_not_tags_or_code():
    html = '<p>v <a href="/a b" title="v z">Ústí</a></p><pre>v kódu</pre><code>a b</code>'
    assert czech_nbsp(html) == f'<p>v{NBSP}<a href="/a b" title="v z">Ústí</a></p><pre>v kódu</pre><code>a b</code>'


def test_text_escapes_markup():
    assert str(text("<script>x</script> v Ústí", "cs")) == f"&lt;script&gt;x&lt;/script&gt; v{NBSP}Ústí"
    assert "&lt;script&gt;" in str(text("<script>x</script>", "en"))


def test_english_titles_keep_no_widows_but_two_words_stay_breakable():
    """The no-widow space joins the last two words of a longer title; a two-word title keeps its
    space, or a phone would break the heading inside a word ("Autonomous mobilit|y" at 390 px)."""
    assert str(text("Hydrogen as a clean energy source", "en")) == "Hydrogen as a clean energy&nbsp;source"
    assert str(text("Autonomous mobility", "en")) == "Autonomous mobility"
    assert str(text("DigiLab", "en")) == "DigiLab"


def test_czech_numbers_dates_and_abbreviations_keep_together():
    cases = {
        "19. listopadu 2019": f"19.{NBSP}listopadu 2019",
        "§ 5 a č. 99/2019 Sb.": f"§{NBSP}5 a{NBSP}č.{NBSP}99/2019{NBSP}Sb.",
        "Velká Hradební 2800/54, 400 01 Ústí": f"Velká Hradební{NBSP}2800/54, 400{NBSP}01 Ústí",
        "podepsalo 18 subjektů za 50 000 Kč": f"podepsalo 18{NBSP}subjektů za 50{NBSP}000{NBSP}Kč",
        "EN 301 549, ISO 8601, WCAG 2.2, TA ČR": f"EN{NBSP}301{NBSP}549, ISO{NBSP}8601, WCAG{NBSP}2.2, TA{NBSP}ČR",
        "Smart II – UR": f"Smart II{NBSP}– UR",
        "400 % a 10 měsíců": f"400{NBSP}% a{NBSP}10{NBSP}měsíců",
        "v roce 2019 se": f"v{NBSP}roce 2019 se",  # a year is not a count: no space kept after it
    }
    for plain, expected in cases.items():
        assert czech_nbsp_text(plain) == expected, plain


def test_czech_rules_never_touch_tags_urls_or_code():
    html = '<a href="https://example.org/a 18 b" title="ISO 8601">ISO 8601</a><code>TA ČR</code>'
    assert czech_nbsp(html) == f'<a href="https://example.org/a 18 b" title="ISO 8601">ISO{NBSP}8601</a><code>TA ČR</code>'


def test_authors_mark_a_phrase_in_another_language():
    from icuk_site.render.reader import make_render

    class Doc:
        body = "Síť [Reference Site Collaborative Network]{lang=en} a [odkaz](https://example.org)."
        lang = "cs"

    html = make_render()(Doc())
    assert '<span lang="en">Reference Site Collaborative Network</span>' in html
    assert '<a href="https://example.org">odkaz</a>' in html
    assert "{lang=" not in html
