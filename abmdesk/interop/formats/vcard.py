"""vCard files (``.vcf``, versions 2.1, 3.0 and 4.0) read into contact records.

A small strict parser, not ``vobject``: vobject 0.9.9 fails on three of the five real
exports we test against (2.1 quoted-printable soft line breaks, Outlook's address
labels, iPhone's ``CR CR LF`` line ends) and leaves quoted-printable notes encoded.

What is understood:

- the encoding: a UTF-8 BOM, UTF-16 with or without a BOM (recognised by its NUL
  bytes), else UTF-8, else Windows-1252; a ``CHARSET`` parameter decodes its value
  (quoted-printable bytes, or raw bytes of an 8-bit file);
- lines: CRLF, LF or CR ends (blank lines ignored), folding by a space OR a tab,
  quoted-printable soft line breaks (a value ending in ``=``), ``item1.`` groups,
  parameters with or without ``TYPE=`` (``EMAIL;PREF;WORK``, ``TYPE=work,voice``,
  ``PREF=1``), quoted parameter values, lower-case names (``begin:vcard``);
- values: escapes ``\\,`` ``\\;`` ``\\n`` ``\\\\`` ``\\:`` (2.1: only ``\\;``), structured
  ``N`` / ``ORG``, several cards per file, ``VERSION`` anywhere in a card, nested
  cards (2.1 ``AGENT``) left out.

Mapping: ``FN`` (else ``N`` as "Given Family") → full name; ``EMAIL`` → e-mail (the one
marked preferred first, then in file order; values that are not e-mail addresses are
left out); ``TEL`` → phone (preferred, else work, else any but fax or pager); ``ORG``
first component → company; ``TITLE`` (else ``ROLE``) → title; every ``NOTE`` → notes;
``UID`` → external id. A card of a company (4.0 ``KIND:org``, Apple's
``X-ABShowAs:COMPANY``) becomes a company record. A card with no name, e-mail, phone
nor company is skipped with its reason. Each record's source line is the line of its
``BEGIN:VCARD``. A card without ``END:VCARD`` (a truncated file) refuses the file.
"""

from __future__ import annotations

import codecs
import quopri
import re
from dataclasses import dataclass, field
from pathlib import Path

from abmdesk.errors import DataError
from abmdesk.interop.records import CompanyRecord, ContactRecord, ParsedFile, Source

FORMAT = "vcard"

#: Bytes looked at by :func:`sniff`.
SNIFF_BYTES = 4096

_BEGIN = re.compile(rb"^\s*BEGIN\s*:\s*VCARD\s*$", re.IGNORECASE)
_LINE_ENDS = re.compile(rb"\r\n|\r|\n")
_EMAIL = re.compile(r"^[^@\s<>(),;:\"]+@[^@\s<>(),;:\"]+$")
_ESCAPES_3 = re.compile(r"\\(.)", re.DOTALL)


# --------------------------------------------------------------------------- bytes


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when the NUL bytes fall on one side of each pair."""
    sample = data[:SNIFF_BYTES]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even = sample[0 : pairs * 2 : 2].count(0)
    odd = sample[1 : pairs * 2 : 2].count(0)
    if odd >= pairs * 0.3 and even <= pairs * 0.05:
        return "utf-16-le"
    if even >= pairs * 0.3 and odd <= pairs * 0.05:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, name: str) -> tuple[bytes, str, bool]:
    """``(8-bit text, encoding, wide)``: UTF-16 files come back re-encoded as UTF-8.

    ``wide`` is True for UTF-16 files, whose CHARSET parameters cannot apply to raw bytes.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :], "utf-8-sig", False
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _wide(data[len(bom) :], codec, name), "utf-16", True
    codec = _utf16_without_bom(data)
    if codec is not None:
        return _wide(data, codec, name), codec, True
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return data, "windows-1252", False
    return data, "utf-8", False


