"""Locales and aipark's own words in them: checked locales and gettext catalogs.

A locale (``"zh_CN"``, ``"de-DE"`` or a ``babel.Locale``) is checked with
babel, refusing what babel would silently replace, and tells which catalog,
which area units (mu in Chinese, acres in the US) and which names a reader
gets; the text modules (:mod:`aipark.formatting`, :mod:`aipark.display`) use
it.

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

import re
import sys
from functools import cache, lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import attrs

from .errors import ValidationError, shown

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


# --------------------------------------------------------------------------
# Fact sheet messages, in English: the catalogs under aipark/locale/ translate them
# (see aipark.locales).

_MESSAGES: Final[dict[str, Message]] = {
    "observations": N_("Observations"),
    "observation": NP_("observation", "{name}: {value}"),
    "observation_year": N_("{name}: {value} in {year}"),
    "observation_as_of": N_("{name}: {value} as of {date}"),
    "investment": N_("investment {0}"),
    "power_capacity": N_("power capacity {0}"),
    "pue": N_("PUE {0}"),
    "builder": N_("built by {0}"),
    "scope": N_("scope"),
    "contested": N_("contested: {source} gives {reading}"),
    "contested_field": N_("{field} contested: {source} gives {reading}"),
    "location": N_("Location"),
    "area": N_("Area"),
    "stated": N_("stated as {0}"),
    "reported": N_("reported as {0}"),
    "launched": N_("Launched"),
    "layout": N_("Layout"),
    "zones": N_("Zones"),
    "core": NP_("zone kind", "core"),
    "wing": NP_("zone kind", "wing"),
    "functional": NP_("zone kind", "functional"),
    "computing_centers": N_("Computing centers"),
    "precision_not_stated": N_("precision not stated"),
    "pc_equivalents": Nn_("equivalent to {0} PC", "equivalent to {0} PCs"),
    "phase": N_("phase {0}"),
    "targets": N_("Targets"),
    "target": N_("{name}: {value}"),
    "target_year": N_("{name}: {value} by {year}"),
    "exactly": NP_("bound", "{0}"),
    "about": N_("about {0}"),
    "more_than": N_("more than {0}"),
    "at_least": N_("at least {0}"),
    "less_than": N_("less than {0}"),
    "at_most": N_("at most {0}"),
    "platforms": N_("Platforms"),
    "incubated": Nn_("{0} incubated enterprise", "{0} incubated enterprises"),
    "milestones": N_("Milestones"),
    "goals": N_("Goals"),
    "sectors": N_("Sectors"),
    "application_domains": N_("Application domains"),
    "sources": N_("Sources"),
    "source": N_("{publisher}: {title} ({date})"),
    "with_local": N_("{name} ({local})"),
    "unverified": N_("{name} ({local}, unverified Chinese name)"),
    "untranslated": NP_("name", "{name}"),
    "colon": NP_("punctuation", ": "),
    "aside": NP_("punctuation", " ({0})"),
    "separator": NP_("punctuation", "; "),
}

# Territories on US or UK customary units (CLDR measurementData): areas there are
# shown in hectares and acres; Chinese locales show the Chinese mu and hectares.
_ACRE_TERRITORIES: Final = frozenset({"US", "LR", "MM", "GB"})
_CHINESE_AREA: Final = ("shi_mu", "hectare")
_ACRE_AREA: Final = ("hectare", "acre")
_METRIC_AREA: Final = ("hectare",)


# --------------------------------------------------------------------------
# Locales


@attrs.frozen
class _Locale:
    """A checked babel locale and what aipark derives from it."""

    babel: Any
    #: The catalog of aipark's messages: "en", "de", "zh_Hans" or "zh_Hant".
    key: str
    chinese: bool
    area_units: tuple[str, ...]

    def message(self, name: str, count: float | None = None) -> str:
        """The message ``name`` in this locale's language, in the plural form ``count`` needs."""
        return catalog(self.key).translate(_MESSAGES[name], count)


def _check_locale(locale: object) -> _Locale:
    if not isinstance(locale, str):
        locale = _identifier_of(locale)
    if not isinstance(locale, str):
        raise ValidationError(f"expected a locale identifier such as 'en_US', got {shown(locale)}")
    if len(locale) > 50:  # refused unread, so the message stays one short line
        raise ValidationError("unknown locale: a locale identifier is at most 50 characters")
    return _resolve_locale(locale)


def _identifier_of(locale: object) -> object:
    """A :class:`babel.Locale`'s identifier (``zh_Hans_CN``); anything else as it is."""
    if "babel" not in sys.modules:  # no babel loaded: the caller cannot hold a Locale
        return locale
    from babel import Locale
    from babel.core import get_locale_identifier

    if not isinstance(locale, Locale):
        return locale
    return get_locale_identifier((locale.language, locale.territory, locale.script, locale.variant))


_LOCALE_ID: Final = re.compile(r"[A-Za-z]{2,8}(?:_[A-Za-z0-9]{1,8}){0,4}")


@lru_cache(maxsize=256)
def _resolve_locale(text: str) -> _Locale:
    """Parse ``text`` with babel, refusing what babel would silently replace.

    babel turns an unknown territory into the language's default one (``en_ZZ``
    becomes ``en_US``), ``und`` or ``C`` into ``en_US``, and drops what it cannot
    read; aipark refuses all of these, so a typo cannot change units or names
    unnoticed.
    """
    from babel import Locale, UnknownLocaleError
    from babel.core import get_global, parse_locale

    problem = (
        f"unknown locale {text!r}: expected a CLDR locale identifier such as "
        "'en_US', 'zh_CN' or 'de_DE'"
    )
    ident = text.strip().replace("-", "_")
    if _LOCALE_ID.fullmatch(ident) is None:  # no POSIX ".UTF-8" or "@euro" either
        raise ValidationError(problem)
    try:
        language, territory, script, variant = parse_locale(ident)[:4]
        loc = Locale.parse(ident)
    except (ValueError, UnknownLocaleError):
        raise ValidationError(problem) from None
    aliases = get_global("language_aliases")
    aliased = str(aliases.get(language, "")).split("_")[0]
    same_language = loc.language in (language, aliased)
    territory_aliases = get_global("territory_aliases")
    same_territory = (
        territory is None
        or loc.territory == territory
        or (loc.territory in territory_aliases.get(territory, ()))
    )
    same_script = script is None or loc.script == script
    same_variant = loc.variant == variant
    if not (same_language and same_territory and same_script and same_variant):
        raise ValidationError(problem)

    likely = get_global("likely_subtags")
    full = likely.get(f"{loc.language}_{loc.territory}") or likely.get(loc.language) or ""
    parts = full.split("_")
    script = loc.script or (parts[1] if len(parts) > 1 else None)
    region = loc.territory or (parts[2] if len(parts) > 2 else None)
    chinese = loc.language == "zh" and script in ("Hans", "Hant")
    if chinese:
        key = f"zh_{script}"
        area: tuple[str, ...] = _CHINESE_AREA
    else:
        key = loc.language if loc.language in catalog_languages() else "en"
        area = _ACRE_AREA if region in _ACRE_TERRITORIES else _METRIC_AREA
    return _Locale(loc, key, chinese, area)
