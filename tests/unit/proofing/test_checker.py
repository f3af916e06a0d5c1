"""Spelling in each passage's language, word lists, house style, and the engines agreeing."""

from pathlib import Path

import pytest

from editor.proofing import dictionaries
from editor.proofing.checker import (
    PhotoText,
    PostText,
    Proofreader,
    WordLists,
    read_personal_words,
    write_personal_words,
)
from editor.proofing.engine import HunspellEngine, SpyllsEngine


def problems(reader: Proofreader, post: PostText) -> list[tuple[str, str, str]]:
    return [(p.field, p.rule, p.word) for p in reader.check_post(post)]


def test_spanish_paragraph_flags_misspellings_not_correct_words(languages):
    reader = Proofreader(languages)
    post = PostText(body="El alcalde dijo ke hubo un probelma en la reunión.", language="es")
    found = reader.check_post(post, suggestions=True)
    assert [(p.word, p.line, p.column) for p in found] == [("ke", 1, 17), ("probelma", 1, 28)]
    assert "problema" in found[1].suggestions


def test_each_language_passage_is_checked_in_its_own_dictionary(languages):
    reader = Proofreader(languages)
    body = "The council met. [El consejo se reunió]{lang=es}.\n\n::: lang pt-BR\nO prefeito chegou.\n:::\n"
    assert problems(reader, PostText(body=body, language="en")) == []
    # The same Spanish words, unmarked, are English misspellings.
    flagged = problems(reader, PostText(body="El consejo se reunió.", language="en"))
    assert ("body", "spelling", "reunió") in flagged


def test_word_lists_accept_names(languages):
    lists = WordLists(blog={"Humala"}, personal={"ollanta"}, ignored={"Rondas"})
    reader = Proofreader(languages, lists)
    body = "Ollanta Humala y las Rondas campesinas."
    assert problems(reader, PostText(body=body, language="es")) == []
    assert problems(Proofreader(languages), PostText(body=body, language="es")) != []


@pytest.mark.parametrize("language", ["en_US", "en_GB", "es", "pt_BR", "pt_PT", "fr"])
def test_the_promised_dictionaries_load(languages, language):
    engine = languages.engine(language)
    assert engine is not None
    sample = {"en_US": "color", "en_GB": "colour", "es": "canción", "pt_BR": "ação",
              "pt_PT": "acção", "fr": "français"}[language]  # fmt: skip
    if language == "pt_PT":
        sample = "ação"  # the post-1990 spelling pt_PT accepts
    assert engine.check(sample)
    assert not engine.check("qwzrtx")


def test_hunspell_and_spylls_agree(languages):
    dic = languages.dictionary_for("es")
    assert dic is not None
    fast, pure = HunspellEngine(dic.dic), SpyllsEngine(dic.dic)
    for word in ["canción", "niño", "probelma", "Perú", "ke", "reunió", "árbol"]:
        assert fast.check(word) == pure.check(word), word
    assert "problema" in fast.suggest("probelma") and "problema" in pure.suggest("probelma")


def test_house_style_rules_and_fixes(languages):
    post = PostText(
        headline='El "gran" debate -- ' + "x" * 60,
        deck="d" * 201,
        body=(
            "Es es un hecho.  Otro hecho. Lee [aquí](http://ejemplo.org/a).\n\n"
            + " ".join(["palabra"] * 41) + ".\n\n![](photo:abc123)\n"
        ),
        language="es",
        photos=[PhotoText("photo 1", caption="Una foto", alt="", credit="internet"),
                PhotoText("photo 2", caption="", alt="Una plaza", credit="Ana Pérez / EFE")],
    )  # fmt: skip
    reader = Proofreader(languages)
    found = reader.check_post(post)
    rules = {(p.field, p.rule) for p in found}
    assert {
        ("headline", "straight-quotes"), ("headline", "headline-length"), ("deck", "deck-length"),
        ("body", "repeated-word"), ("body", "double-space"), ("body", "click-here"),
        ("body", "http-link"), ("body", "long-sentence"), ("body", "photo-alt"),
        ("photo 1 alt", "photo-alt"), ("photo 1 credit", "photo-credit"),
    } <= rules  # fmt: skip
    assert not any(f.startswith("photo 2") for f, _ in rules)
    fixes = {p.rule: p.fix for p in found if p.fix is not None}
    assert fixes["http-link"] == "https://ejemplo.org/a"
    assert fixes["double-space"] == " "
    quotes = [p.fix for p in found if p.rule == "straight-quotes"]
    assert quotes == ["“", "”", "—"]
    quiet = Proofreader(languages, rules_off={"long-sentence", "double-space"})
    assert not {"long-sentence", "double-space"} & {p.rule for p in quiet.check_post(post)}


def test_personal_dictionary_round_trip(tmp_path: Path):
    path = tmp_path / "words.txt"
    write_personal_words({"Humala", "ayllu"}, path)
    assert read_personal_words(path) == {"Humala", "ayllu"}
    assert read_personal_words(tmp_path / "none.txt") == set()


def test_user_folder_pairs_and_oxt(tmp_path, monkeypatch, languages):
    import zipfile

    monkeypatch.setenv("BYLINE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("BYLINE_CACHE_DIR", str(tmp_path / "cache"))
    folder = dictionaries.user_dictionary_dir()
    folder.mkdir(parents=True)
    source = languages.dictionary_for("fr")
    assert source is not None
    with zipfile.ZipFile(folder / "qu-quechua.oxt", "w") as oxt:
        oxt.write(source.dic, "dictionaries/qu_PE.dic")
        oxt.write(source.dic.with_suffix(".aff"), "dictionaries/qu_PE.aff")
    (folder / "ay_BO.dic").write_bytes(source.dic.read_bytes())
    (folder / "ay_BO.aff").write_bytes(source.dic.with_suffix(".aff").read_bytes())
    found = dictionaries.discover()
    assert found["qu_PE"].origin == "user" and found["ay_BO"].origin == "user"
    assert dictionaries.find("qu", found) == found["qu_PE"]
    assert dictionaries.find("es-ar", found).name == "es_AR"
    assert dictionaries.missing_debian_packages(found) == []
    assert dictionaries.missing_debian_packages({}) == list(dictionaries.DEBIAN_PACKAGES.values())


def test_acronyms_and_words_with_digits_are_not_spelling_problems(languages):
    body = "La ONU y el G20 se reunieron en 2024 con la OTAN."
    assert problems(Proofreader(languages), PostText(body=body, language="es")) == []
    from editor.proofing.tokens import TokenOptions

    strict = Proofreader(languages, options=TokenOptions(skip_all_caps=False))
    assert ("body", "spelling", "OTAN") in problems(strict, PostText(body=body, language="es"))