def _wide(data: bytes, codec: str, name: str) -> bytes:
    if len(data) % 2:
        data = data[:-1] if data[-1:] == b"\x00" else data + b"\x00"
    try:
        return data.decode(codec).encode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(
            f"not valid {codec.upper()} text (byte {exc.start + 1})", file=name
        ) from None


def sniff(data: bytes) -> bool:
    """True when the start of ``data`` is a vCard (``BEGIN:VCARD`` before anything else)."""
    head = data[:SNIFF_BYTES]
    try:
        text, _, _ = decode_bytes(head, "")
    except DataError:
        return False
    for raw in _LINE_ENDS.split(text):
        if not raw.strip():
            continue
        return bool(_BEGIN.match(raw))
    return False


# --------------------------------------------------------------------------- lines


@dataclass
class _Property:
    line: int
    group: str | None
    name: str
    #: Parameter name (upper case) -> values; a bare 2.1 parameter is a TYPE value.
    params: dict[str, list[str]]
    raw: bytes

    def param(self, key: str) -> str | None:
        values = self.params.get(key)
        return values[0] if values else None

    @property
    def types(self) -> set[str]:
        return {t.upper() for t in self.params.get("TYPE", [])}

    @property
    def preferred(self) -> bool:
        return "PREF" in self.types or "PREF" in self.params


@dataclass
class _Card:
    line: int
    props: list[_Property] = field(default_factory=list)

    def all(self, name: str) -> list[_Property]:
        return [p for p in self.props if p.name == name]

    def first(self, name: str) -> _Property | None:
        found = self.all(name)
        return found[0] if found else None


def _split_params(head: bytes) -> list[bytes]:
    """``NAME;P1;P2="a;b"`` split on semicolons outside double quotes."""
    if b'"' not in head:
        return head.split(b";")
    parts, current, quoted = [], bytearray(), False
    for byte in head:
        ch = bytes((byte,))
        if ch == b'"':
            quoted = not quoted
        elif ch == b";" and not quoted:
            parts.append(bytes(current))
            current = bytearray()
            continue
        current += ch
    parts.append(bytes(current))
    return parts


def _colon(line: bytes) -> int:
    """Index of the colon that ends the name and parameters (outside quotes), or -1."""
    cut = line.find(b":")
    if cut < 0 or b'"' not in line[:cut]:
        return cut
    quoted = False
    for i, byte in enumerate(line):
        if byte == 0x22:
            quoted = not quoted
        elif byte == 0x3A and not quoted:
            return i
    return -1


def _parse_property(line: bytes, number: int) -> _Property | None:
    cut = _colon(line)
    if cut <= 0:
        return None
    head, raw = line[:cut], line[cut + 1 :]
    parts = _split_params(head)
    name = parts[0].decode("ascii", "replace").strip()
    group = None
    if "." in name:
        group, name = name.rsplit(".", 1)
    params: dict[str, list[str]] = {}
    for part in parts[1:]:
        text = part.decode("ascii", "replace").strip()
        if not text:
            continue
        if "=" in text:
            key, value = text.split("=", 1)
            values = [v.strip().strip('"') for v in value.split(",")]
            params.setdefault(key.strip().upper(), []).extend(v for v in values if v)
        else:  # 2.1 bare parameter: a type, or an encoding
            word = text.upper()
            if word in ("QUOTED-PRINTABLE", "BASE64", "8BIT", "7BIT", "B"):
                params.setdefault("ENCODING", []).append(word)
            else:
                params.setdefault("TYPE", []).append(word)
    return _Property(number, group, name.upper(), params, raw)


def _is_qp(prop: _Property) -> bool:
    return (prop.param("ENCODING") or "").upper() in ("QUOTED-PRINTABLE", "QP")


def _logical_lines(text: bytes) -> list[tuple[int, bytes]]:
    """Unfolded lines with the number of their first physical line (1 = first)."""
    out: list[tuple[int, bytes]] = []
    qp_open = False
    for number, raw in enumerate(_LINE_ENDS.split(text), start=1):
        if qp_open and out:
            first, current = out[-1]
            out[-1] = (first, current[:-1] + raw)  # the '=' of a soft line break goes
            qp_open = raw.endswith(b"=")
            continue
        if not raw.strip():
            continue
        if raw[:1] in (b" ", b"\t") and out:
            first, current = out[-1]
            out[-1] = (first, current + raw[1:])
        else:
            out.append((number, raw))
        line = out[-1][1]
        qp_open = line.endswith(b"=") and _qp_head(line)
    return out


