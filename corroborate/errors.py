"""Exceptions raised by corroborate; each names the input it is about.

    CorroborateError                 base class; the CLI prints "Name: message" and exits 1
    ├── InputError                   an input cannot become an article (``.input`` names it)
    │   ├── UnreadableInput          the path cannot be opened or read
    │   ├── BinaryInput              the bytes are not text (image, archive, executable)
    │   ├── DecodeError              the bytes are not valid in the expected encoding
    │   ├── InputTooLarge            the file or record is over the size limit
    │   ├── EmptyArticle             nothing is left after reading and cleaning
    │   ├── InvalidRecord            a JSON value is malformed or of the wrong type
    │   └── UnsupportedFormat        the content is not a format corroborate reads
    └── StoreError                   the SQLite store cannot be opened or is from a newer version
"""

from __future__ import annotations


class CorroborateError(Exception):
    """Something corroborate cannot do; the message says what to try next."""


class InputError(CorroborateError):
    """An input cannot become an article."""

    def __init__(self, input: str, message: str):
        super().__init__(f"{input}: {message}")
        self.input = input
        self.reason = message


class UnreadableInput(InputError):
    """The path cannot be opened or read."""


class BinaryInput(InputError):
    """The bytes are not text."""


class DecodeError(InputError):
    """The bytes are not valid in the expected encoding."""


class InputTooLarge(InputError):
    """The file or record is larger than the configured limit."""


class EmptyArticle(InputError):
    """No article text is left after reading and cleaning."""


class InvalidRecord(InputError):
    """A JSON value is malformed or has the wrong type."""


class UnsupportedFormat(InputError):
    """The content is not in a format corroborate reads."""


class StoreError(CorroborateError):
    """The store cannot be opened, or was written by a newer corroborate."""
