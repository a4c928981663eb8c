"""How imported companies and people are recognised among those already known (issue 5).

- a company's name in normal form: case, accents, punctuation and legal forms (SA,
  SAS, SARL, GmbH, Inc.…) ignored, so ``Dupont & Fils SARL`` is ``dupont fils``;
- a domain from a web site, a domain or an e-mail: lower case, no scheme, no
  ``www.``, no path;
- free-mail domains (gmail.com, orange.fr…) never stand for a company.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Legal forms ignored when names are compared (already in normal form).
LEGAL_FORMS = frozenset(
    {
        "sa",
        "sas",
        "sarl",
        "sasu",
        "eurl",
        "sci",
        "snc",
        "scop",
        "selarl",
        "gie",
        "gmbh",
        "ag",
        "kg",
        "ltd",
        "limited",
        "llc",
        "llp",
        "lp",
        "plc",
        "inc",
        "incorporated",
        "corp",
        "corporation",
        "co",
        "bv",
        "nv",
        "srl",
        "spa",
        "sl",
        "pvt",
        "pty",
        "oy",
        "ab",
        "as",
    }
)
#: Two-word legal forms, written with a dot or not (``S.A.S.`` → ``s a s``).
_SPLIT_FORMS = {
    ("s", "a"): "sa",
    ("s", "a", "s"): "sas",
    ("s", "a", "r", "l"): "sarl",
    ("s", "a", "s", "u"): "sasu",
    ("e", "u", "r", "l"): "eurl",
    ("s", "c", "i"): "sci",
    ("l", "l", "c"): "llc",
    ("p", "a"): "pa",
}

#: Domains of personal mailboxes: never a company's domain.
FREE_MAIL_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "outlook.fr",
        "hotmail.com",
        "hotmail.fr",
        "hotmail.co.uk",
        "live.com",
        "live.fr",
        "msn.com",
        "yahoo.com",
        "yahoo.fr",
        "ymail.com",
        "aol.com",
        "aol.fr",
        "orange.fr",
        "wanadoo.fr",
        "free.fr",
        "sfr.fr",
        "neuf.fr",
        "club-internet.fr",
        "bbox.fr",
        "numericable.fr",
        "laposte.net",
        "icloud.com",
        "me.com",
        "mac.com",
        "gmx.com",
        "gmx.fr",
        "gmx.de",
        "gmx.net",
        "proton.me",
        "protonmail.com",
        "pm.me",
        "tutanota.com",
        "yandex.com",
        "mail.com",
        "zoho.com",
        "web.de",
        "example.com",
    }
)
#: Free-mail providers present under many country endings (hotmail.*, live.*, yahoo.*, gmx.*).
_FREE_MAIL_PREFIXES = ("hotmail.", "live.", "yahoo.", "gmx.", "outlook.", "windowslive.")

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_EMAIL = re.compile(r"[^@\s<>(),;:\"]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z0-9-]{2,}")


#: The accented letters of French and its neighbours, folded without Unicode decomposition.
_FOLD = str.maketrans(
    "àâäáãåçéèêëíìîïñóòôöõúùûüýÿÀÂÄÁÃÅÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝ",
    "aaaaaaceeeeiiiinooooouuuuyyAAAAAACEEEEIIIINOOOOOUUUUY",
)


def fold(text: str) -> str:
    """Lower case without accents, ligatures opened (``Œ`` → ``oe``)."""
    if not text.isascii():
        text = text.translate(_FOLD)
    if text.isascii():
        return text.lower()
    text = text.casefold().replace("œ", "oe").replace("æ", "ae").replace("ß", "ss")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def company_key(name: str | None) -> str:
    """A company's name in normal form (may be '' for a name made of legal forms only)."""
    if not name:
        return ""
    words = _NOT_ALNUM.sub(" ", fold(name).replace("&", " ")).split()
    # Dotted forms written letter by letter: "S.A.R.L." -> s a r l.
    out: list[str] = []
    i = 0
    while i < len(words):
        for size in (4, 3, 2):
            if tuple(words[i : i + size]) in _SPLIT_FORMS:
                out.append(_SPLIT_FORMS[tuple(words[i : i + size])])
                i += size
                break
        else:
            out.append(words[i])
            i += 1
    kept = [w for w in out if w not in LEGAL_FORMS and w not in ("pa", "the", "et", "and")]
    return " ".join(kept or out)


def person_key(name: str | None) -> str:
    """A person's name in normal form: case, accents, punctuation and order of spaces."""
    if not name:
        return ""
    return " ".join(_NOT_ALNUM.sub(" ", fold(name)).split())


def normalize_email(email: str | None) -> str | None:
    """An e-mail address in lower case, or None when it is not one."""
    if not email:
        return None
    email = email.strip().strip("<>").strip()
    if email.lower().startswith("mailto:"):
        email = email[7:]
    if not _EMAIL.fullmatch(email):
        return None
    return email.lower()


def normalize_domain(text: str | None) -> str | None:
    """``https://www.Acme.fr/contact`` → ``acme.fr``; an e-mail gives its domain."""
    if not text:
        return None
    text = text.strip().lower()
    if "@" in text:
        text = text.rsplit("@", 1)[1]
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", text)
    text = text.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0].split(":", 1)[0]
    text = text.strip(".")
    if text.startswith("www.") and text.count(".") >= 2:
        text = text[4:]
    if not re.fullmatch(r"([a-z0-9-]+\.)+[a-z0-9-]{2,}", text):
        return None
    return text


def email_domain(email: str | None) -> str | None:
    """The domain of an e-mail address (None for none)."""
    if not email or "@" not in email:
        return None
    return normalize_domain(email.rsplit("@", 1)[1])


def is_free_mail(domain: str | None) -> bool:
    """True for a personal-mailbox domain (gmail.com, orange.fr, hotmail.*…)."""
    if not domain:
        return False
    domain = domain.lower()
    return domain in FREE_MAIL_DOMAINS or domain.startswith(_FREE_MAIL_PREFIXES)


def company_domain(email: str | None) -> str | None:
    """The domain of an e-mail when it can stand for a company (not free-mail)."""
    if not email or "@" not in email:
        return None
    return _company_domain(email.rpartition("@")[2])


@lru_cache(maxsize=65536)
def _company_domain(part: str) -> str | None:
    domain = normalize_domain(part)
    return None if domain is None or is_free_mail(domain) else domain
