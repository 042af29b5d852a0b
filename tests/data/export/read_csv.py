#!/usr/bin/env python3
"""Independent reader for Procglass CSV exports, used by tst_export_cli.

Reads a CSV file (or standard input with "-") with Python's csv module, checks the format promised
in the README (strict UTF-8, RFC 4180 quoting, CRLF after every record including the last), undoes
the documented field encoding and prints JSON: {"rows": [[field, ...], ...]} where each field is
the hex of the original raw bytes. Exit status 1 with a message on stderr if the file breaks the
format.

Field decoding, the inverse of CsvWriter's encoding:
  1. a leading apostrophe was added by formula neutralisation: drop exactly one;
  2. "\\\\" is a literal backslash and "\\xHH" is the byte 0xHH; any other backslash is an error.
"""
import csv
import io
import json
import re
import sys

ESCAPE = re.compile(r'\\(\\|x([0-9A-F]{2}))')


def decode_field(text):
    if text.startswith("'"):
        text = text[1:]
    out = bytearray()
    pos = 0
    for m in ESCAPE.finditer(text):
        chunk = text[pos:m.start()]
        if '\\' in chunk:
            raise ValueError('stray backslash in field %r' % text)
        out += chunk.encode('utf-8')
        out += b'\\' if m.group(1) == '\\' else bytes([int(m.group(2), 16)])
        pos = m.end()
    rest = text[pos:]
    if '\\' in rest:
        raise ValueError('stray backslash in field %r' % text)
    out += rest.encode('utf-8')
    return bytes(out)


def check_line_endings(text):
    in_quotes = False
    for i, c in enumerate(text):
        if c == '"':
            in_quotes = not in_quotes
        elif not in_quotes and c == '\n' and (i == 0 or text[i - 1] != '\r'):
            raise ValueError('record ends in a bare LF at offset %d' % i)
        elif not in_quotes and c == '\r' and (i + 1 >= len(text) or text[i + 1] != '\n'):
            raise ValueError('bare CR outside quotes at offset %d' % i)
    if text and not text.endswith('\r\n'):
        raise ValueError('the last record does not end in CRLF')


def main():
    data = sys.stdin.buffer.read() if sys.argv[1] == '-' else open(sys.argv[1], 'rb').read()
    try:
        text = data.decode('utf-8', errors='strict')
        check_line_endings(text)
        reader = csv.reader(io.StringIO(text, newline=''), strict=True)
        rows = [[decode_field(f).hex() for f in row] for row in reader]
    except (UnicodeDecodeError, ValueError, csv.Error) as e:
        print('read_csv.py: %s' % e, file=sys.stderr)
        return 1
    json.dump({'rows': rows}, sys.stdout)
    return 0


if __name__ == '__main__':
    sys.exit(main())