def _qp_head(line: bytes) -> bool:
    """True when the line's parameters say quoted-printable."""
    cut = _colon(line)
    return cut > 0 and b"QUOTED-PRINTABLE" in line[:cut].upper()


def _cards(text: bytes, name: str, errors: list | None = None) -> tuple[list[_Card], int]:
    """The cards of the file, and the number of lines found outside any card."""
    cards: list[_Card] = []
    card: _Card | None = None
    depth = 0
    stray = 0
    for number, line in _logical_lines(text):
        prop = _parse_property(line, number)
        if prop is None:
            if card is None:
                stray += 1
            continue
        value = prop.raw.strip().upper()
        if prop.name == "BEGIN" and value == b"VCARD":
            if card is None:
                card = _Card(number)
            else:
                depth += 1  # a card inside a card (2.1 AGENT): left out
            continue
        if prop.name == "END" and value == b"VCARD":
            if depth:
                depth -= 1
            elif card is not None:
                cards.append(card)
                card = None
            continue
        if card is None:
            stray += 1
        elif not depth:
            card.props.append(prop)
    if card is not None:
        error = DataError(
            "this card has no END:VCARD: the file looks truncated", file=name, line=card.line
        )
        if errors is None:
            raise error
        errors.append(error)
    return cards, stray


# --------------------------------------------------------------------------- values


class _Decoder:
    def __init__(self, encoding: str, wide: bool) -> None:
        self.default = "windows-1252" if encoding == "windows-1252" else "utf-8"
        self.wide = wide

    def text(self, prop: _Property) -> str:
        raw = prop.raw
        charset = prop.param("CHARSET")
        if _is_qp(prop):
            raw = quopri.decodestring(raw)
            return self._decode(raw, charset or "utf-8")
        # Raw bytes of a file that is valid UTF-8 are UTF-8, whatever the label says;
        # the label decides only in an 8-bit file that is not UTF-8.
        return self._decode(raw, None if self.wide or self.default == "utf-8" else charset)

    def _decode(self, raw: bytes, charset: str | None) -> str:
        for codec in (charset, self.default):
            if not codec:
                continue
            try:
                return raw.decode(codec)
            except (LookupError, UnicodeDecodeError):
                continue
        # A stray byte in otherwise good text: keep the text, mark the byte.
        for codec in (charset, self.default):
            try:
                return raw.decode(codec or self.default, "replace")
            except LookupError:
                continue
        return raw.decode("latin-1")


def _unescape(text: str, version: str) -> str:
    if version.startswith("2"):
        return text.replace("\\;", ";")

    def one(m: re.Match[str]) -> str:
        ch = m.group(1)
        return "\n" if ch in "nN" else ch

    return _ESCAPES_3.sub(one, text)


