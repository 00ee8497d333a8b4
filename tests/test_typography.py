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
