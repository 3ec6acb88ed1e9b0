"""The gettext catalogs: complete, current, checked by babel, and picking the right plurals."""

from __future__ import annotations

import io
import re
from importlib.resources import files
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog as PoCatalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_keywords, parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

import aipark
from aipark.locales import catalog, catalog_languages

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("de", "zh_Hans", "zh_Hant")


def _po(language: str) -> PoCatalog:
    path = files("aipark").joinpath("locale", language, "LC_MESSAGES", "aipark.po")
    with path.open("rb") as f:
        return read_po(f, locale=language, domain="aipark")


def _template() -> PoCatalog:
    with files("aipark").joinpath("locale", "aipark.pot").open("rb") as f:
        return read_po(f)


def _key(message: object) -> tuple[str, str | None]:
    msgid = message.id  # type: ignore[attr-defined]
    return (msgid[0] if isinstance(msgid, tuple | list) else msgid, message.context)  # type: ignore[attr-defined]


def test_the_shipped_languages() -> None:
    """German and Chinese (Simplified and Traditional) ship, in the wheel too."""
    assert catalog_languages() == LANGUAGES


def test_the_template_holds_every_message_in_the_code() -> None:
    """``aipark.pot`` is what ``pybabel extract -F babel.cfg`` finds: rerun it after a change."""
    source = ROOT / "src" / "aipark"
    if not source.is_dir():
        pytest.skip("runs from the source tree (babel.cfg and src/ are not in the wheel)")
    with open(ROOT / "babel.cfg", encoding="utf-8") as f:
        method_map, options_map = parse_mapping_cfg(f)
    keywords = dict(parse_keywords(["N_", "gettext", "ngettext:1,2"]))
    for options in options_map.values():  # babel.cfg's markers, whatever babel's version
        extra = options.pop("keywords", {})
        keywords.update(parse_keywords(extra.split()) if isinstance(extra, str) else extra)
    found = {
        (message if isinstance(message, str) else message[0], context)
        for _, _, message, _, context in extract_from_dir(
            source, method_map, options_map, keywords=keywords
        )
    }
    assert found == {_key(m) for m in _template() if m.id}
    assert len(found) > 40


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_with_its_plural_forms(language: str) -> None:
    """Each template message has a translation, none fuzzy, and babel's checkers pass.

    babel's checkers include the number of plural forms the language has
    (German two, Chinese one).
    """
    po = _po(language)
    template = {_key(m) for m in _template() if m.id}
    translated = {_key(m): m for m in po if m.id}
    assert set(translated) == template
    for key, message in translated.items():
        assert not message.fuzzy, key
        strings = message.string if message.pluralizable else (message.string,)
        assert all(strings), f"{language}: {key} is not translated"
        if message.pluralizable:
            assert len(strings) == po.num_plurals, key
    problems = [(message.id, errors) for message, errors in po.check()]
    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders(language: str) -> None:
    """``{0}``, ``{name}``...: a translation uses only fields its message fills in.

    It may leave one out: Chinese shows a name's Chinese form alone.
    """
    fields = re.compile(r"\{\w*\}")
    for message in _po(language):
        if not message.id:
            continue
        ids = message.id if message.pluralizable else (message.id,)
        strings = message.string if message.pluralizable else (message.string,)
        wanted = set(fields.findall(ids[0]))
        for text in strings:
            assert set(fields.findall(text)) <= wanted, (language, message.id, text)
            assert fields.findall(text) or not wanted, (language, message.id, text)


@pytest.mark.parametrize("language", LANGUAGES)
def test_plurals_agree_with_gettext(language: str) -> None:
    """aipark picks plural forms by CLDR's rules; for counts they are gettext's ``Plural-Forms``."""
    po = _po(language)
    compiled = io.BytesIO()
    write_mo(compiled, po)
    compiled.seek(0)
    gnu = Translations(compiled, domain="aipark")
    ours = catalog(language)
    plurals = [m for m in po if m.id and m.pluralizable]
    assert plurals
    for message in plurals:
        singular, plural = message.id
        for n in range(200):
            expected = (
                gnu.npgettext(message.context, singular, plural, n)
                if message.context
                else gnu.ngettext(singular, plural, n)
            )
            assert ours.npgettext(message.context, singular, plural, n) == expected


def test_german_counts_one_pc() -> None:
    """ "entspricht 1 PC", "entspricht 50.000 PCs": plural forms through the catalog."""
    park = aipark.Park(
        name="P",
        computing_centers=[aipark.ComputingCenter(name="C", pc_equivalents=1)],
    )
    sheet = aipark.describe(park, locale="de_DE")
    assert "entspricht 1 PC" in sheet
    assert "1 PCs" not in sheet
    assert "entspricht 50.000 PCs" in aipark.describe(aipark.QINGDAO, locale="de_DE")


def test_decimals_take_cldrs_plural() -> None:
    """1 operation, 1.5 operations: CLDR's rules cover what gettext's integer rules cannot."""
    assert aipark.format_quantity("1 FLOPS", length="long") == (
        "1 floating-point operation per second"
    )
    assert aipark.format_quantity("1.5 FLOPS", length="long") == (
        "1.5 floating-point operations per second"
    )
    assert aipark.format_quantity("1 FLOP", locale="de_DE", length="long") == (
        "1 Gleitkommaoperation"
    )


def test_a_language_without_a_catalog_is_english() -> None:
    """Messages missing from a catalog, and languages without one, are English."""
    assert catalog("fr").gettext("Location") == "Location"
    assert catalog("de").gettext("no such message") == "no such message"
    assert catalog("de").gettext("Location") == "Lage"
    assert (
        aipark.describe(aipark.QINGDAO, locale="fr_FR").splitlines()[1].startswith("  Location: ")
    )
