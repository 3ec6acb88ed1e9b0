"""aipark's own words in other languages: gettext catalogs, read through babel.

Every word aipark writes for people (fact-sheet headings, "about {0}",
"equivalent to {0} PCs", the names of units CLDR lacks) is an English gettext
message in the code, marked for extraction (``pybabel extract -F babel.cfg``;
CONTRIBUTING.md says how to add a language), and translated in a catalog
``aipark/locale/<lang>/LC_MESSAGES/aipark.po`` (``de``, ``zh_Hans``,
``zh_Hant``).  The ``.po`` files ship in the wheel and are read with
``babel.messages.pofile`` when a locale first needs them, so there is no build
step.  A language without a catalog gets the English messages; so does a
message a catalog leaves untranslated or marks fuzzy.

Plural forms are chosen by CLDR's rules for the reader's locale, which also
cover decimals ("1.5 floating-point operations"); for whole numbers they pick
the same form as the catalog's gettext ``Plural-Forms`` (a test checks this).
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING, Final, NamedTuple

if TYPE_CHECKING:
    from babel import Locale

__all__ = [
    "DOMAIN",
    "NP_",
    "N_",
    "Catalog",
    "Message",
    "NnP_",
    "Nn_",
    "catalog",
    "catalog_languages",
]

#: The gettext domain: the catalogs' file name, ``aipark.po``.
DOMAIN: Final = "aipark"
# CLDR's plural categories in the order gettext numbers a catalog's plural forms.
_PLURAL_TAGS: Final = ("zero", "one", "two", "few", "many", "other")


class Message(NamedTuple):
    """An English message as the code writes it: text, plural text, context."""

    singular: str
    plural: str | None = None
    context: str | None = None


# Markers that show pybabel a message (babel.cfg names them as extraction
# keywords); the message is translated where it is used.


def N_(message: str) -> Message:  # noqa: N802 - gettext's name for "mark for extraction"
    """A message, marked for extraction."""
    return Message(message)


def NP_(context: str, message: str) -> Message:  # noqa: N802
    """A message with its context (``msgctxt``), marked for extraction."""
    return Message(message, context=context)


def Nn_(singular: str, plural: str) -> Message:  # noqa: N802
    """A message with a plural, marked for extraction."""
    return Message(singular, plural)


def NnP_(context: str, singular: str, plural: str) -> Message:  # noqa: N802
    """A message with a context and a plural, marked for extraction."""
    return Message(singular, plural, context)


class Catalog:
    """One language's translations of aipark's messages.

    ``gettext``, ``ngettext``, ``pgettext`` and ``npgettext`` work as in
    :mod:`gettext`; a message the catalog lacks (or leaves empty) is returned
    in English.
    """

    def __init__(self, locale: Locale, messages: dict[tuple[str, str | None], tuple[str, ...]]):
        self.locale = locale
        self._messages = messages
        tags = locale.plural_form.tags
        self._forms: list[str] = [tag for tag in _PLURAL_TAGS if tag in tags or tag == "other"]

    def pgettext(self, context: str | None, message: str) -> str:
        found = self._messages.get((message, context))
        return found[0] if found else message

    def gettext(self, message: str) -> str:
        return self.pgettext(None, message)

    def npgettext(self, context: str | None, singular: str, plural: str, n: float) -> str:
        found = self._messages.get((singular, context))
        if found:
            return found[self._forms.index(self.locale.plural_form(abs(n)))]
        return singular if _english().plural_form(abs(n)) == "one" else plural

    def ngettext(self, singular: str, plural: str, n: float) -> str:
        return self.npgettext(None, singular, plural, n)

    def translate(self, message: Message, n: float | None = None) -> str:
        """``message`` in this language; ``n`` picks the plural form (0 when None)."""
        if message.plural is None:
            return self.pgettext(message.context, message.singular)
        return self.npgettext(message.context, message.singular, message.plural, n or 0)


@lru_cache(maxsize=1)
def catalog_languages() -> tuple[str, ...]:
    """The languages aipark ships a catalog for: ``("de", "zh_Hans", "zh_Hant")``."""
    folder = files("aipark").joinpath("locale")
    return tuple(
        sorted(
            entry.name
            for entry in folder.iterdir()
            if entry.joinpath("LC_MESSAGES", f"{DOMAIN}.po").is_file()
        )
    )


@cache
def catalog(language: str) -> Catalog:
    """The catalog of ``language`` (``"de"``, ``"zh_Hans"``...); English for ``"en"`` or none."""
    from babel import Locale
    from babel.messages.pofile import read_po

    path = files("aipark").joinpath("locale", language, "LC_MESSAGES", f"{DOMAIN}.po")
    if language == "en" or not path.is_file():
        return Catalog(_english(), {})
    with path.open("rb") as f:
        po = read_po(f, locale=language, domain=DOMAIN)
    messages: dict[tuple[str, str | None], tuple[str, ...]] = {}
    for message in po:
        if not message.id or message.fuzzy:  # the header, and guesses awaiting review
            continue
        key = message.id[0] if isinstance(message.id, tuple | list) else message.id
        strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
        if all(strings):
            messages[(key, message.context)] = tuple(text or "" for text in strings)
    return Catalog(Locale.parse(language), messages)


@lru_cache(maxsize=1)
def _english() -> Locale:
    from babel import Locale

    return Locale("en")
