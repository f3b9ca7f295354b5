"""UK phone numbers checked with the phonenumbers library, and their tel: and sms: targets."""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

import phonenumbers
from phonenumbers import shortnumberinfo


@dataclass(frozen=True)
class PhoneNumber:
    """A phone number the pack gives, as dialled in the UK."""

    display: str
    dial: str
    kind: str  # "full", "short" (116 000, 101) or "emergency" (999, 112)

    @property
    def tel_uri(self) -> str:
        """The tel: link a phone opens to call this number."""
        return f"tel:{self.dial}"

    @property
    def sms_uri(self) -> str:
        """The sms: link a phone opens to text this number."""
        return f"sms:{self.dial}"


class InvalidPhoneNumber(ValueError):
    """The text is not a number a UK phone can call."""


# Pages draw the same few content numbers on every run; only pack content is ever parsed here.
@functools.lru_cache(maxsize=1024)
def parse_uk_number(text: str) -> PhoneNumber:
    """Check a number the way telephony does: a valid UK number, or a valid UK short or emergency number."""
    display = " ".join(text.split())
    # Other scripts' digits (e.g. Arabic-Indic) become 0-9, so tel: and sms: links hold ASCII only.
    digits = "".join(
        str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in display if ch.isdecimal() or ch == "+"
    )
    if not digits or len(digits) > 20 or any(ch.isalpha() for ch in display):
        raise InvalidPhoneNumber(f"'{text}' is not a phone number")
    if shortnumberinfo.is_emergency_number(digits, "GB"):
        return PhoneNumber(display, digits, "emergency")
    try:
        parsed = phonenumbers.parse(digits, "GB")
    except phonenumbers.NumberParseException:
        # The library's own wording ("(1) The string supplied did not seem to be...") helps no editor.
        raise InvalidPhoneNumber(f"'{text}' is not a phone number") from None
    if not digits.startswith("+") and shortnumberinfo.is_valid_short_number_for_region(parsed, "GB"):
        return PhoneNumber(display, digits, "short")
    if phonenumbers.is_valid_number(parsed) and phonenumbers.region_code_for_number(parsed) == "GB":
        return PhoneNumber(display, phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164), "full")
    raise InvalidPhoneNumber(f"'{text}' is not a valid UK number")
