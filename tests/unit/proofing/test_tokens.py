"""What the tokeniser checks and passes over, and where words are in Qt's UTF-16 units."""

from editor.proofing.tokens import (
    TokenOptions,
    is_checked,
    language_at,
    language_regions,
    to_utf16,
    utf16_offsets,
    words,
)


def texts(source: str, options: TokenOptions | None = None) -> list[str]:
    return [w for _, _, w in words(source) if is_checked(w, options or TokenOptions())]


def test_markdown_syntax_urls_code_and_marks_are_not_words():
    source = (
        "# Título\n\nVer `codigo` y [enlace](https://ejemplo.org/pagina) con "
        "![foto de Lima](photo:3f2a-bc) y {++añadido++}{>>nota del editor<<} "
        '<span class="x">dentro</span> www.ejemplo.org ana@correo.pe [^1] {: .ancho}\n'
        "```\nfuera del texto\n```\n"
    )
    assert texts(source) == [
        "Título",
        "Ver",
        "y",
        "enlace",
        "con",
        "foto",
        "de",
        "Lima",
        "y",
        "añadido",
        "dentro",
    ]


def test_all_caps_and_digits_are_skipped_unless_asked():
    source = "La ONU y el G20 en 2024"
    assert texts(source) == ["La", "y", "el", "en"]
    assert texts(source, TokenOptions(skip_all_caps=False, skip_with_digits=False)) == [
        "La",
        "ONU",
        "y",
        "el",
        "G20",
        "en",
    ]


def test_apostrophes_stay_inside_words_and_combining_marks_belong_to_their_letter():
    decomposed = "este\u0301"  # está typed as e + COMBINING ACUTE ACCENT
    assert texts(f"l’homme don't {decomposed} fin") == ["l’homme", "don't", decomposed, "fin"]


def test_language_passages_span_and_box():
    source = "The mayor said [buenos días]{lang=es} twice.\n\n::: lang pt-BR\nOlá mundo\n:::\nEnd"
    regions = language_regions(source)
    by_word = {w: language_at(regions, s, "en") for s, _, w in words(source)}
    assert by_word["buenos"] == "es" and by_word["días"] == "es"
    assert by_word["Olá"] == "pt-BR" and by_word["mundo"] == "pt-BR"
    assert by_word["mayor"] == "en" and by_word["End"] == "en"
    assert "lang" not in by_word and "pt" not in by_word


def test_utf16_offsets_for_accents_enye_emoji_and_combining_marks():
    for text, word in [
        ("Qué año", "año"),  # BMP: the same offsets
        ("😀 Qué baño", "baño"),  # the emoji is two UTF-16 units
        ("👩‍👩‍👧 niño", "niño"),  # a ZWJ family: 3 emoji (6 units) + 2 joiners
        ("e\u0301 🎉 acción", "acción"),
    ]:
        start = text.index(word)
        offsets = utf16_offsets(text)
        utf16 = text.encode("utf-16-le")
        begin, end = to_utf16(offsets, start), to_utf16(offsets, start + len(word))
        assert utf16[begin * 2 : end * 2].decode("utf-16-le") == word
    assert utf16_offsets("Qué año") is None


def test_find_words_finds_whole_words_only():
    from editor.proofing.tokens import find_words

    prose = "ke keso d'ke ke'la es ke."
    assert [(s, w) for s, _, w in find_words(prose, {"ke"})] == [(0, "ke"), (22, "ke")]
    many = {"ke"} | {f"palabra{i}" for i in range(50)}  # the one-pass way gives the same
    assert [(s, w) for s, _, w in find_words(prose, many)] == [(0, "ke"), (22, "ke")]