def _components(text: str, version: str) -> list[str]:
    """A structured value (``N``, ``ORG``) split on its unescaped semicolons."""
    parts, current, i = [], [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            current.append(text[i : i + 2])
            i += 2
            continue
        if ch == ";":
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    parts.append("".join(current))
    return [_clean(_unescape(p, version)) or "" for p in parts]


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return text or None


def _email(text: str | None) -> str | None:
    if not text:
        return None
    text = text.strip()
    if text.lower().startswith("mailto:"):
        text = text[len("mailto:") :]
    return text if _EMAIL.match(text) else None


def _phone(text: str | None) -> str | None:
    if not text:
        return None
    text = text.strip()
    if text.lower().startswith("tel:"):
        text = text[len("tel:") :].split(";", 1)[0]
    return text or None


def _ranked(props: list[_Property], rank) -> list[_Property]:  # noqa: ANN001
    return [p for _, p in sorted(enumerate(props), key=lambda ip: (rank(ip[1]), ip[0]))]


def _phone_rank(prop: _Property) -> int:
    types = prop.types
    if types & {"FAX", "PAGER"}:
        return 3
    if prop.preferred:
        return 0
    return 1 if "WORK" in types else 2


class _Reader:
    def __init__(self, name: str, encoding: str, wide: bool) -> None:
        self.name = name
        self.decoder = _Decoder(encoding, wide)

    def value(self, prop: _Property | None, version: str) -> str | None:
        if prop is None:
            return None
        return _clean(_unescape(self.decoder.text(prop), version))

    def card(self, card: _Card, parsed: ParsedFile) -> None:
        version_prop = card.first("VERSION")
        version = self.decoder.text(version_prop).strip() if version_prop else "3.0"
        source = Source(self.name, card.line)

        full_name = self.value(card.first("FN"), version)
        n = card.first("N")
        if not full_name and n is not None:
            parts = _components(self.decoder.text(n), version) + [""] * 5
            family, given, additional = parts[0], parts[1], parts[2]
            full_name = _clean(" ".join(p for p in (given, additional, family) if p))
        org = card.first("ORG")
        company = None
        if org is not None:
            company = _clean(_components(self.decoder.text(org), version)[0])

        kind = (self.value(card.first("KIND"), version) or "").lower()
        shows_as = (self.value(card.first("X-ABSHOWAS"), version) or "").upper()
        if kind == "group":
            parsed.skipped.append((source, "a contact group, not a person"))
            return
        if kind == "org" or shows_as == "COMPANY":
            name = company or full_name
            if name:
                parsed.companies.append(CompanyRecord(source, name))
            else:
                parsed.skipped.append((source, "a company card without a name"))
            return

        emails: list[str] = []
        for prop in _ranked(card.all("EMAIL"), lambda p: 0 if p.preferred else 1):
            email = _email(self.value(prop, version))
            if email and email.lower() not in (e.lower() for e in emails):
                emails.append(email)
        phones = [
            phone
            for prop in _ranked(card.all("TEL"), _phone_rank)
            if (phone := _phone(self.value(prop, version)))
        ]
        title = self.value(card.first("TITLE"), version) or self.value(card.first("ROLE"), version)
        notes = [v for p in card.all("NOTE") if (v := self.value(p, version))]
        uid = self.value(card.first("UID"), version)

        if not (full_name or emails or phones or company):
            parsed.skipped.append((source, "no name, e-mail, phone nor company"))
            return
        parsed.contacts.append(
            ContactRecord(
                source,
                full_name,
                email=emails[0] if emails else None,
                other_emails=emails[1:],
                title=title,
                phone=phones[0] if phones else None,
                company=company,
                notes="\n".join(notes) or None,
                external_id=uid,
            )
        )


def read(path: str | Path, errors: list | None = None) -> ParsedFile:
    """Every card of the vCard file at ``path``; DataError when it holds no card.

    A truncated last card raises its DataError, or, when ``errors`` is a list (a dry
    run), is appended there while the complete cards are read.
    """
    path = Path(path)
    name = path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataError(f"cannot read the file: {exc.strerror or exc}", file=name) from None
    if not data.strip():
        raise DataError("the file is empty", file=name)
    text, encoding, wide = decode_bytes(data, name)
    cards, _stray = _cards(text, name, errors)
    if not cards and not errors:
        raise DataError("not a vCard file: no BEGIN:VCARD … END:VCARD card in it", file=name)
    parsed = ParsedFile(str(path), FORMAT, encoding)
    reader = _Reader(name, encoding, wide)
    for card in cards:
        reader.card(card, parsed)
    return parsed


def _register() -> None:
    try:
        from abmdesk.interop.formats import detect
    except ImportError:  # the registry is optional for the reader itself
        return

    detect.register(
        FORMAT,
        lambda sample: 1.0 if sniff(sample.head) else 0.0,
        lambda path, options: read(path, errors=options.errors),
    )


_register()
